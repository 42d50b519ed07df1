package org.rapporteur.liaison;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rapporteur.platform.errors.FieldError;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.UnprocessableException;
import org.rapporteur.contribution.Contribution;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.Question;
import org.rapporteur.workspace.WorkspaceService;

/**
 * Checks a draft against stored data: the groups it names exist, its Questions belong to them, its
 * links point at existing statements without closing a loop, and its deadline lies ahead.
 */
final class LiaisonRules {
  private static final int MAX_CHAIN = 100;

  private final WorkspaceService workspaces;
  private final LiaisonStore store;
  private final ContributionService contributions;

  LiaisonRules(WorkspaceService workspaces, LiaisonStore store, ContributionService contributions) {
    this.workspaces = workspaces;
    this.store = store;
    this.contributions = contributions;
  }

  /** The parties and thread of a valid draft. */
  record Resolved(Liaison.Party from, List<Liaison.Party> to, List<Liaison.Party> cc, String threadId) {}

  static void requireFutureDeadline(Instant deadline, Purpose purpose, Instant now) {
    if (deadline != null && !deadline.isAfter(now)) {
      throw InvalidInputException.of("deadline", "must be in the future");
    }
    if (deadline == null && purpose == Purpose.FOR_ACTION) {
      throw InvalidInputException.of("deadline", "is required for a statement for action");
    }
  }

  Future<Liaison.Party> sender(LiaisonDraft draft) {
    if (draft.fromGroupId() == null) {
      return Future.succeededFuture(Liaison.Party.outside(draft.fromBody()));
    }
    return workspaces.findGroup(draft.fromGroupId()).map(group -> Liaison.Party.of(
        group.orElseThrow(() -> UnprocessableException.of("fromGroupId", "names no existing group"))));
  }

  /** Resolves addressees, Questions and links of {@code draft} for statement {@code selfId}. */
  Future<Resolved> resolve(LiaisonDraft draft, Liaison.Party from, String selfId) {
    Future<List<Group>> to = groups(draft.to(), "to");
    Future<List<Group>> cc = groups(draft.cc(), "cc");
    return Future.all(to, cc).compose(v -> {
      List<Group> addressed = to.result();
      if (from.isGroup() && addressed.stream().anyMatch(g -> g.id().equals(from.groupId()))) {
        throw UnprocessableException.of("to", "a group does not address a statement to itself");
      }
      List<String> groupIds = new ArrayList<>();
      if (from.isGroup()) {
        groupIds.add(from.groupId());
      }
      addressed.forEach(g -> groupIds.add(g.id()));
      cc.result().forEach(g -> groupIds.add(g.id()));
      List<String> owners = from.isGroup() ? List.of(from.groupId()) : addressed.stream().map(Group::id).toList();
      return checkQuestions(draft.questions(), groupIds)
          .compose(x -> checkAttachments(draft.attachments(), owners))
          .compose(x -> threadOf(draft.links(), selfId))
          .map(threadId -> new Resolved(from, addressed.stream().map(Liaison.Party::of).toList(),
              cc.result().stream().map(Liaison.Party::of).toList(), threadId));
    });
  }

  private Future<List<Group>> groups(List<String> ids, String field) {
    List<Future<Optional<Group>>> found = ids.stream().map(workspaces::findGroup).toList();
    return Future.all(found).map(v -> {
      List<Group> groups = new ArrayList<>();
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        Optional<Group> group = found.get(i).result();
        if (group.isEmpty()) {
          errors.add(new FieldError(field, "names no existing group: " + ids.get(i)));
        } else {
          groups.add(group.get());
        }
      }
      if (!errors.isEmpty()) {
        throw new UnprocessableException("The statement is addressed to a group that does not exist", errors);
      }
      return groups;
    });
  }

  /**
   * Attachments go through the contributions pipeline (stored, extracted, searchable): each must be
   * a contribution of the sending group, or, for an outside body, of an addressed group.
   */
  private Future<Void> checkAttachments(List<String> ids, List<String> owners) {
    List<Future<Optional<Contribution>>> found = ids.stream().map(contributions::summary).toList();
    return Future.all(found).map(v -> {
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        Optional<Contribution> c = found.get(i).result();
        if (c.isEmpty()) {
          errors.add(new FieldError("attachments[" + i + "]", "names no contribution"));
        } else if (!owners.contains(c.get().groupId())) {
          errors.add(new FieldError("attachments[" + i + "]",
              "is a contribution of another group; upload it to the sending group first"));
        }
      }
      if (!errors.isEmpty()) {
        throw new UnprocessableException(errors.get(0).field() + ": " + errors.get(0).message(), errors);
      }
      return null;
    });
  }

  private Future<Void> checkQuestions(List<String> numbers, List<String> groupIds) {
    if (numbers.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<List<Question>>> lists = groupIds.stream().map(workspaces::questionsOf).toList();
    return Future.all(lists).map(v -> {
      Set<String> known = new HashSet<>();
      lists.forEach(l -> l.result().forEach(q -> known.add(q.number())));
      List<String> unknown = numbers.stream().filter(n -> !known.contains(n)).toList();
      if (!unknown.isEmpty()) {
        throw UnprocessableException.of("questions",
            "not a Question of the sending, addressed or copied groups: " + String.join(", ", unknown));
      }
      return null;
    });
  }

  /** The thread a statement with these links belongs to; refuses links to nothing and loops. */
  Future<String> threadOf(List<Liaison.Link> links, String selfId) {
    List<Liaison.Link> replies = links.stream().filter(l -> l.type() == LinkType.IN_RESPONSE_TO).toList();
    if (replies.size() > 1) {
      return Future.failedFuture(UnprocessableException.of("links", "a statement answers at most one statement"));
    }
    if (links.stream().anyMatch(l -> l.liaisonId().equals(selfId))) {
      return Future.failedFuture(UnprocessableException.of("links", "a statement cannot refer to itself"));
    }
    List<Future<Optional<Liaison>>> targets = links.stream().map(l -> store.findById(l.liaisonId())).toList();
    return Future.all(targets).compose(v -> {
      if (targets.stream().anyMatch(t -> t.result().isEmpty())) {
        throw UnprocessableException.of("links", "refers to a statement that does not exist");
      }
      if (replies.isEmpty()) {
        return Future.succeededFuture(selfId);
      }
      Liaison parent = targets.get(links.indexOf(replies.get(0))).result().orElseThrow();
      return refuseLoop(parent, selfId, 0).map(x -> {
        if (!parent.sent()) {
          throw UnprocessableException.of("links", "only a sent statement can be answered");
        }
        return parent.threadId();
      });
    });
  }

  /** Walks up the replies from {@code ancestor}: meeting {@code selfId} would close a loop. */
  private Future<Void> refuseLoop(Liaison ancestor, String selfId, int depth) {
    if (ancestor.id().equals(selfId)) {
      return Future.failedFuture(UnprocessableException.of("links",
          "this would close a loop: the statement would answer its own reply"));
    }
    Optional<String> up = ancestor.inResponseTo();
    if (up.isEmpty() || depth > MAX_CHAIN) {
      return Future.succeededFuture();
    }
    return store.findById(up.get()).compose(next -> next.isEmpty() ? Future.succeededFuture()
        : refuseLoop(next.get(), selfId, depth + 1));
  }
}
