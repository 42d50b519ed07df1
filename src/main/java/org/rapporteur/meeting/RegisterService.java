package org.rapporteur.meeting;

import io.vertx.core.Future;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.contribution.Contribution;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.platform.errors.TooLargeException;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.zip.StreamingZip;

/**
 * The document register of a meeting, readable by whoever may read the meeting (a restricted group's
 * meeting is as missing to an outsider as one that never was), as data, CSV, or a ZIP of the originals.
 */
public final class RegisterService {
  private final MeetingService meetings;
  private final AgendaService agendas;
  private final ContributionService contributions;
  private final RegisterConfig config;

  RegisterService(MeetingService meetings, AgendaService agendas, ContributionService contributions,
      RegisterConfig config) {
    this.meetings = meetings;
    this.agendas = agendas;
    this.contributions = contributions;
    this.config = config;
  }

  private record Placed(String number, String title, Treatment treatment) {}

  public Future<Register> register(Actor actor, String meetingId) {
    return meetings.access(actor, meetingId).compose(access -> agendas.get(actor, meetingId).compose(agenda -> {
      Map<String, Placed> placed = placements(agenda);
      return contributions.forMeeting(meetingId, List.copyOf(placed.keySet()), config.maxDocuments())
          .map(found -> new Register(access.meeting(), found.stream().map(c -> {
            Placed p = placed.get(c.id());
            return p == null ? new Register.Entry(c, null, null, null)
                : new Register.Entry(c, p.number(), p.title(), p.treatment());
          }).toList()));
    }));
  }

  /** Where each allocated document sits: the first item (in agenda order) that holds it. */
  private static Map<String, Placed> placements(Agenda agenda) {
    Map<String, Placed> placed = new LinkedHashMap<>();
    if (agenda == null) {
      return placed;
    }
    agenda.numbered().values().forEach(n -> n.item().allocations().forEach(a -> placed.putIfAbsent(
        a.contributionId(), new Placed(n.number(), n.item().title(), a.status()))));
    return placed;
  }

  /**
   * Checks the archive's size before the first byte goes out (after that a failure can only cut the
   * download short), then streams each original in register order into {@code zip}.
   */
  public Future<Register> checkZip(Actor actor, String meetingId) {
    return register(actor, meetingId).map(register -> {
      if (register.totalBytes() > config.maxZipBytes()) {
        throw new TooLargeException("The originals of this meeting exceed " + config.maxZipBytes()
            + " bytes; download them one by one");
      }
      return register;
    });
  }

  public Future<Void> writeZip(Register register, StreamingZip zip) {
    Future<Void> chain = Future.succeededFuture();
    List<String> names = new ArrayList<>();
    for (Register.Entry e : register.entries()) {
      Contribution c = e.contribution();
      String name = unique(Register.zipName(c), names);
      chain = chain.compose(v -> zip.add(name, Register.at(c).atOffset(ZoneOffset.UTC).toLocalDateTime(),
          contributions.currentFile(c)));
    }
    return chain;
  }

  private static String unique(String name, List<String> taken) {
    String candidate = name;
    for (int i = 2; taken.contains(candidate); i++) {
      candidate = i + "-" + name;
    }
    taken.add(candidate);
    return candidate;
  }
}
