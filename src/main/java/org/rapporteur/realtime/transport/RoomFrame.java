package org.rapporteur.realtime.transport;

import java.time.Instant;

/**
 * One stored event of a room as its subscribers receive it: its number and its encoded event frame,
 * with its kind and time of storage for the delivery metrics.
 */
record RoomFrame(long seq, WireFrame frame, String kind, Instant storedAt) {}
