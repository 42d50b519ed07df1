package org.rapporteur.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

public final class MongoErrors {
  private MongoErrors() {}

  /** True when a write failed on a unique index (E11000), whichever driver exception carries it. */
  public static boolean isDuplicateKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MongoServerException e
          && ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains("E11000")) {
        return true;
      }
    }
    return false;
  }
}
