package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.UnprocessableException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.radar.RadarDocument;
import org.rapporteur.radar.RadarMatch;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.radar.RadarService;
import org.rapporteur.workspace.GroupAccess;
import org.rapporteur.workspace.Membership;
import org.rapporteur.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liaison statements between groups, across sectors. Rapporteurs and chairs of the sending group
 * draft; its chairs or secretariat approve and send; each addressed group then finds the statement
 * in its inbox, and its rapporteurs and chairs take it up and reply. Replies form one thread.
 */
public final class LiaisonService {
  private static final Logger log = LoggerFactory.getLogger(LiaisonService.class);

  private final LiaisonStore store;
  private final LiaisonRules rules;
  private final WorkspaceService workspaces;
  private final AuditTrail audit;
  private final NotificationService notifications;
  private final AgendaProposals agenda;
  private final RadarService radar;
  private final ContributionService contributions;

  LiaisonService(LiaisonStore store, WorkspaceService workspaces, ContributionService contributions,
      AuditTrail audit, NotificationService notifications, AgendaProposals agenda, RadarService radar) {
    this.store = store;
    this.rules = new LiaisonRules(workspaces, store, contributions);
    this.workspaces = workspaces;
    this.audit = audit;
    this.notifications = notifications;
    this.agenda = agenda;
    this.radar = radar;
    this.contributions = contributions;
  }

  public Future<Void> start() {
    return store.createIndexes();
  }

  LiaisonStore store() {
    return store;
  }

  // ---- reading

  public Future<LiaisonView> view(Actor actor, String id) {
    Map<String, Future<Optional<GroupAccess>>> cache = new HashMap<>();
    return readable(actor, id, cache).compose(statement -> store.thread(statement.threadId())
        .compose(thread -> filter(thread, l -> canRead(actor, l, cache)))
        .compose(thread -> permissions(actor, statement, thread, cache)))
        .compose(view -> seenBy(actor, view.thread(), cache).compose(thread -> seenBy(actor, view.statement(), cache)
            .map(statement -> new LiaisonView(statement, thread, view.canEdit(), view.canApprove(), view.canSend(),
                view.canClose(), view.replyGroups(), List.of(), null))))
        .compose(view -> attachments(view.statement()).compose(found -> sendsAs(view)
            .map(number -> view.with(found, number))));
  }

  /**
   * The attached contributions by number and title. They belong to the sending group (or, for an
   * outside body, to the addressed one), so whoever reads the statement may know what is attached.
   */
  private Future<List<LiaisonView.Attachment>> attachments(Liaison l) {
    List<Future<Optional<org.rapporteur.contribution.Contribution>>> found =
        l.attachments().stream().map(contributions::summary).toList();
    return Future.all(found).map(v -> found.stream().map(Future::result).flatMap(Optional::stream)
        .map(c -> new LiaisonView.Attachment(c.id(), c.number(), c.title())).toList());
  }

  /** For the one who may send it: the number the statement would take if sent now. */
  private Future<String> sendsAs(LiaisonView view) {
    Liaison l = view.statement();
    if (!view.canSend()) {
      return Future.succeededFuture(null);
    }
    return store.peekNumber(l.from().groupId()).map(n -> number(l.from(), n));
  }

  private static String number(Liaison.Party from, long n) {
    return "LS/" + from.code() + "/" + n;
  }

  /**
   * The statement as the reader may see it: what happened in an addressed group they may not read
   * (its inbox state, its reply, the meeting its agenda item is proposed for) is withheld, so a
   * statement never reveals a restricted group's details to an outsider.
   */
  private Future<Liaison> seenBy(Actor actor, Liaison l, Map<String, Future<Optional<GroupAccess>>> cache) {
    List<Future<Optional<GroupAccess>>> addressed = l.deliveries().stream()
        .map(d -> d.group().isGroup() ? access(actor, d.group().groupId(), cache)
            : Future.succeededFuture(Optional.<GroupAccess>empty()))
        .toList();
    return Future.all(addressed).map(v -> {
      Set<String> readable = addressed.stream().map(Future::result).flatMap(Optional::stream)
          .map(a -> a.group().id()).collect(Collectors.toSet());
      return l.withDeliveriesWithheld(groupId -> !readable.contains(groupId));
    });
  }

  private Future<List<Liaison>> seenBy(Actor actor, List<Liaison> list,
      Map<String, Future<Optional<GroupAccess>>> cache) {
    List<Future<Liaison>> shown = list.stream().map(l -> seenBy(actor, l, cache)).toList();
    return Future.all(shown).map(v -> shown.stream().map(Future::result).toList());
  }

  private Future<LiaisonView> permissions(Actor actor, Liaison l, List<Liaison> thread,
      Map<String, Future<Optional<GroupAccess>>> cache) {
    Future<Optional<GroupAccess>> from = l.from().isGroup() ? access(actor, l.from().groupId(), cache)
        : Future.succeededFuture(Optional.empty());
    List<Future<Optional<GroupAccess>>> addressed = l.deliveries().stream()
        .map(d -> access(actor, d.group().groupId(), cache)).toList();
    return Future.all(from, Future.all(addressed)).map(v -> {
      boolean leads = from.result().map(GroupAccess::leadsWork).orElse(false);
      boolean manages = from.result().map(GroupAccess::canManage).orElse(false);
      List<Liaison.Party> replyGroups = new ArrayList<>();
      for (int i = 0; i < l.deliveries().size(); i++) {
        Liaison.Delivery d = l.deliveries().get(i);
        if (d.open() && addressed.get(i).result().map(GroupAccess::leadsWork).orElse(false) && actor.signedIn()) {
          replyGroups.add(d.group());
        }
      }
      boolean unsent = !l.sent();
      return new LiaisonView(l, thread, unsent && leads, l.state() == LiaisonState.DRAFT && manages,
          l.state() == LiaisonState.APPROVED && manages, l.state() != LiaisonState.CLOSED && manages, replyGroups,
          List.of(), null);
    });
  }

  /** Recently sent statements the actor may read. */
  public Future<List<Liaison>> recent(Actor actor, int limit) {
    Map<String, Future<Optional<GroupAccess>>> cache = new HashMap<>();
    return store.recentSent(limit * 2).compose(list -> filter(list, l -> canRead(actor, l, cache)))
        .map(list -> list.stream().limit(limit).toList())
        .compose(list -> seenBy(actor, list, cache));
  }

  /** A group's inbox (statements addressed or copied to it) or outbox (its own, drafts only for its members). */
  public Future<List<Liaison>> box(Actor actor, String groupId, boolean inbox) {
    return workspaces.access(actor, groupId).compose(access -> inbox ? store.inbox(groupId)
        : store.outbox(groupId, access.isParticipant()))
        .compose(list -> seenBy(actor, list, new HashMap<>()));
  }

  /** Statements addressed to the group for action or comment whose deadline passed without a reply. */
  public Future<List<Liaison>> overdue(Actor actor, String groupId) {
    return workspaces.access(actor, groupId).compose(access -> store.overdue(groupId, Instant.now()))
        .compose(list -> seenBy(actor, list, new HashMap<>()));
  }

  public Future<List<RadarMatch>> radar(Actor actor, String id, int limit) {
    return readable(actor, id, new HashMap<>()).compose(l -> store.thread(l.threadId()).compose(thread ->
        radar.similar(actor, l.title(), l.body(), l.from().isGroup() ? l.from().sector() : "outside",
            thread.stream().map(t -> RadarDocument.key(RadarDocument.LIAISON, t.id())).toList(), limit)));
  }

  // ---- drafting

  public Future<Liaison> create(Actor actor, LiaisonDraft draft) {
    actor.requireSignedIn();
    Instant now = Instant.now();
    LiaisonRules.requireFutureDeadline(draft.deadline(), draft.purpose(), now);
    String id = Ids.newId();
    return rules.sender(draft)
        .compose(from -> requireAuthor(actor, from, draft).map(from))
        .compose(from -> rules.resolve(draft, from, id))
        .compose(r -> {
          Liaison liaison = new Liaison(id, null, r.from(), r.to(), r.cc(), draft.toBodies(), draft.title(),
              draft.purpose(), draft.deadline(), draft.questions(), draft.body(), draft.contacts(),
              draft.attachments(), draft.links(), r.threadId(), LiaisonState.DRAFT, List.of(), actor.userId(), now,
              now, null, 0);
          return store.insert(liaison);
        })
        .compose(l -> audit.record(actor, "liaison.create", "liaison", l.id(), l.toJson(now)).map(l))
        .compose(l -> l.from().isGroup() ? Future.succeededFuture(l) : receiveFromOutside(actor, l));
  }

  /** Groups draft as themselves; an outside body's statement is registered by those who lead the addressed group. */
  private Future<Void> requireAuthor(Actor actor, Liaison.Party from, LiaisonDraft draft) {
    String groupId = from.isGroup() ? from.groupId() : draft.to().isEmpty() ? null : draft.to().get(0);
    if (groupId == null) {
      return Future.failedFuture(InvalidInputException.of("to", "name the group that received this statement"));
    }
    return workspaces.access(actor, groupId)
        .recover(e -> Future.failedFuture(e instanceof NotFoundException
            ? UnprocessableException.of(from.isGroup() ? "fromGroupId" : "to", "names no existing group") : e))
        .map(access -> {
          if (!access.leadsWork()) {
            throw new ForbiddenException(from.isGroup()
                ? "Only the rapporteurs and chairs of " + access.group().code() + " draft its statements"
                : "Only the rapporteurs and chairs of " + access.group().code() + " register statements it receives");
          }
          return null;
        });
  }

  private Future<Liaison> receiveFromOutside(Actor actor, Liaison l) {
    Liaison.Party first = l.to().get(0);
    return store.nextNumber("in:" + first.groupId())
        .compose(n -> store.replace(l.sentAs("LS-IN/" + first.code() + "/" + n, deliveries(l), Instant.now())))
        .compose(sent -> afterDelivery(actor, sent));
  }

  public Future<Liaison> update(Actor actor, String id, LiaisonDraft changes) {
    actor.requireSignedIn();
    if (changes.present().contains("fromGroupId") || changes.present().contains("fromBody")) {
      return Future.failedFuture(InvalidInputException.of("fromGroupId", "the sender of a statement cannot change"));
    }
    Instant now = Instant.now();
    return find(id).compose(l -> requireRole(actor, l.from(), GroupAccess::leadsWork,
            "Only the rapporteurs and chairs of the sending group edit its drafts").map(l))
        .compose(l -> {
          if (l.sent()) {
            throw new ConflictException("A sent statement cannot be edited; reply to it or link a new one");
          }
          LiaisonDraft merged = changes.over(l);
          LiaisonRules.requireFutureDeadline(merged.deadline(), merged.purpose(), now);
          return rules.resolve(merged, l.from(), l.id())
              .compose(r -> store.replace(l.edited(merged, r.from(), r.to(), r.cc(), r.threadId(), now)
                  .withState(LiaisonState.DRAFT, now)));
        })
        .compose(l -> audit.record(actor, "liaison.update", "liaison", id, l.toJson(now)).map(l));
  }

  // ---- workflow

  public Future<Liaison> approve(Actor actor, String id) {
    return transition(actor, id, LiaisonState.DRAFT, "approve", l -> {
      LiaisonRules.requireFutureDeadline(l.deadline(), l.purpose(), Instant.now());
      return store.replace(l.withState(LiaisonState.APPROVED, Instant.now()));
    });
  }

  public Future<Liaison> send(Actor actor, String id) {
    return transition(actor, id, LiaisonState.APPROVED, "send", l -> {
      LiaisonRules.requireFutureDeadline(l.deadline(), l.purpose(), Instant.now());
      return store.nextNumber(l.from().groupId())
          .compose(n -> store.replace(l.sentAs(number(l.from(), n), deliveries(l), Instant.now())));
    }).compose(sent -> afterDelivery(actor, sent));
  }

  private Future<Liaison> transition(Actor actor, String id, LiaisonState required, String verb,
      java.util.function.Function<Liaison, Future<Liaison>> change) {
    actor.requireSignedIn();
    return find(id)
        .compose(l -> requireRole(actor, l.from(), GroupAccess::canManage,
            "Only the chairs and secretariat of the sending group " + verb + " its statements").map(l))
        .compose(l -> {
          if (l.state() != required) {
            throw new ConflictException("Only a statement in state '" + required.wire() + "' can be " + verb
                + (verb.endsWith("e") ? "d" : "ed") + "; this one is '" + l.state().wire() + "'");
          }
          return change.apply(l);
        })
        .compose(l -> audit.record(actor, "liaison." + verb, "liaison", id,
            new JsonObject().put("number", l.number()).put("state", l.state().wire())).map(l));
  }

  private static List<Liaison.Delivery> deliveries(Liaison l) {
    List<Liaison.Delivery> out = new ArrayList<>();
    l.to().forEach(p -> out.add(new Liaison.Delivery(p, false, DeliveryState.RECEIVED, null, null)));
    l.cc().forEach(p -> out.add(new Liaison.Delivery(p, true, DeliveryState.RECEIVED, null, null)));
    return out;
  }

  /** After a statement reaches its inboxes: the answered one is marked, agenda items proposed, people told. */
  private Future<Liaison> afterDelivery(Actor actor, Liaison sent) {
    return markAnswered(sent)
        .recover(e -> e instanceof ConflictException ? markAnswered(sent) : Future.failedFuture(e))
        .compose(v -> proposeAgendaItems(sent))
        .compose(l -> radar.index(radarDocument(l)).otherwise(e -> {
          // The statement is sent; the radar misses it until the index is rebuilt (delete DATA_DIR/radar).
          log.error("Radar indexing of {} failed", l.number(), e);
          return null;
        }).map(l))
        .compose(l -> tellAddressees(l).map(l));
  }

  private Future<Void> markAnswered(Liaison reply) {
    Optional<String> parentId = reply.inResponseTo();
    if (parentId.isEmpty() || !reply.from().isGroup()) {
      return Future.succeededFuture();
    }
    return store.findById(parentId.get()).compose(found -> {
      if (found.isEmpty() || found.get().deliveryTo(reply.from().groupId()).isEmpty()) {
        return Future.succeededFuture();
      }
      Liaison parent = found.get();
      Instant now = Instant.now();
      List<Liaison.Delivery> marked = parent.deliveries().stream()
          .map(d -> reply.from().groupId().equals(d.group().groupId()) ? d.with(DeliveryState.REPLIED, reply.id()) : d)
          .toList();
      LiaisonState state = parent.state() == LiaisonState.CLOSED ? LiaisonState.CLOSED : LiaisonState.REPLIED;
      return store.replace(parent.withDeliveries(marked, now).withState(state, now)).mapEmpty();
    });
  }

  private Future<Liaison> proposeAgendaItems(Liaison l) {
    if (l.purpose() != Purpose.FOR_ACTION) {
      return Future.succeededFuture(l);
    }
    List<Future<Liaison.Delivery>> proposed = l.deliveries().stream().map(d -> d.copy()
        ? Future.succeededFuture(d)
        : agenda.propose(d.group().groupId(),
            new AgendaProposals.Statement(l.id(), l.number(), l.from().label(), l.title(), l.deadline()))
            .map(p -> d.withAgenda(p.orElse(null)))
            .recover(e -> {
              log.warn("Agenda proposal for {} at group {} failed", l.id(), d.group().code(), e);
              return Future.succeededFuture(d);
            })).toList();
    return Future.all(proposed).compose(v -> {
      List<Liaison.Delivery> updated = proposed.stream().map(Future::result).toList();
      return updated.equals(l.deliveries()) ? Future.succeededFuture(l)
          : store.replace(l.withDeliveries(updated, Instant.now()));
    });
  }

  /**
   * One notification per person, naming every addressed group of theirs: a chair of two addressed
   * groups reads of the statement once.
   */
  private Future<Void> tellAddressees(Liaison l) {
    List<Liaison.Delivery> addressed = l.deliveries();
    return peopleOf(addressed).compose(people -> Future.all(people.values().stream()
            .map(p -> notifications.notify(p.userId(), "liaison.received", noticeParams(l, p.groupCodes()), l.id())
                .otherwise(e -> {
                  log.warn("Telling {} about {} failed", p.userId(), l.number(), e);
                  return null;
                }))
            .toList()))
        .mapEmpty();
  }

  /** The leaders of the given deliveries' groups, each once, with the codes of their groups among them. */
  Future<Map<String, Addressee>> peopleOf(List<Liaison.Delivery> deliveries) {
    List<Future<List<Membership>>> each = deliveries.stream()
        .map(d -> leaders(d.group().groupId()).otherwise(e -> {
          log.warn("Leaders of {} could not be read", d.group().code(), e);
          return List.of();
        }))
        .toList();
    return Future.all(each).map(v -> {
      Map<String, Addressee> people = new LinkedHashMap<>();
      for (int i = 0; i < deliveries.size(); i++) {
        String code = deliveries.get(i).group().code();
        for (Membership m : each.get(i).result()) {
          people.computeIfAbsent(m.userId(), id -> new Addressee(m, new ArrayList<>())).groupCodes().add(code);
        }
      }
      return people;
    });
  }

  /** What the browser words a statement's notification from. */
  static JsonObject noticeParams(Liaison l, List<String> groupCodes) {
    return new JsonObject().put("number", l.number()).put("title", l.title()).put("from", l.from().label())
        .put("groups", new JsonArray(groupCodes)).put("purpose", l.purpose().wire())
        .put("deadline", l.deadline() == null ? null : l.deadline().toString());
  }

  /** A person to tell about a statement, and which of its addressed groups they lead. */
  record Addressee(Membership member, List<String> groupCodes) {
    String userId() {
      return member.userId();
    }
  }

  Future<List<Membership>> leaders(String groupId) {
    return workspaces.membersOf(groupId).map(ms -> ms.stream().filter(m -> m.role().leadsWork()).toList());
  }

  /** The addressed group takes the statement up: its state there becomes in-progress. */
  public Future<Liaison> takeUp(Actor actor, String id, String groupId) {
    Instant now = Instant.now();
    return addressedGroup(actor, id, groupId).compose(found -> {
      Liaison l = found.statement();
      if (found.delivery().state() == DeliveryState.IN_PROGRESS) {
        return Future.succeededFuture(l);
      }
      return store.replace(l.withDeliveries(replace(l, found.delivery().with(DeliveryState.IN_PROGRESS, null)), now))
          .compose(u -> audit.record(actor, "liaison.take-up", "liaison", id,
              new JsonObject().put("groupId", found.delivery().group().groupId())).map(u));
    });
  }

  /** Drafts the addressed group's reply, pre-filled from the statement; the statement is then in progress there. */
  public Future<Liaison> draftReply(Actor actor, String id, String groupId) {
    return takeUp(actor, id, groupId).compose(l -> addressedGroup(actor, id, groupId)).compose(found -> {
      Liaison original = found.statement();
      Liaison.Party replier = found.delivery().group();
      Instant now = Instant.now();
      String title = ("Reply to " + original.number() + ": " + original.title());
      Liaison reply = new Liaison(Ids.newId(), null, replier,
          original.from().isGroup() ? List.of(original.from()) : List.of(), List.of(),
          original.from().isGroup() ? List.of() : List.of(original.from().body()),
          title.length() > 300 ? title.substring(0, 300) : title, Purpose.IN_RESPONSE, null,
          original.questions(), "", replyContacts(actor), List.of(),
          List.of(new Liaison.Link(LinkType.IN_RESPONSE_TO, original.id())), original.threadId(), LiaisonState.DRAFT,
          List.of(), actor.userId(), now, now, null, 0);
      return store.insert(reply)
          .compose(r -> audit.record(actor, "liaison.create", "liaison", r.id(), r.toJson(now)).map(r));
    });
  }

  /** As a new draft does: the one who drafts is the contact, until they name another. */
  private static List<Liaison.Contact> replyContacts(Actor actor) {
    return actor.name() == null ? List.of() : List.of(new Liaison.Contact(actor.name(), actor.email(), null));
  }

  private record Addressed(Liaison statement, Liaison.Delivery delivery) {}

  private Future<Addressed> addressedGroup(Actor actor, String id, String groupId) {
    actor.requireSignedIn();
    return find(id).compose(l -> {
      List<Liaison.Delivery> candidates = l.deliveries().stream()
          .filter(d -> groupId == null || d.group().groupId().equals(groupId)).toList();
      if (candidates.isEmpty()) {
        throw UnprocessableException.of("groupId", "the statement is not addressed to this group");
      }
      List<Future<Optional<GroupAccess>>> rights = candidates.stream()
          .map(d -> access(actor, d.group().groupId(), new HashMap<>())).toList();
      return Future.all(rights).map(v -> {
        for (int i = 0; i < candidates.size(); i++) {
          if (rights.get(i).result().map(GroupAccess::leadsWork).orElse(false)) {
            Liaison.Delivery d = candidates.get(i);
            if (!d.open()) {
              throw new ConflictException("This statement is already " + d.state().wire() + " in " + d.group().code());
            }
            return new Addressed(l, d);
          }
        }
        throw new ForbiddenException("Only the rapporteurs and chairs of an addressed group take up a statement");
      });
    });
  }

  private static List<Liaison.Delivery> replace(Liaison l, Liaison.Delivery changed) {
    return l.deliveries().stream()
        .map(d -> d.group().groupId().equals(changed.group().groupId()) ? changed : d).toList();
  }

  /** Closes the statement (its sender's chairs) or, with {@code groupId}, its copy in that addressed group. */
  public Future<Liaison> close(Actor actor, String id, String groupId) {
    Instant now = Instant.now();
    if (groupId != null) {
      return find(id).compose(l -> addressedGroup(actor, id, groupId)).compose(found -> store.replace(
              found.statement().withDeliveries(replace(found.statement(),
                  found.delivery().with(DeliveryState.CLOSED, found.delivery().replyId())), now)))
          .compose(l -> audit.record(actor, "liaison.close", "liaison", id, new JsonObject().put("groupId", groupId))
              .map(l));
    }
    actor.requireSignedIn();
    return find(id).compose(l -> requireRole(actor, l.from(), GroupAccess::canManage,
            "Only the chairs and secretariat of the sending group close its statements").map(l))
        .compose(l -> {
          if (l.state() == LiaisonState.CLOSED) {
            throw new ConflictException("The statement is already closed");
          }
          return store.replace(l.withState(LiaisonState.CLOSED, now));
        })
        .compose(l -> audit.record(actor, "liaison.close", "liaison", id, new JsonObject()).map(l));
  }

  /** Adds a typed link after the fact; an answer joins (and brings its own replies into) the answered thread. */
  public Future<Liaison> addLink(Actor actor, String id, Liaison.Link link) {
    actor.requireSignedIn();
    Instant now = Instant.now();
    return find(id).compose(l -> requireRole(actor, l.from(), GroupAccess::leadsWork,
            "Only the rapporteurs and chairs of the sending group link its statements").map(l))
        .compose(l -> {
          if (link.type() == LinkType.IN_RESPONSE_TO && l.inResponseTo().isPresent()) {
            throw UnprocessableException.of("links", "this statement already answers another one");
          }
          if (l.links().contains(link)) {
            return Future.succeededFuture(l);
          }
          List<Liaison.Link> links = new ArrayList<>(l.links());
          links.add(link);
          return rules.threadOf(links, l.id()).compose(threadId -> store.replace(l.withLinks(links, threadId, now))
              .compose(u -> threadId.equals(l.threadId()) ? Future.succeededFuture(u)
                  : store.moveThread(l.threadId(), threadId).compose(v -> reindexThread(threadId)).map(u)));
        })
        .compose(l -> audit.record(actor, "liaison.link", "liaison", id, link.toJson()).map(l));
  }

  // ---- helpers

  private Future<Liaison> find(String id) {
    Ids.requirePathId(id, "liaison statement");
    return store.findById(id).map(found -> found.orElseThrow(
        () -> new NotFoundException("No liaison statement with id " + id)));
  }

  private Future<Liaison> readable(Actor actor, String id, Map<String, Future<Optional<GroupAccess>>> cache) {
    return find(id).compose(l -> canRead(actor, l, cache).map(ok -> {
      if (!ok) {
        throw new NotFoundException("No liaison statement with id " + id);
      }
      return l;
    }));
  }

  /** Drafts are for the sending group's members; sent statements for whoever reads one of the groups. */
  private Future<Boolean> canRead(Actor actor, Liaison l, Map<String, Future<Optional<GroupAccess>>> cache) {
    if (!l.sent()) {
      return l.from().isGroup()
          ? access(actor, l.from().groupId(), cache).map(a -> a.map(GroupAccess::isParticipant).orElse(false))
          : Future.succeededFuture(false);
    }
    List<Future<Optional<GroupAccess>>> all = l.groupIds().stream().map(g -> access(actor, g, cache)).toList();
    return Future.all(all).map(v -> all.stream().anyMatch(f -> f.result().map(GroupAccess::canRead).orElse(false)));
  }

  private Future<Optional<GroupAccess>> access(Actor actor, String groupId,
      Map<String, Future<Optional<GroupAccess>>> cache) {
    return cache.computeIfAbsent(groupId, g -> workspaces.access(actor, g).map(Optional::of)
        .otherwise(Optional.empty()));
  }

  private Future<Void> requireRole(Actor actor, Liaison.Party group, Predicate<GroupAccess> allowed, String refusal) {
    if (!group.isGroup()) {
      return Future.failedFuture(new ForbiddenException("A statement from an outside body is not handled here"));
    }
    return workspaces.access(actor, group.groupId()).map(access -> {
      if (!allowed.test(access)) {
        throw new ForbiddenException(refusal);
      }
      return null;
    });
  }

  private static Future<List<Liaison>> filter(List<Liaison> list, java.util.function.Function<Liaison,
      Future<Boolean>> test) {
    List<Future<Boolean>> checks = list.stream().map(test).toList();
    return Future.all(checks).map(v -> {
      List<Liaison> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (checks.get(i).result()) {
          out.add(list.get(i));
        }
      }
      return out;
    });
  }

  static RadarDocument radarDocument(Liaison l) {
    Liaison.Party owner = l.from().isGroup() ? l.from() : l.to().get(0);
    String sector = l.from().isGroup() ? l.from().sector() : "outside";
    return new RadarDocument(RadarDocument.LIAISON, l.id(), sector, owner.groupId(), owner.code(), l.number(),
        l.title(), l.body(), l.threadId());
  }

  /** The radar knows a statement's thread, so a thread's statements are not reported as overlaps. */
  private Future<Void> reindexThread(String threadId) {
    return store.thread(threadId).compose(thread -> Future.all(thread.stream().filter(Liaison::sent)
        .map(t -> radar.index(radarDocument(t))).toList())).mapEmpty();
  }

  /** Every sent statement, for rebuilding the radar index. */
  public Future<List<RadarDocument>> radarDocuments() {
    return store.recentSent(100_000).map(list -> list.stream().map(LiaisonService::radarDocument).toList());
  }
}
