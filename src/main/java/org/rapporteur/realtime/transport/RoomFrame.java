package org.rapporteur.realtime.transport;

/** One stored event of a room as its subscribers receive it: its number and its encoded event frame. */
record RoomFrame(long seq, WireFrame frame) {}
