package org.rapporteur.chat;

/** A long-lived connection the gateway keeps alive and closes when its peer has gone quiet. */
interface Heartbeat {
  /** Sends a heartbeat, or closes the connection when nothing was heard since {@code deadlineMillis}. */
  void beat(long deadlineMillis);

  void shutdown();

  /**
   * Checks again whether this connection's person may still read the room, after a change that may
   * have taken that away ({@code userId} null: anyone's), and stops serving it if not.
   */
  void accessChanged(RoomName room, String userId);
}
