package org.rapporteur.meeting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Says in plain words what changed between two versions of an agenda, for its visible history. */
final class AgendaDiff {
  private AgendaDiff() {}

  static List<String> describe(Agenda before, Agenda after) {
    Map<String, Agenda.Numbered> old = before.numbered();
    Map<String, Agenda.Numbered> now = after.numbered();
    List<String> lines = new ArrayList<>();
    now.forEach((id, item) -> {
      Agenda.Numbered was = old.get(id);
      if (was == null) {
        lines.add("added " + item.number() + " " + item.item().title());
        return;
      }
      if (!was.number().equals(item.number())) {
        lines.add("moved " + was.number() + " to " + item.number() + " " + item.item().title());
      }
      if (!was.item().title().equals(item.item().title())) {
        lines.add("renamed " + item.number() + " to " + item.item().title());
      }
      if (!Objects.equals(was.item().notes(), item.item().notes())
          || !Objects.equals(was.item().presenter(), item.item().presenter())
          || !Objects.equals(was.item().plannedMinutes(), item.item().plannedMinutes())) {
        lines.add("edited " + item.number() + " " + item.item().title());
      }
      describeAllocations(item.number(), was.item().allocations(), item.item().allocations(), lines);
    });
    old.forEach((id, item) -> {
      if (!now.containsKey(id)) {
        lines.add("removed " + item.number() + " " + item.item().title());
      }
    });
    return lines;
  }

  private static void describeAllocations(String number, List<Allocation> before, List<Allocation> after,
      List<String> lines) {
    Map<String, Allocation> old = new HashMap<>();
    before.forEach(a -> old.put(a.contributionId(), a));
    for (Allocation allocation : after) {
      Allocation was = old.remove(allocation.contributionId());
      String name = allocation.number() != null ? allocation.number() : allocation.contributionId();
      if (was == null) {
        lines.add("allocated " + name + " to " + number);
      } else if (was.status() != allocation.status()) {
        lines.add(name + " " + allocation.status().wire() + " (was " + was.status().wire() + ")");
      }
    }
    old.values().forEach(a -> lines.add("unallocated " + (a.number() != null ? a.number() : a.contributionId())
        + " from " + number));
  }
}
