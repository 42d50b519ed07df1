package org.rapporteur.platform.events;

/**
 * The event-bus addresses on which features publish their typed domain events, written down in one
 * place so that a consumer never has to import the publishing feature to find them.
 */
public final class Addresses {
  /** A contribution was created, revised, extracted or changed status; the body is a {@link ContributionChanged}. */
  public static final String CONTRIBUTION_CHANGED = "rapporteur.contribution.changed";

  /** A project of a regional initiative changed; the body is the initiative feature's {@code ProjectChanged}. */
  public static final String PROJECT_CHANGED = "rapporteur.initiative.project.changed";

  /** A statement's document for the duplication radar; the body is the radar feature's {@code RadarDocument}. */
  public static final String RADAR_DOCUMENT_CHANGED = "rapporteur.radar.document.changed";

  /** An admin asked for an index to be rebuilt on every node; the body names it: {@code {"index":"search"}}. */
  public static final String INDEX_REBUILD_REQUESTED = "rapporteur.index.rebuild";

  /** The change feed has a new entry (the body carries its {@code seq}): its followers on every node read now. */
  public static final String FEED_APPENDED = "rapporteur.feed.appended";

  /** Someone's access to rooms changed (membership, registration); the rooms drop what they cached. */
  public static final String ROOM_ACCESS_CHANGED = "rapporteur.room.access";

  /** A chat room's mutes changed (the body is the room); every instance drops its cached mutes. */
  public static final String CHAT_MUTES_CHANGED = "rapporteur.chat.mutes";

  /** Followed by a room name: where a room's live events travel to the connections that follow it. */
  public static final String ROOM_PREFIX = "rapporteur.room.";

  private Addresses() {}
}
