package org.rapporteur.realtime.transport;

import org.rapporteur.realtime.room.RoomAccessChanged;

/**
 * A long-lived connection of the gateway: kept alive, closed when its peer has gone quiet, and told
 * when a person's access to a room may have changed.
 */
interface Heartbeat {
  /** Sends a heartbeat, or closes the connection when nothing was heard since {@code deadlineMillis}. */
  void beat(long deadlineMillis);

  void shutdown();

  /** Closes the connection telling the client to come back soon: this process is restarting. */
  default void restart() {
    shutdown();
  }

  /**
   * Checks again whether this connection's person may still read its rooms, after a change that may
   * have taken that away, and stops serving the rooms they may no longer read.
   */
  void accessChanged(RoomAccessChanged change);

  /** Bytes written to the connection that its peer has not taken yet. */
  long queuedBytes();
}
