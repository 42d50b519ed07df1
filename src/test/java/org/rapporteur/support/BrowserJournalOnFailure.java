package org.rapporteur.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * A browser test that fails says, in its failure message, what its pages did last (see
 * {@link Chromium#newContext()}): CI shows the message, and a rare failure can then be understood.
 */
final class BrowserJournalOnFailure implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    if (failure instanceof TestAbortedException
        || !(context.getTestInstance().orElse(null) instanceof BrowserTest test) || test.chromium == null
        || test.chromium.journal().isEmpty()) {
      throw failure;
    }
    AssertionError explained = new AssertionError(failure.getMessage() + "\n\nWhat the pages did last:\n"
        + String.join("\n", test.chromium.journal()), failure);
    explained.setStackTrace(failure.getStackTrace());
    throw explained;
  }
}
