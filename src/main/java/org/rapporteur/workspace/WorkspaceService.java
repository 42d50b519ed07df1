package org.rapporteur.workspace;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rapporteur.account.AccountService;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.account.User;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.UnprocessableException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.realtime.room.RoomAccessChanged;

/**
 * Groups, their Questions and memberships. The secretariat creates groups; chairs, vice-chairs and
 * the secretariat manage them; members read restricted groups; anyone reads public ones.
 */
public final class WorkspaceService {
  private final Vertx vertx;
  private final GroupStore groups;
  private final QuestionStore questions;
  private final MembershipStore memberships;
  private final AccountService accounts;
  private final AuditTrail audit;

  WorkspaceService(Vertx vertx, GroupStore groups, QuestionStore questions, MembershipStore memberships,
      AccountService accounts, AuditTrail audit) {
    this.vertx = vertx;
    this.groups = groups;
    this.questions = questions;
    this.memberships = memberships;
    this.accounts = accounts;
    this.audit = audit;
  }

  public Future<Void> start() {
    return groups.createIndexes().compose(v -> questions.createIndexes()).compose(v -> memberships.createIndexes());
  }

  public Future<List<Group>> listGroups(Actor actor, GroupFilter filter) {
    Future<List<String>> memberOf = actor.signedIn()
        ? memberships.findByUser(actor.userId()).map(list -> list.stream().map(Membership::groupId).toList())
        : Future.succeededFuture(List.of());
    return memberOf.compose(ids -> groups.find(filter, ids, actor.isStaff()))
        .map(found -> found.stream()
            .filter(g -> filter.text() == null || matches(g, filter.text()))
            .sorted(Comparator.comparing(Group::sector).thenComparing(Group::code, CodeOrder.INSTANCE))
            .toList());
  }

  private static boolean matches(Group group, String text) {
    String needle = text.toLowerCase(Locale.ROOT);
    return group.code().toLowerCase(Locale.ROOT).contains(needle)
        || group.title().toLowerCase(Locale.ROOT).contains(needle);
  }

  /**
   * What the actor may do in a group; fails with not-found, the same as for a missing group, when the
   * group does not exist or is restricted and the actor may not read it.
   */
  public Future<GroupAccess> access(Actor actor, String groupId) {
    Ids.requirePathId(groupId, "group");
    return groups.findById(groupId).compose(found -> {
      Group group = found.orElseThrow(() -> new NotFoundException("No group with id " + groupId));
      Future<Optional<Membership>> membership = actor.signedIn()
          ? memberships.find(groupId, actor.userId())
          : Future.succeededFuture(Optional.empty());
      return membership.map(m -> new GroupAccess(group, actor, m.map(Membership::role).orElse(null)));
    }).map(access -> {
      // Whoever may not read a restricted group cannot tell it from a missing one.
      if (!access.canRead()) {
        throw new NotFoundException("No group with id " + groupId);
      }
      return access;
    });
  }

  public Future<GroupAccess> requireManager(Actor actor, String groupId) {
    actor.requireSignedIn();
    return access(actor, groupId).map(access -> {
      if (!access.canManage()) {
        throw new ForbiddenException("Only the group's chairs and the secretariat may do this");
      }
      return access;
    });
  }

  public Future<Workspace> workspace(Actor actor, String groupId) {
    return access(actor, groupId).compose(access -> questions.findByGroup(groupId)
        .compose(qs -> memberships.findByGroup(groupId).map(ms -> new Workspace(access, qs, ms))));
  }

  public Future<Group> createGroup(Actor actor, NewGroup draft) {
    actor.requireSignedIn();
    if (!actor.isStaff()) {
      return Future.failedFuture(new ForbiddenException("Only the secretariat and admins create groups"));
    }
    Future<Void> parentExists = draft.parentId() == null ? Future.succeededFuture()
        : groups.findById(draft.parentId()).map(parent -> {
          if (parent.isEmpty()) {
            throw new UnprocessableException("parentId names no existing group");
          }
          return null;
        });
    Instant now = Instant.now();
    Group group = new Group(Ids.newId(), draft.code(), draft.sector(), draft.region(), draft.kind(), draft.title(),
        draft.mandate(), draft.parentId(), draft.visibility(), now, now);
    return parentExists.compose(v -> groups.insert(group))
        .compose(created -> audit.record(actor, "group.create", "group", created.id(), created.toJson()).map(created));
  }

  public Future<Group> updateGroup(Actor actor, String groupId, GroupChanges changes) {
    return requireManager(actor, groupId)
        .compose(access -> changes.isEmpty() ? Future.succeededFuture()
            : groups.update(groupId, changes.toSet(), Instant.now())
                .onSuccess(v -> announceAccessChange(null))
                .compose(v -> audit.record(actor, "group.update", "group", groupId, changes.toSet())))
        .compose(v -> groups.findById(groupId))
        .map(Optional::orElseThrow);
  }

  public Future<Optional<Group>> findByCode(String code) {
    return groups.findByCode(code);
  }

  public Future<List<Question>> questions(Actor actor, String groupId) {
    return access(actor, groupId).compose(access -> questions.findByGroup(groupId));
  }

  public Future<Question> addQuestion(Actor actor, String groupId, Question.Draft draft) {
    Question question = new Question(Ids.newId(), groupId, draft.number(), draft.title(), Instant.now());
    return requireManager(actor, groupId)
        .compose(access -> questions.insert(question))
        .compose(q -> audit.record(actor, "question.add", "group", groupId, q.toJson()).map(q));
  }

  public Future<Void> removeQuestion(Actor actor, String groupId, String questionId) {
    Ids.requirePathId(questionId, "Question");
    return requireManager(actor, groupId)
        .compose(access -> questions.delete(groupId, questionId))
        .compose(removed -> removed
            ? audit.record(actor, "question.remove", "group", groupId, new JsonObject().put("questionId", questionId))
            : Future.failedFuture(new NotFoundException("No such Question in this group")));
  }

  public Future<List<Membership>> members(Actor actor, String groupId) {
    return access(actor, groupId).compose(access -> memberships.findByGroup(groupId));
  }

  public Future<Membership> addMember(Actor actor, String groupId, Membership.Addition addition) {
    return requireManager(actor, groupId)
        .compose(access -> findPerson(addition))
        .compose(user -> memberships.insert(new Membership(groupId, user.id(), addition.role(), user.name(),
            user.email(), user.country(), user.affiliation(), Instant.now())))
        .onSuccess(m -> announceAccessChange(m.userId()))
        .compose(m -> audit.record(actor, "member.add", "group", groupId, m.toJson(true)).map(m));
  }

  private Future<User> findPerson(Membership.Addition addition) {
    if (addition.userId() != null) {
      return accounts.requireUser(addition.userId())
          .recover(e -> Future.failedFuture(e instanceof NotFoundException
              ? new UnprocessableException("userId names no account") : e));
    }
    return accounts.findByEmail(addition.email()).map(user -> user.orElseThrow(
        () -> new UnprocessableException("No account with e-mail address " + addition.email())));
  }

  public Future<Membership> changeRole(Actor actor, String groupId, String userId, GroupRole role) {
    Ids.requirePathId(userId, "member");
    return requireManager(actor, groupId)
        .compose(access -> memberships.updateRole(groupId, userId, role))
        .onSuccess(updated -> announceAccessChangeIf(updated, userId))
        .compose(updated -> updated
            ? audit.record(actor, "member.role", "group", groupId,
                new JsonObject().put("userId", userId).put("role", role.wire()))
            : Future.failedFuture(new NotFoundException("This person is not a member of the group")))
        .compose(v -> memberships.find(groupId, userId))
        .map(Optional::orElseThrow);
  }

  public Future<Void> removeMember(Actor actor, String groupId, String userId) {
    Ids.requirePathId(userId, "member");
    return requireManager(actor, groupId)
        .compose(access -> memberships.delete(groupId, userId))
        .onSuccess(removed -> announceAccessChangeIf(removed, userId))
        .compose(removed -> removed
            ? audit.record(actor, "member.remove", "group", groupId, new JsonObject().put("userId", userId))
            : Future.failedFuture(new NotFoundException("This person is not a member of the group")));
  }

  /**
   * Announced as soon as the store has changed, not after the audit entry: open connections must
   * lose the access even when recording the change fails, and cached access (realtime keeps it for
   * every room of the person) must go at once, a new member's as much as a removed one's.
   */
  private void announceAccessChange(String userId) {
    new RoomAccessChanged(userId).publish(vertx.eventBus());
  }

  private void announceAccessChangeIf(boolean changed, String userId) {
    if (changed) {
      announceAccessChange(userId);
    }
  }

  /** For start-up data only: adds a membership without an acting user. */
  public Future<Membership> provisionMember(String groupId, User user, GroupRole role) {
    return memberships.insert(new Membership(groupId, user.id(), role, user.name(), user.email(), user.country(),
            user.affiliation(), Instant.now()))
        .recover(e -> e instanceof ConflictException
            ? memberships.find(groupId, user.id()).map(Optional::orElseThrow)
            : Future.failedFuture(e));
  }

  // Reads for other features' background work (reminders, the radar index), where no person acts:
  // they must not be exposed to users without an access check of their own.

  public Future<Optional<Group>> findGroup(String groupId) {
    return Ids.isValid(groupId) ? groups.findById(groupId) : Future.succeededFuture(Optional.empty());
  }

  public Future<List<Group>> allGroups() {
    return groups.find(new GroupFilter(null, null, null, null), List.of(), true);
  }

  public Future<List<Question>> questionsOf(String groupId) {
    return questions.findByGroup(groupId);
  }

  public Future<List<Question>> allQuestions() {
    return questions.findAll();
  }

  /** The groups a person belongs to, for their personal calendar feed (read without a session). */
  public Future<List<Membership>> membershipsOf(String userId) {
    return memberships.findByUser(userId);
  }

  public Future<List<Membership>> membersOf(String groupId) {
    return memberships.findByGroup(groupId);
  }
}
