package org.rapporteur.search;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.RouteModule;

public final class SearchRoutes implements RouteModule {
  private final SearchService search;

  public SearchRoutes(SearchService search) {
    this.search = search;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/search").respond(ctx -> search.search(Actors.of(ctx), query(ctx)).map(SearchResults::toJson));
    router.post("/api/search/rebuild").respond(ctx -> search.rebuild(Actors.of(ctx))
        .map(count -> new JsonObject().put("indexed", count)));
  }

  private SearchQuery query(RoutingContext ctx) {
    String text = QueryParams.optionalString(ctx, "q", search.maxQueryLength());
    if (text == null) {
      throw InvalidInputException.of("q", "is required");
    }
    return new SearchQuery(text,
        QueryParams.optionalId(ctx, "group"),
        QueryParams.optionalString(ctx, "question", 10),
        QueryParams.optionalId(ctx, "meeting"),
        QueryParams.optionalString(ctx, "status", 20),
        QueryParams.optionalString(ctx, "language", 5),
        QueryParams.intParam(ctx, "offset", 0, 0, 10_000),
        QueryParams.intParam(ctx, "limit", 20, 1, search.maxPageSize()));
  }
}
