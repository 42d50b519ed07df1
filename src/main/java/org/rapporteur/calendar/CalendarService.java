package org.rapporteur.calendar;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.rapporteur.account.AccountService;
import org.rapporteur.account.User;
import org.rapporteur.liaison.Liaison;
import org.rapporteur.liaison.LiaisonService;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.workspace.Membership;
import org.rapporteur.workspace.WorkspaceService;

/**
 * Meetings and reply deadlines as iCalendar: one meeting for whoever may see it, and a person's own
 * feed at a secret address that calendar applications fetch without a session. The feed shows what
 * its owner may see now, read with the owner's rights at every fetch, so leaving a group empties it.
 */
public final class CalendarService {
  private final CalendarFeedStore feeds;
  private final MeetingService meetings;
  private final WorkspaceService workspaces;
  private final LiaisonService liaisons;
  private final AccountService accounts;
  private final AuditTrail audit;
  private final Supplier<String> origin;
  private final CalendarConfig config;

  CalendarService(CalendarFeedStore feeds, MeetingService meetings, WorkspaceService workspaces,
      LiaisonService liaisons, AccountService accounts, AuditTrail audit, Supplier<String> origin,
      CalendarConfig config) {
    this.feeds = feeds;
    this.meetings = meetings;
    this.workspaces = workspaces;
    this.liaisons = liaisons;
    this.accounts = accounts;
    this.audit = audit;
    this.origin = origin;
    this.config = config;
  }

  Future<Void> start() {
    return feeds.createIndexes();
  }

  /** One meeting, in its own time zone; a meeting hidden from the actor is not found. */
  public Future<String> meeting(Actor actor, String meetingId) {
    return meetings.access(actor, meetingId).map(access -> CalendarDocument.write(access.meeting().title(),
        List.of(new CalendarDocument.Event(access.meeting(), access.group().group().code())), List.of(), origin.get(),
        "en", Instant.now()));
  }

  /** The feed behind a secret token; an unknown or revoked token is not found. */
  public Future<String> feed(String token) {
    return feeds.owner(token).compose(userId -> {
      if (userId == null) {
        return Future.failedFuture(new NotFoundException("No calendar feed at this address"));
      }
      return accounts.requireUser(userId).compose(this::feedOf);
    });
  }

  private Future<String> feedOf(User user) {
    Actor actor = user.toActor();
    Instant now = Instant.now();
    Instant since = now.minus(Duration.ofDays(config.feedPastDays()));
    return workspaces.membershipsOf(user.id()).compose(memberships -> {
      List<Future<List<CalendarDocument.Event>>> events = new ArrayList<>();
      List<Future<List<Liaison>>> inboxes = new ArrayList<>();
      for (Membership m : memberships) {
        events.add(workspaces.access(actor, m.groupId()).compose(access -> meetings.list(actor, m.groupId())
            .map(list -> list.stream().filter(meeting -> meeting.end().isAfter(since))
                .map(meeting -> new CalendarDocument.Event(meeting, access.group().code())).toList())));
        inboxes.add(liaisons.box(actor, m.groupId(), true));
      }
      return Future.all(Future.all(events), Future.all(inboxes)).map(v -> CalendarDocument.write("Rapporteur",
          events.stream().flatMap(f -> f.result().stream()).sorted(CalendarDocument.byStart())
              .limit(config.feedMaxEvents()).toList(),
          deadlines(memberships, inboxes, since), origin.get(), user.language(), now));
    });
  }

  /** Each statement once, naming every group of the person that owes it a reply. */
  private List<CalendarDocument.Deadline> deadlines(List<Membership> memberships, List<Future<List<Liaison>>> inboxes,
      Instant since) {
    Map<String, CalendarDocument.Deadline> byStatement = new LinkedHashMap<>();
    for (int i = 0; i < memberships.size(); i++) {
      String groupId = memberships.get(i).groupId();
      for (Liaison l : inboxes.get(i).result()) {
        if (l.deadline() == null || l.deadline().isBefore(since) || !owesReply(l, groupId)) {
          continue;
        }
        String code = l.deliveries().stream().filter(d -> groupId.equals(d.group().groupId())).findFirst()
            .map(d -> d.group().code()).orElse(groupId);
        byStatement.computeIfAbsent(l.id(), id -> new CalendarDocument.Deadline(l.id(), l.number(), l.title(),
            l.deadline(), new ArrayList<>())).groupCodes().add(code);
      }
    }
    return byStatement.values().stream().limit(config.feedMaxEvents()).toList();
  }

  private static boolean owesReply(Liaison l, String groupId) {
    return l.deliveries().stream().anyMatch(d -> groupId.equals(d.group().groupId()) && !d.copy() && d.open());
  }

  /** Whether the signed-in person has a feed, and since when; its address is shown only when made. */
  public Future<JsonObject> feedStatus(Actor actor) {
    actor.requireSignedIn();
    return feeds.createdAt(actor.userId()).map(created -> new JsonObject().put("active", created.isPresent())
        .put("createdAt", created.map(Instant::toString).orElse(null)));
  }

  /** Makes a new secret address, ending the old one; answers it, the only time it is shown. */
  public Future<JsonObject> createFeed(Actor actor) {
    actor.requireSignedIn();
    Instant now = Instant.now();
    return feeds.replace(actor.userId(), now)
        .compose(token -> audit.record(actor, "calendar-feed.create", "user", actor.userId(), null)
            .map(v -> new JsonObject().put("active", true).put("createdAt", now.toString())
                .put("url", origin.get() + "/api/calendar/" + token + ".ics")));
  }

  public Future<Void> revokeFeed(Actor actor) {
    actor.requireSignedIn();
    return feeds.delete(actor.userId()).compose(removed -> removed
        ? audit.record(actor, "calendar-feed.revoke", "user", actor.userId(), null)
        : Future.failedFuture(new NotFoundException("You have no calendar feed")));
  }
}
