package org.rapporteur.meeting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rapporteur.platform.errors.FieldError;
import org.rapporteur.platform.errors.UnprocessableException;

/** Structural rules of an agenda tree: unique items, moves that keep it a tree, bounded depth. */
final class AgendaTree {
  private AgendaTree() {}

  /** Each item may appear once; an item listed inside itself is the same mistake. */
  static List<FieldError> duplicateItems(List<AgendaItem> items) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    walk(items, item -> {
      if (!seen.add(item.id())) {
        errors.add(new FieldError(item.path() + ".id", "this item appears more than once in the agenda"));
      }
    });
    return errors;
  }

  static List<AgendaItem> move(List<AgendaItem> items, AgendaEdit.Move move) {
    AgendaItem moving = find(items, move.itemId())
        .orElseThrow(() -> UnprocessableException.of("itemId", "names no item of this agenda"));
    if (move.parentId() != null) {
      if (move.parentId().equals(move.itemId()) || find(moving.children(), move.parentId()).isPresent()) {
        throw UnprocessableException.of("parentId", "an item cannot be moved under itself");
      }
      if (find(items, move.parentId()).isEmpty()) {
        throw UnprocessableException.of("parentId", "names no item of this agenda");
      }
      if (depthOf(items, move.parentId(), 1) + height(moving) > AgendaItem.MAX_DEPTH) {
        throw UnprocessableException.of("parentId", "items nest at most " + AgendaItem.MAX_DEPTH + " levels deep");
      }
    }
    List<AgendaItem> without = remove(items, move.itemId());
    return insert(without, move.parentId(), move.position(), moving);
  }

  static Optional<AgendaItem> find(List<AgendaItem> items, String id) {
    for (AgendaItem item : items) {
      if (item.id().equals(id)) {
        return Optional.of(item);
      }
      Optional<AgendaItem> inside = find(item.children(), id);
      if (inside.isPresent()) {
        return inside;
      }
    }
    return Optional.empty();
  }

  static void walk(List<AgendaItem> items, java.util.function.Consumer<AgendaItem> visit) {
    for (AgendaItem item : items) {
      visit.accept(item);
      walk(item.children(), visit);
    }
  }

  private static int height(AgendaItem item) {
    return 1 + item.children().stream().mapToInt(AgendaTree::height).max().orElse(0);
  }

  private static int depthOf(List<AgendaItem> items, String id, int depth) {
    for (AgendaItem item : items) {
      if (item.id().equals(id)) {
        return depth;
      }
      int inside = depthOf(item.children(), id, depth + 1);
      if (inside > 0) {
        return inside;
      }
    }
    return 0;
  }

  private static List<AgendaItem> remove(List<AgendaItem> items, String id) {
    List<AgendaItem> out = new ArrayList<>();
    for (AgendaItem item : items) {
      if (!item.id().equals(id)) {
        out.add(item.withChildren(remove(item.children(), id)));
      }
    }
    return out;
  }

  private static List<AgendaItem> insert(List<AgendaItem> items, String parentId, int position, AgendaItem moving) {
    if (parentId == null) {
      List<AgendaItem> out = new ArrayList<>(items);
      out.add(Math.min(position, out.size()), moving);
      return out;
    }
    return items.stream().map(item -> item.id().equals(parentId)
        ? item.withChildren(insert(item.children(), null, position, moving))
        : item.withChildren(insert(item.children(), parentId, position, moving))).toList();
  }
}
