package org.rapporteur.chat;

/** A long-lived connection the gateway keeps alive and closes when its peer has gone quiet. */
interface Heartbeat {
  /** Sends a heartbeat, or closes the connection when nothing was heard since {@code deadlineMillis}. */
  void beat(long deadlineMillis);

  void shutdown();
}
