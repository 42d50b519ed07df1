package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Pushes a stored notification to a person while they are online (their realtime room
 * {@code user:<id>}). Notifications are stored whatever this does; {@link #NONE} pushes nothing.
 */
public interface Notifier {
  Notifier NONE = (userId, notification) -> Future.succeededFuture();

  Future<Void> notify(String userId, JsonObject notification);
}
