package org.rapporteur.realtime.transport;

import java.time.Instant;

/** Told when stored room events have been handed to their subscribers on one event loop, for the metrics. */
public interface DeliveryObserver {
  DeliveryObserver NONE = (kind, storedAt, subscribers) -> {};

  /** One event of {@code kind}, stored at {@code storedAt}, went out to {@code subscribers} connections. */
  void delivered(String kind, Instant storedAt, int subscribers);
}
