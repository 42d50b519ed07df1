package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.Region;

/** The partner organization registry: anyone reads it; admins and the secretariat keep it. */
public final class PartnerService {
  private final PartnerStore store;
  private final AuditTrail audit;
  private final InitiativesConfig config;

  PartnerService(PartnerStore store, AuditTrail audit, InitiativesConfig config) {
    this.store = store;
    this.audit = audit;
    this.config = config;
  }

  Future<Void> start() {
    return store.createIndexes();
  }

  /** Filters of the registry list; null means any. {@code q} matches name or acronym, ignoring case. */
  public record Filter(Region region, PartnerKind kind, String country, String q) {
    JsonObject query() {
      JsonObject query = new JsonObject();
      if (region != null) {
        query.put("regions", region.wire());
      }
      if (kind != null) {
        query.put("kind", kind.wire());
      }
      if (country != null) {
        query.put("countries", country);
      }
      if (q != null) {
        String pattern = Pattern.quote(q.toLowerCase(java.util.Locale.ROOT));
        query.put("$or", new JsonArray()
            .add(new JsonObject().put("nameKey", new JsonObject().put("$regex", pattern)))
            .add(new JsonObject().put("acronym", new JsonObject().put("$regex", Pattern.quote(q))
                .put("$options", "i"))));
      }
      return query;
    }
  }

  public Future<PartnerOrganization> create(Actor actor, PartnerOrganization.Draft draft) {
    return InitiativeService.requireStaff(actor)
        .compose(v -> store.insert(PartnerOrganization.create(draft, Instant.now())))
        .compose(p -> audit.record(actor, "partner.create", "partner", p.id(), p.toJson(false)).map(p));
  }

  public Future<PartnerOrganization> update(Actor actor, String id, PartnerOrganization.Draft draft) {
    return InitiativeService.requireStaff(actor).compose(v -> get(id))
        .compose(current -> store.replace(current.apply(draft, Instant.now())))
        .compose(p -> audit.record(actor, "partner.update", "partner", p.id(), p.toJson(false)).map(p));
  }

  public Future<PartnerOrganization> get(String id) {
    Ids.requirePathId(id, "partner");
    return store.find(id).map(found -> found.orElseThrow(() -> new NotFoundException("No partner " + id)));
  }

  public Future<Page<PartnerOrganization>> list(Filter filter, int offset, int limit) {
    return store.list(filter.query(), offset, Math.min(limit, config.maxPageSize()));
  }

  public Future<Optional<PartnerOrganization>> findByName(String name) {
    return store.findByName(name);
  }

  /** The partners with these ids that exist (for projects, the report and the IATI export). */
  public Future<List<PartnerOrganization>> findAll(List<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture(List.of()) : store.findAll(ids);
  }
}
