package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.Region;

/**
 * Regional initiatives: anyone reads them; admins and the secretariat create, change and translate
 * them. Every change is audited.
 */
public final class InitiativeService {
  private final InitiativeStore store;
  private final AuditTrail audit;
  private final InitiativesConfig config;

  InitiativeService(InitiativeStore store, AuditTrail audit, InitiativesConfig config) {
    this.store = store;
    this.audit = audit;
    this.config = config;
  }

  Future<Void> start() {
    return store.createIndexes();
  }

  /** Filters of the initiative list; null means any. */
  public record Filter(Region region, String cycle, String groupId) {
    JsonObject query() {
      JsonObject q = new JsonObject();
      if (region != null) {
        q.put("region", region.wire());
      }
      if (cycle != null) {
        q.put("cycle", cycle);
      }
      if (groupId != null) {
        q.put("groupIds", groupId);
      }
      return q;
    }
  }

  /** Fails with 401 for nobody and 403 for anyone but admins and the secretariat. */
  public static Future<Void> requireStaff(Actor actor) {
    if (!actor.signedIn()) {
      return Future.failedFuture(new org.rapporteur.platform.errors.UnauthenticatedException("Sign in first"));
    }
    return actor.isStaff() ? Future.succeededFuture()
        : Future.failedFuture(new ForbiddenException("Only admins and the secretariat may do this"));
  }

  public Future<RegionalInitiative> create(Actor actor, RegionalInitiative.Draft draft) {
    return requireStaff(actor)
        .compose(v -> store.insert(RegionalInitiative.create(draft, Instant.now())))
        .compose(i -> audit.record(actor, "initiative.create", "initiative", i.id(),
            new JsonObject().put("cycle", i.cycle()).put("code", i.code())).map(i));
  }

  public Future<RegionalInitiative> update(Actor actor, String id, RegionalInitiative.Draft draft) {
    return requireStaff(actor).compose(v -> get(id)).compose(current -> {
      RegionalInitiative changed = current.apply(draft, Instant.now());
      if (!changed.code().startsWith(changed.region().wire())) {
        throw InvalidInputException.of("code", "must start with the initiative's region " + changed.region().wire());
      }
      return store.replace(changed);
    }).compose(i -> audit.record(actor, "initiative.update", "initiative", i.id(),
        new JsonObject().put("version", i.version())).map(i));
  }

  /** Public: initiatives are published texts of the WTDC. */
  public Future<RegionalInitiative> get(String id) {
    Ids.requirePathId(id, "initiative");
    return store.find(id).map(found -> found.orElseThrow(() -> new NotFoundException("No initiative " + id)));
  }

  public Future<Page<RegionalInitiative>> list(Filter filter, int offset, int limit) {
    return store.list(filter.query(), offset, Math.min(limit, config.maxPageSize()));
  }

  public Future<List<RegionalInitiative>> ofRegion(Region region, String cycle) {
    return store.ofRegion(region.wire(), cycle);
  }

  public Future<Optional<RegionalInitiative>> findByCode(String cycle, String code) {
    return store.findByCode(cycle, code);
  }

  /** The initiatives with these ids that exist, for other features' reads (report, projects). */
  public Future<List<RegionalInitiative>> findAll(List<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture(List.of()) : store.findAll(ids);
  }

  public InitiativesConfig config() {
    return config;
  }

  public Optional<Cycle> cycle(String code) {
    return config.cycle(code);
  }

  /** How complete each language is, and every text with its values: for the secretariat. */
  public Future<JsonObject> translations(Actor actor, String id) {
    return requireStaff(actor).compose(v -> get(id)).map(i -> Translations.view(i.texts()));
  }

  /** Adds or corrects translations into {@code lang}: {@code texts} maps a text's path to its new value. */
  public Future<RegionalInitiative> translate(Actor actor, String id, String lang, Map<String, String> texts) {
    return requireStaff(actor).compose(v -> get(id)).compose(current -> {
      Translations.check(current.texts(), lang, texts);
      RegionalInitiative changed = current;
      for (Map.Entry<String, String> e : texts.entrySet()) {
        changed = changed.withText(e.getKey(), changed.texts().get(e.getKey()).withTranslation(lang, e.getValue()));
      }
      return store.replace(changed);
    }).compose(i -> audit.record(actor, "initiative.translate", "initiative", i.id(),
        new JsonObject().put("lang", lang).put("paths", new JsonArray(List.copyOf(texts.keySet())))).map(i));
  }
}
