package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.ConflictException;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.UnauthenticatedException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.Membership;

/**
 * Consultations of the Member States on an initiative. The secretariat opens one with a deadline;
 * each delegate of the region gives one answer, which they may change until the deadline; the
 * secretariat (and admins) see every answer and the aggregate, a delegate sees their own.
 */
public final class ConsultationService {
  private final ConsultationStore store;
  private final InitiativeService initiatives;
  private final Delegates delegates;
  private final PartnerService partners;
  private final AuditTrail audit;
  private final InitiativesConfig config;
  private final Clock clock;

  ConsultationService(ConsultationStore store, InitiativeService initiatives, Delegates delegates, PartnerService partners,
      AuditTrail audit, InitiativesConfig config, Clock clock) {
    this.partners = partners;
    this.store = store;
    this.initiatives = initiatives;
    this.delegates = delegates;
    this.audit = audit;
    this.config = config;
    this.clock = clock;
  }

  Future<Void> start() {
    return store.createIndexes();
  }

  public java.time.Instant now() {
    return clock.instant();
  }

  public Future<Consultation> open(Actor actor, String initiativeId, Consultation.Draft draft) {
    return InitiativeService.requireStaff(actor).compose(v -> initiatives.get(initiativeId))
        .compose(i -> store.insert(Consultation.create(draft, i, actor.userId(), clock.instant())))
        .compose(c -> audit.record(actor, "consultation.open", "consultation", c.id(),
            new JsonObject().put("initiativeId", c.initiativeId()).put("deadline", c.deadline().toString())).map(c));
  }

  public Future<Consultation> get(String id) {
    Ids.requirePathId(id, "consultation");
    return store.find(id).map(found -> found.orElseThrow(() -> new NotFoundException("No consultation " + id)));
  }

  public Future<List<Consultation>> ofInitiative(String initiativeId) {
    return store.ofInitiative(initiativeId);
  }

  /** Every answer to a consultation, without access checks: for the yearly report, which checks its reader. */
  Future<List<ConsultationAnswer>> answersOf(String consultationId) {
    return store.answers(consultationId);
  }

  /**
   * The consultation a delegate may answer now: 401 for nobody, 403 for anyone who is not a delegate
   * of its region, 409 after the deadline. Called before the answer's body is read.
   */
  public Future<Consultation> requireAnswerer(Actor actor, String id) {
    if (!actor.signedIn()) {
      return Future.failedFuture(new UnauthenticatedException("Sign in first"));
    }
    return get(id).compose(c -> delegates.of(actor, c.region()).map(found -> {
      if (found.isEmpty()) {
        throw new ForbiddenException("Only Member State delegates of " + c.region().wire() + " answer this consultation");
      }
      if (!c.open(clock.instant())) {
        throw new ConflictException("The consultation closed at " + c.deadline());
      }
      return c;
    }));
  }

  public Future<ConsultationAnswer> answer(Actor actor, String id, ConsultationAnswer answer) {
    return requireAnswerer(actor, id).compose(c -> knownPartners(answer)).compose(c -> delegates.of(actor, c.region()))
        .compose(m -> store.save(answer.by(actor.userId(), m.map(Membership::country).orElse(null), clock.instant())))
        .compose(a -> audit.record(actor, "consultation.answer", "consultation", id, a.toJson()).map(a));
  }

  private Future<Consultation> knownPartners(ConsultationAnswer answer) {
    return partners.findAll(answer.partnerIds()).compose(found -> {
      java.util.Set<String> ids = found.stream().map(PartnerOrganization::id).collect(java.util.stream.Collectors.toSet());
      List<org.rapporteur.platform.errors.FieldError> errors = new java.util.ArrayList<>();
      for (int i = 0; i < answer.partnerIds().size(); i++) {
        if (!ids.contains(answer.partnerIds().get(i))) {
          errors.add(new org.rapporteur.platform.errors.FieldError("partnerIds[" + i + "]", "names no partner organization"));
        }
      }
      return errors.isEmpty() ? get(answer.consultationId())
          : Future.failedFuture(new org.rapporteur.platform.errors.InvalidInputException(errors));
    });
  }

  /** The consultation; staff also get every answer and the aggregate, others their own answer. */
  public Future<JsonObject> view(Actor actor, String id, String lang) {
    if (!actor.signedIn()) {
      return Future.failedFuture(new UnauthenticatedException("Sign in first"));
    }
    return get(id).compose(c -> {
      JsonObject json = c.toJson(lang, clock.instant());
      if (actor.isStaff()) {
        return store.answers(id).map(answers -> json.put("aggregate", aggregate(c, answers))
            .put("answers", new JsonArray(answers.stream().map(ConsultationAnswer::toJson).toList())));
      }
      return store.answer(id, actor.userId()).map(mine -> json.put("myAnswer",
          mine.map(ConsultationAnswer::toJson).orElse(null)));
    });
  }

  /**
   * Topics by a Borda count (with n topics, a first place scores n, a second n-1, ...), with how
   * many put each first; partners and means of financing by how many answers name them.
   */
  public static JsonObject aggregate(Consultation c, List<ConsultationAnswer> answers) {
    int n = c.topics().size();
    Map<String, int[]> topics = new LinkedHashMap<>();
    c.topics().forEach(t -> topics.put(t, new int[2]));
    Map<String, Integer> partners = new LinkedHashMap<>();
    Map<String, Integer> financing = new LinkedHashMap<>();
    for (ConsultationAnswer a : answers) {
      for (int rank = 0; rank < a.priorities().size(); rank++) {
        int[] score = topics.get(a.priorities().get(rank));
        if (score != null) {
          score[0] += n - rank;
          score[1] += rank == 0 ? 1 : 0;
        }
      }
      a.partnerIds().forEach(p -> partners.merge(p, 1, Integer::sum));
      a.financing().forEach(f -> financing.merge(f.wire(), 1, Integer::sum));
    }
    JsonArray ranked = new JsonArray(topics.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0]))
        .map(e -> new JsonObject().put("topic", e.getKey()).put("score", e.getValue()[0])
            .put("firstChoices", e.getValue()[1]))
        .toList());
    return new JsonObject()
        .put("answers", answers.size())
        .put("countries", new JsonArray(answers.stream().map(ConsultationAnswer::country).distinct().sorted(
            Comparator.nullsLast(Comparator.naturalOrder())).toList()))
        .put("priorities", ranked)
        .put("partners", counts(partners, "partnerId"))
        .put("financing", counts(financing, "means"));
  }

  private static JsonArray counts(Map<String, Integer> counts, String key) {
    return new JsonArray(counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .map(e -> new JsonObject().put(key, e.getKey()).put("count", e.getValue())).toList());
  }
}
