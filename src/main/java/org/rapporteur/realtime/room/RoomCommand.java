package org.rapporteur.realtime.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A client frame type that a feature handles ({@code send}, {@code edit}, ...), registered with
 * {@link Rooms}. It arrives over the WebSocket or as a POST; both go through {@link Rooms#run}, so
 * access is looked up one way.
 */
public interface RoomCommand<P, C> {
  /** Reads the frame; fails with an invalid-input error naming the field. */
  C parse(JsonObject frame);

  RoomName room(C command);

  String clientId(C command);

  /** Runs the command for a caller who may read the room; answers the stored event it is acknowledged with. */
  Future<RoomEvent> run(P caller, RoomAccess access, C command);
}
