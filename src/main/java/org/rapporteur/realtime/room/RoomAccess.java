package org.rapporteur.realtime.room;

/** What one person may do in one room: read it, send to it, moderate it. */
public record RoomAccess(boolean canRead, boolean canSend, boolean canModerate) {
  public static final RoomAccess NONE = new RoomAccess(false, false, false);
}
