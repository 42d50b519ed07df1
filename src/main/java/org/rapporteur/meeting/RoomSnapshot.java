package org.rapporteur.meeting;

/**
 * A meeting's state as a page first shows it, with the meeting room's head read before it: the page
 * follows the room from that head, and so gets every change made after its read, none lost between.
 */
public record RoomSnapshot<T>(long roomHead, T state) {}
