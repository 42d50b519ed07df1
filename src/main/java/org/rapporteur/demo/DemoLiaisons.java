package org.rapporteur.demo;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapporteur.platform.security.Actor;
import org.rapporteur.account.User;
import org.rapporteur.liaison.Liaison;
import org.rapporteur.liaison.LiaisonDraft;
import org.rapporteur.liaison.LiaisonService;
import org.rapporteur.liaison.Purpose;
import org.rapporteur.workspace.Group;

/**
 * Cross-sector liaison statements for the demo: an ITU-T regional group asks ITU-D Question 4/1
 * about roaming costs (taken up, with a reply in draft), and an ITU-T SG5 regional group asks ITU-D
 * SG2 for comments on e-waste. Loaded once: nothing is added when SG3RG-AFR already sent something.
 */
final class DemoLiaisons {
  private final LiaisonService liaisons;
  private final Map<String, User> people;
  private final Map<String, Group> groups;

  DemoLiaisons(LiaisonService liaisons, Map<String, User> people, Map<String, Group> groups) {
    this.liaisons = liaisons;
    this.people = people;
    this.groups = groups;
  }

  Future<Void> load() {
    Actor chair = people.get("chair").toActor();
    Actor rapporteur = people.get("rapporteur").toActor();
    return liaisons.box(chair, id("SG3RG-AFR"), false).compose(existing -> {
      if (!existing.isEmpty()) {
        return Future.succeededFuture();
      }
      return roaming(chair, rapporteur).compose(v -> ewaste(rapporteur));
    });
  }

  private Future<Void> roaming(Actor chair, Actor rapporteur) {
    LiaisonDraft draft = draft("SG3RG-AFR", List.of("ITU-D-SG1"), List.of("SG1RGQ"),
        "Cost models for international mobile roaming in Africa", Purpose.FOR_ACTION, 45, List.of("Q4/1"),
        "The ITU-T SG3 Regional Group for Africa (SG3RG-AFR), at its meeting in Dakar, discussed wholesale "
            + "international roaming charges under the regional roaming initiatives of ECOWAS and EAC.\n\n"
            + "SG3RG-AFR kindly asks ITU-D Study Group 1, Question 4/1, to share the cost models and methods of "
            + "determining the costs of mobile services collected from its members, in particular long-run "
            + "incremental cost models used to set cost-oriented wholesale roaming rates, and to comment on the "
            + "attached draft guidelines on roaming price transparency for travellers.\n\n"
            + "SG3RG-AFR looks forward to continued collaboration between the two sectors on this subject.");
    return liaisons.create(rapporteur, draft)
        .compose(l -> liaisons.approve(chair, l.id()))
        .compose(l -> liaisons.send(chair, l.id()))
        .compose(l -> liaisons.draftReply(rapporteur, l.id(), id("ITU-D-SG1")))
        .mapEmpty();
  }

  private Future<Void> ewaste(Actor sg5Chair) {
    LiaisonDraft draft = draft("SG5RG-ARB", List.of("ITU-D-SG2"), List.of(),
        "Draft guidelines on e-waste management and the circular economy in the Arab region", Purpose.FOR_COMMENT, 60,
        List.of("Q6/2"),
        "SG5RG-ARB has prepared draft guidelines on the collection, dismantling and recycling of waste electrical "
            + "and electronic equipment, and on extended producer responsibility schemes for mobile phones.\n\n"
            + "SG5RG-ARB invites ITU-D SG2 Question 6/2 to comment on the draft, in particular on national e-waste "
            + "legislation and the role of the informal recycling sector in developing countries.");
    return liaisons.create(sg5Chair, draft)
        .compose(l -> liaisons.approve(sg5Chair, l.id()))
        .compose(l -> liaisons.send(sg5Chair, l.id()))
        .mapEmpty();
  }

  private LiaisonDraft draft(String from, List<String> to, List<String> cc, String title, Purpose purpose,
      int daysToReply, List<String> questions, String body) {
    Instant deadline = Instant.now().plus(Duration.ofDays(daysToReply)).truncatedTo(ChronoUnit.DAYS);
    return new LiaisonDraft(id(from), null, to.stream().map(this::id).toList(), cc.stream().map(this::id).toList(),
        List.of(), title, purpose, deadline, questions, body,
        List.of(new Liaison.Contact(people.get("rapporteur").name(), people.get("rapporteur").email(),
            people.get("rapporteur").affiliation())),
        List.of(), List.of(), Set.of());
  }

  private String id(String code) {
    return groups.get(code).id();
  }
}
