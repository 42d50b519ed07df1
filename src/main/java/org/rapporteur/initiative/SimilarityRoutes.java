package org.rapporteur.initiative;

import io.vertx.ext.web.Router;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.RouteModule;

/**
 * Experience across regions over HTTP. A project's similar work is for whoever may read the project
 * (anyone, when it is published); the results hold published projects only, except for admins and
 * the secretariat, who also see the synergy view.
 */
public final class SimilarityRoutes implements RouteModule {
  private final ProjectService projects;
  private final SimilarProjects similar;
  private final SimilarityConfig config;

  public SimilarityRoutes(InitiativeModule module, SimilarProjects similar, SimilarityConfig config) {
    this.projects = module.projects();
    this.similar = similar;
    this.config = config;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/projects/:id/similar").respond(ctx -> {
      Actor actor = Actors.of(ctx);
      int limit = QueryParams.intParam(ctx, "limit", config.defaultLimit(), 1, config.maxLimit());
      String lang = Languages.of(ctx);
      return projects.get(actor, ctx.pathParam("id"))
          .compose(p -> similar.similar(p.id(), actor.isStaff(), limit))
          .map(page -> page.toJson(m -> m.toJson(lang)));
    });
    router.get("/api/synergies").respond(ctx -> {
      Actor actor = Actors.of(ctx);
      String lang = Languages.of(ctx);
      return InitiativeService.requireStaff(actor).compose(v -> similar.synergies(
              QueryParams.intParam(ctx, "offset", 0, 0, 1_000_000),
              QueryParams.intParam(ctx, "limit", 20, 1, config.maxSynergies())))
          .map(page -> page.toJson(p -> p.toJson(lang)));
    });
  }
}
