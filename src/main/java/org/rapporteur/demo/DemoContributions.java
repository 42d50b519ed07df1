package org.rapporteur.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.meeting.AgendaService;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.contribution.Contribution;
import org.rapporteur.contribution.ContributionDraft;
import org.rapporteur.contribution.StagedFile;
import org.rapporteur.meeting.AgendaEdit;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.workspace.Group;

/**
 * Three contributions to the demo rapporteur group in English, French and Arabic, uploaded through
 * the real pipeline (stored, extracted, indexed) and allocated to the demo meeting's agenda.
 */
final class DemoContributions {
  record Document(String filename, String title, String source, String text) {}

  static final List<Document> DOCUMENTS = List.of(
      new Document("cost-models-egypt.txt", "Cost models for mobile broadband services in Egypt", "Egypt",
          "Cost models for mobile broadband services in Egypt\n\n"
              + "This contribution describes the bottom-up long-run incremental cost model used by the regulator "
              + "to set wholesale prices for mobile broadband access. It proposes that Question 4/1 collect "
              + "national experiences with cost models for mobile broadband and international roaming.\n\n"
              + "Proposal: include a chapter on cost models for 5G networks in the output report."),
      new Document("modeles-couts-afrique-ouest.txt",
          "Modèles de coûts pour le haut débit mobile en Afrique de l'Ouest", "Sénégal",
          "Modèles de coûts pour le haut débit mobile en Afrique de l'Ouest\n\n"
              + "Cette contribution présente l'expérience du régulateur sénégalais dans la détermination des "
              + "coûts des services de haut débit mobile et de l'itinérance régionale dans l'espace CEDEAO. "
              + "Elle propose d'harmoniser les méthodes de calcul des coûts entre les États membres."),
      new Document("arab-cost-models.txt", "نماذج التكلفة لخدمات النطاق العريض المتنقل في الدول العربية", "مصر",
          "نماذج التكلفة لخدمات النطاق العريض المتنقل في الدول العربية\n\n"
              + "تعرض هذه المساهمة تجارب الهيئات التنظيمية في المنطقة العربية في تحديد تكاليف خدمات النطاق "
              + "العريض المتنقل والتجوال الدولي، وتقترح تبادل المنهجيات بين الدول الأعضاء في إطار المسألة 4/1."));

  private final Vertx vertx;
  private final ContributionService contributions;
  private final MeetingService meetings;
  private final AgendaService agendas;
  private final Path staging;

  DemoContributions(Vertx vertx, ContributionService contributions, MeetingService meetings, AgendaService agendas,
      Path staging) {
    this.vertx = vertx;
    this.contributions = contributions;
    this.meetings = meetings;
    this.agendas = agendas;
    this.staging = staging;
  }

  Future<Void> load(Group group, Actor author, Actor chair) {
    return contributions.list(author, group.id(), null, null, 0, 1).compose(existing -> {
      if (!existing.isEmpty()) {
        return Future.succeededFuture();
      }
      List<Contribution> created = new ArrayList<>();
      Future<Void> chain = vertx.fileSystem().mkdirs(staging.toString());
      for (Document document : DOCUMENTS) {
        chain = chain.compose(v -> upload(group, author, document)).map(c -> {
          created.add(c);
          return null;
        });
      }
      return chain.compose(v -> allocate(group, chair, created));
    });
  }

  private Future<Contribution> upload(Group group, Actor author, Document document) {
    Path file = staging.resolve(document.filename());
    byte[] bytes = document.text().getBytes(StandardCharsets.UTF_8);
    ContributionDraft draft = new ContributionDraft(document.title(), List.of("Q4/1"), document.source(),
        List.of(), "discussion", null, null, null);
    return vertx.fileSystem().writeFile(file.toString(), Buffer.buffer(bytes))
        .compose(v -> contributions.submit(author, group.id(), draft,
            new StagedFile(file, bytes.length, document.filename(), "text/plain")))
        .eventually(() -> vertx.fileSystem().delete(file.toString()));
  }

  /** Puts the documents on the item of the demo meeting that reviews contributions. */
  private Future<Void> allocate(Group group, Actor chair, List<Contribution> contributions) {
    return meetings.list(chair, group.id()).compose(meetings -> meetings.isEmpty()
        ? Future.succeededFuture()
        : agendas.get(chair, meetings.get(0).id()).compose(agenda -> {
          JsonObject json = agenda.toJson();
          JsonArray allocations = new JsonArray(contributions.stream()
              .map(c -> new JsonObject().put("contributionId", c.id()).put("status", "to-present")).toList());
          json.getJsonArray("items").stream().map(i -> (JsonObject) i)
              .flatMap(i -> i.getJsonArray("children").stream().map(c -> (JsonObject) c))
              .filter(i -> i.getString("title").startsWith("Review of contributions"))
              .findFirst().ifPresent(item -> item.put("allocations", allocations));
          return agendas.replace(chair, meetings.get(0).id(), AgendaEdit.from(JsonInput.of(json)))
              .mapEmpty();
        }));
  }
}
