package org.rapporteur.radar;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.json.JsonInput;

public final class RadarRoutes implements RouteModule {
  private final RadarService radar;

  public RadarRoutes(RadarService radar) {
    this.radar = radar;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/radar").respond(ctx -> radar.overlaps(Actors.of(ctx),
            QueryParams.intParam(ctx, "limit", 20, 1, 100), QueryParams.intParam(ctx, "minScore", 10, 0, 100) / 100.0)
        .map(pairs -> new JsonObject().put("items", new JsonArray(pairs.stream().map(RadarPair::toJson).toList()))));
    router.post("/api/radar/check").respond(ctx -> {
      JsonInput in = JsonInput.from(ctx);
      String title = in.requiredString("title", 300);
      String text = in.optionalString("text", 100_000);
      String sector = in.requiredString("sector", 10);
      in.done();
      return radar.similar(Actors.of(ctx), title, text, sector, java.util.List.of(), 10)
          .map(list -> new JsonObject().put("items", new JsonArray(list.stream().map(RadarMatch::toJson).toList())));
    });
  }
}
