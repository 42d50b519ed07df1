package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.initiative.ProjectParts.Lesson;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.UnauthenticatedException;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.Region;

/**
 * Projects under regional initiatives. Anyone reads published projects; unpublished ones only their
 * managers, admins and the secretariat. Admins and the secretariat create projects; a project's
 * managers (and they) change it; managers, the secretariat and the region's Member State delegates
 * add lessons learned. Every change is checked whole, audited, and published as a
 * {@link ProjectChanged} on {@link Addresses#PROJECT_CHANGED}.
 */
public final class ProjectService {
  private final Vertx vertx;
  private final ProjectStore store;
  private final ProjectChecks checks;
  private final InitiativeService initiatives;
  private final Delegates delegates;
  private final AuditTrail audit;
  private final InitiativesConfig config;

  ProjectService(Vertx vertx, ProjectStore store, ProjectChecks.Factory checks, InitiativeService initiatives,
      Delegates delegates, AuditTrail audit, InitiativesConfig config) {
    this.vertx = vertx;
    this.store = store;
    this.checks = checks.build(store);
    this.initiatives = initiatives;
    this.delegates = delegates;
    this.audit = audit;
    this.config = config;
  }

  Future<Void> start() {
    return store.createIndexes();
  }

  /** Filters of the project list; null means any. {@code q} matches code and texts in any language. */
  public record Filter(String initiativeId, Region region, ActivityStatus status, String country, String partnerId,
      String sdg, String wsis, String q, String groupId) {
    public static final Filter ALL = new Filter(null, null, null, null, null, null, null, null, null);

    JsonObject query() {
      JsonObject query = new JsonObject();
      put(query, "initiativeIds", initiativeId);
      put(query, "region", region == null ? null : region.wire());
      put(query, "status", status == null ? null : status.wire());
      put(query, "countryCodes", country);
      put(query, "partnerIds", partnerId);
      put(query, "sdgTargets", sdg);
      put(query, "wsisLines", wsis);
      put(query, "groupIds", groupId);
      if (q != null) {
        query.put("searchText", new JsonObject().put("$regex", Pattern.quote(q.toLowerCase(java.util.Locale.ROOT))));
      }
      return query;
    }

    private static void put(JsonObject query, String field, String value) {
      if (value != null) {
        query.put(field, value);
      }
    }
  }

  /** 401/403 unless the actor may create projects: checked before the body is read. */
  public Future<Void> requireCreator(Actor actor) {
    return InitiativeService.requireStaff(actor);
  }

  /** The project if the actor may change it: 401 for nobody, 404 if they may not see it, 403 otherwise. */
  public Future<Project> requireEditor(Actor actor, String id) {
    if (!actor.signedIn()) {
      return Future.failedFuture(new UnauthenticatedException("Sign in first"));
    }
    return visible(actor, id).map(p -> {
      if (!actor.isStaff() && !p.managedBy(actor.userId())) {
        throw new ForbiddenException("Only the project's managers and the secretariat change it");
      }
      return p;
    });
  }

  /** The project if the actor may add a lesson: its managers, the secretariat, the region's delegates. */
  public Future<Project> requireLessonAuthor(Actor actor, String id) {
    if (!actor.signedIn()) {
      return Future.failedFuture(new UnauthenticatedException("Sign in first"));
    }
    return visible(actor, id).compose(p -> actor.isStaff() || p.managedBy(actor.userId())
        ? Future.succeededFuture(p)
        : delegates.of(actor, p.region()).map(m -> {
          if (m.isEmpty()) {
            throw new ForbiddenException("Managers, the secretariat and Member State delegates of "
                + p.region().wire() + " add lessons");
          }
          return p;
        }));
  }

  public Future<Project> create(Actor actor, Project.Draft draft) {
    return requireCreator(actor).compose(v -> {
      Project candidate = Project.create(draft, Region.AFR, actor.userId(), Instant.now());
      return checks.check(candidate).map(region -> Project.create(draft, region, actor.userId(), Instant.now()));
    }).compose(store::insert).compose(p -> changed(actor, "project.create", p));
  }

  public Future<Project> update(Actor actor, String id, Project.Draft draft) {
    return requireEditor(actor, id).compose(current -> {
      Project candidate = current.apply(draft, current.region(), Instant.now());
      return checks.check(candidate).map(region -> current.apply(draft, region, Instant.now()));
    }).compose(store::replace).compose(p -> changed(actor, "project.update", p));
  }

  public Future<Project> addLesson(Actor actor, String id, Lesson lesson) {
    return requireLessonAuthor(actor, id).compose(p -> delegates.of(actor, p.region()).compose(membership -> {
      List<Lesson> lessons = new ArrayList<>(p.lessons());
      String country = membership.map(org.rapporteur.workspace.Membership::country).orElse(null);
      lessons.add(lesson.by(Ids.newId(), actor.userId(), actor.name(), country, Instant.now()));
      return store.replace(p.withLessons(lessons, Instant.now()));
    })).compose(p -> changed(actor, "project.lesson", p));
  }

  /** A project as a reader sees it: 404 when it is unpublished and they are not among its editors. */
  public Future<Project> get(Actor actor, String id) {
    return visible(actor, id);
  }

  /**
   * The project page: the project in the reader's language, its initiatives, and its links to
   * Questions, groups, contributions and meetings (its own and its initiatives').
   */
  public Future<JsonObject> view(Actor actor, String id, String lang) {
    return visible(actor, id).compose(p -> Future.all(store.replicationsOf(p.id()), initiatives.findAll(p.initiativeIds()))
        .map(all -> {
          List<String> replications = all.resultAt(0);
          List<RegionalInitiative> parents = all.resultAt(1);
          Set<String> questions = new LinkedHashSet<>(p.questions());
          Set<String> groups = new LinkedHashSet<>(p.groupIds());
          parents.forEach(i -> {
            questions.addAll(i.questions());
            groups.addAll(i.groupIds());
          });
          return p.toJson(lang, replications)
              .put("initiatives", new JsonArray(parents.stream().map(i -> new JsonObject().put("id", i.id())
                  .put("code", i.code()).put("cycle", i.cycle()).put("region", i.region().wire())
                  .put("title", i.title().render(lang))).toList()))
              .put("links", new JsonObject().put("questions", new JsonArray(List.copyOf(questions)))
                  .put("groupIds", new JsonArray(List.copyOf(groups)))
                  .put("contributionIds", new JsonArray(p.contributionIds()))
                  .put("meetingIds", new JsonArray(p.meetingIds())))
              .put("canEdit", actor.isStaff() || p.managedBy(actor.userId()));
        }));
  }

  public Future<Page<Project>> list(Actor actor, Filter filter, int offset, int limit) {
    JsonObject query = filter.query();
    if (!actor.isStaff() && !actor.signedIn()) {
      // A plain equality, not a one-branch $or, so that the {published, code} index serves the page and its count.
      query.put("published", true);
    } else if (!actor.isStaff()) {
      query.put("$or", new JsonArray().add(new JsonObject().put("published", true))
          .add(new JsonObject().put("managers", actor.userId())));
    }
    return store.list(query, offset, Math.min(limit, config.maxPageSize()));
  }

  /** The project with this code, without access checks: for demo data and imports that must not repeat. */
  public Future<java.util.Optional<Project>> findByCode(String code) {
    return store.findByCode(code);
  }

  /** Every project matching {@code filter}, published or not, without access checks: for reports. */
  public Future<List<Project>> all(Filter filter) {
    return store.all(filter.query());
  }

  /** Projects in id order after {@code afterId} (null: from the start), as events, to rebuild an index. */
  public Future<List<ProjectChanged>> page(String afterId, int size) {
    return store.after(afterId, Math.max(1, Math.min(size, 1000)))
        .map(list -> list.stream().map(ProjectChanged::of).toList());
  }

  public Future<JsonObject> translations(Actor actor, String id) {
    return requireEditor(actor, id).map(p -> Translations.view(p.texts()));
  }

  public Future<Project> translate(Actor actor, String id, String lang, Map<String, String> texts) {
    return requireEditor(actor, id).compose(current -> {
      Translations.check(current.texts(), lang, texts);
      Project changed = current;
      for (Map.Entry<String, String> e : texts.entrySet()) {
        changed = changed.withText(e.getKey(), changed.texts().get(e.getKey()).withTranslation(lang, e.getValue()));
      }
      return store.replace(changed);
    }).compose(p -> changed(actor, "project.translate", p));
  }

  private Future<Project> visible(Actor actor, String id) {
    Ids.requirePathId(id, "project");
    return store.find(id).map(found -> found
        .filter(p -> p.published() || actor.isStaff() || p.managedBy(actor.userId()))
        .orElseThrow(() -> new NotFoundException("No project " + id)));
  }

  private Future<Project> changed(Actor actor, String action, Project p) {
    return audit.record(actor, action, "project", p.id(), new JsonObject().put("code", p.code())
            .put("version", p.version()).put("status", p.status().wire()).put("published", p.published()))
        .map(v -> {
          vertx.eventBus().publish(Addresses.PROJECT_CHANGED, ProjectChanged.of(p).toJson());
          return p;
        });
  }
}
