package org.rapporteur.meeting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two versions of an agenda, for its visible history, as structured changes. */
final class AgendaDiff {
  private AgendaDiff() {}

  static List<AgendaChange> describe(Agenda before, Agenda after) {
    Map<String, Agenda.Numbered> old = before.numbered();
    Map<String, Agenda.Numbered> now = after.numbered();
    List<AgendaChange> changes = new ArrayList<>();
    now.forEach((id, item) -> {
      Agenda.Numbered was = old.get(id);
      String title = item.item().title();
      if (was == null) {
        changes.add(AgendaChange.of("added", "number", item.number(), "title", title));
        return;
      }
      if (!was.number().equals(item.number())) {
        changes.add(AgendaChange.of("moved", "from", was.number(), "to", item.number(), "title", title));
      }
      if (!was.item().title().equals(title)) {
        changes.add(AgendaChange.of("renamed", "number", item.number(), "title", title, "was", was.item().title()));
      }
      if (!Objects.equals(was.item().notes(), item.item().notes())
          || !Objects.equals(was.item().presenter(), item.item().presenter())
          || !Objects.equals(was.item().plannedMinutes(), item.item().plannedMinutes())) {
        changes.add(AgendaChange.of("edited", "number", item.number(), "title", title));
      }
      describeAllocations(item.number(), was.item().allocations(), item.item().allocations(), changes);
    });
    old.forEach((id, item) -> {
      if (!now.containsKey(id)) {
        changes.add(AgendaChange.of("removed", "number", item.number(), "title", item.item().title()));
      }
    });
    return changes;
  }

  private static void describeAllocations(String number, List<Allocation> before, List<Allocation> after,
      List<AgendaChange> changes) {
    Map<String, Allocation> old = new HashMap<>();
    before.forEach(a -> old.put(a.contributionId(), a));
    for (Allocation allocation : after) {
      Allocation was = old.remove(allocation.contributionId());
      if (was == null) {
        changes.add(AgendaChange.of("allocated", "document", name(allocation), "number", number));
      } else if (was.status() != allocation.status()) {
        changes.add(AgendaChange.of("treatment", "document", name(allocation), "status", allocation.status().wire(),
            "was", was.status().wire()));
      }
    }
    old.values().forEach(a -> changes.add(AgendaChange.of("unallocated", "document", name(a), "number", number)));
  }

  private static String name(Allocation allocation) {
    return allocation.number() != null ? allocation.number() : allocation.contributionId();
  }
}
