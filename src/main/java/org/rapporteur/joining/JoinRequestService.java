package org.rapporteur.joining;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapporteur.account.AccountService;
import org.rapporteur.liaison.NotificationService;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.GroupRole;
import org.rapporteur.workspace.Membership;
import org.rapporteur.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to join a group. Whoever may read a group and is not in it may ask (a restricted group
 * stays as invisible as elsewhere); its chairs, vice-chairs and secretariat, and staff, decide. A
 * notification failing to go out never undoes the request or the decision.
 */
public final class JoinRequestService {
  private static final Logger log = LoggerFactory.getLogger(JoinRequestService.class);

  private final JoinRequestStore store;
  private final WorkspaceService workspaces;
  private final AccountService accounts;
  private final NotificationService notifications;
  private final AuditTrail audit;

  JoinRequestService(JoinRequestStore store, WorkspaceService workspaces, AccountService accounts,
      NotificationService notifications, AuditTrail audit) {
    this.store = store;
    this.workspaces = workspaces;
    this.accounts = accounts;
    this.notifications = notifications;
    this.audit = audit;
  }

  Future<Void> start() {
    return store.createIndexes();
  }

  /** Asks to join; fails with a conflict for a member, or while an earlier request waits. */
  public Future<JoinRequest> ask(Actor actor, String groupId, String message) {
    actor.requireSignedIn();
    return workspaces.access(actor, groupId).compose(access -> {
      if (access.role() != null) {
        return Future.failedFuture(new ConflictException("You are already a member of this group"));
      }
      return accounts.requireUser(actor.userId()).compose(user -> store.insert(new JoinRequest(Ids.newId(), groupId,
              user.id(), user.name(), user.email(), user.country(), user.affiliation(), message,
              JoinRequest.State.PENDING, Instant.now(), null, null)))
          .compose(request -> audit.record(actor, "join-request.ask", "group", groupId, request.toJson(false))
              .map(request))
          .onSuccess(request -> tellManagers(access.group(), request));
    });
  }

  /** The requests still waiting for an answer; for those who decide them. */
  public Future<List<JoinRequest>> pending(Actor actor, String groupId) {
    return workspaces.requireManager(actor, groupId)
        .compose(access -> store.findByGroup(groupId, JoinRequest.State.PENDING));
  }

  /** The signed-in person's own waiting request to this group, if any. */
  public Future<Optional<JoinRequest>> mine(Actor actor, String groupId) {
    actor.requireSignedIn();
    return workspaces.access(actor, groupId).compose(access -> store.findPending(groupId, actor.userId()));
  }

  /** Accepts (the person becomes a member) or declines a waiting request, and tells the person. */
  public Future<JoinRequest> decide(Actor actor, String groupId, String requestId, boolean accept) {
    Ids.requirePathId(requestId, "join request");
    JoinRequest.State state = accept ? JoinRequest.State.ACCEPTED : JoinRequest.State.DECLINED;
    return workspaces.requireManager(actor, groupId)
        .compose(access -> store.decide(groupId, requestId, state, actor.userId(), Instant.now())
            .compose(decided -> decided.isPresent() ? Future.succeededFuture(decided.get()) : notPending(groupId, requestId))
            .compose(request -> accept ? admit(actor, request).map(request) : Future.succeededFuture(request))
            .compose(request -> audit.record(actor, "join-request." + (accept ? "accept" : "decline"), "group",
                groupId, request.toJson(false)).map(request))
            .onSuccess(request -> tell(request.userId(), "join." + state.wire(), access.group(), request)));
  }

  private Future<JoinRequest> notPending(String groupId, String requestId) {
    return store.find(groupId, requestId).compose(found -> Future.failedFuture(found.isEmpty()
        ? new NotFoundException("No join request with id " + requestId + " in this group")
        : new ConflictException("This request was already " + found.get().state().wire())));
  }

  /** Adds the member; one added meanwhile by hand is as good. Any other failure puts the request back. */
  private Future<Void> admit(Actor actor, JoinRequest request) {
    return workspaces.addMember(actor, request.groupId(), new Membership.Addition(request.userId(), null, GroupRole.MEMBER))
        .<Void>mapEmpty()
        .recover(e -> e instanceof ConflictException ? Future.succeededFuture()
            : store.reopen(request).compose(v -> Future.failedFuture(e)));
  }

  private void tellManagers(Group group, JoinRequest request) {
    workspaces.membersOf(group.id())
        .onSuccess(members -> members.stream().filter(m -> m.role().manages())
            .forEach(m -> tell(m.userId(), "join.requested", group, request)))
        .onFailure(e -> log.warn("The managers of {} could not be told of a join request", group.code(), e));
  }

  private void tell(String userId, String kind, Group group, JoinRequest request) {
    JsonObject params = new JsonObject().put("groupId", group.id()).put("groupCode", group.code())
        .put("groupTitle", group.title()).put("requestId", request.id()).put("name", request.name());
    notifications.notify(userId, kind, params, null)
        .onFailure(e -> log.warn("Notification {} to {} failed", kind, userId, e));
  }
}
