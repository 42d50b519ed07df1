package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.workspace.Region;

/**
 * Resolution 17 over HTTP. Every write checks the caller's role before it reads the body, so a
 * caller without the role gets 403 whatever they send.
 */
final class InitiativeRoutes implements RouteModule {
  private final InitiativeModule m;

  InitiativeRoutes(InitiativeModule module) {
    this.m = module;
  }

  @Override
  public void mount(Router router) {
    mountInitiatives(router);
    mountProjects(router);
    mountPartners(router);
    mountConsultations(router);
    mountRates(router);
  }

  private void mountInitiatives(Router router) {
    router.get("/api/cycles").respond(ctx -> Future.succeededFuture(new JsonObject().put("items",
        new JsonArray(m.config().cycles().stream().map(Cycle::toJson).toList()))));
    router.get("/api/initiatives").respond(ctx -> {
      InitiativeService.Filter filter = new InitiativeService.Filter(QueryParams.optionalChoice(ctx, "region",
          Region.class), cycle(ctx), QueryParams.optionalId(ctx, "group"));
      String lang = Languages.of(ctx);
      return m.initiatives().list(filter, offset(ctx), limit(ctx)).map(page -> page.toJson(i -> initiative(i, lang)));
    });
    Responses.created(router.post("/api/initiatives"), ctx -> staff(ctx)
        .compose(v -> m.initiatives().create(actor(ctx), RegionalInitiative.Draft.read(JsonInput.from(ctx), m.config(),
            true)))
        .map(i -> initiative(i, Languages.of(ctx))));
    router.post("/api/initiatives/forum").respond(ctx -> staff(ctx)
        .compose(v -> m.forum().prepare(actor(ctx), ForumService.Request.read(JsonInput.from(ctx), m.config()))));
    router.get("/api/initiatives/:id").respond(ctx -> m.initiatives().get(id(ctx))
        .map(i -> initiative(i, Languages.of(ctx))));
    router.patch("/api/initiatives/:id").respond(ctx -> staff(ctx)
        .compose(v -> m.initiatives().update(actor(ctx), id(ctx), RegionalInitiative.Draft.read(JsonInput.from(ctx),
            m.config(), false)))
        .map(i -> initiative(i, Languages.of(ctx))));
    router.get("/api/initiatives/:id/translations").respond(ctx -> m.initiatives().translations(actor(ctx), id(ctx)));
    router.patch("/api/initiatives/:id/translations").respond(ctx -> staff(ctx).compose(v -> {
      Translations.Patch patch = Translations.Patch.read(JsonInput.from(ctx), m.config().maxTextLength());
      return m.initiatives().translate(actor(ctx), id(ctx), patch.lang(), patch.texts());
    }).compose(i -> m.initiatives().translations(actor(ctx), i.id())));
  }

  private void mountProjects(Router router) {
    router.get("/api/projects").respond(ctx -> {
      String lang = Languages.of(ctx);
      return m.projects().list(actor(ctx), projectFilter(ctx), offset(ctx), limit(ctx))
          .map(page -> page.toJson(p -> p.toJson(lang, java.util.List.of())));
    });
    Responses.created(router.post("/api/projects"), ctx -> m.projects().requireCreator(actor(ctx))
        .compose(v -> m.projects().create(actor(ctx), projectDraft(ctx, true)))
        .compose(p -> m.projects().view(actor(ctx), p.id(), Languages.of(ctx))));
    router.get("/api/projects/:id").respond(ctx -> m.projects().view(actor(ctx), id(ctx), Languages.of(ctx)));
    router.patch("/api/projects/:id").respond(ctx -> m.projects().requireEditor(actor(ctx), id(ctx))
        .compose(p -> m.projects().update(actor(ctx), p.id(), projectDraft(ctx, false)))
        .compose(p -> m.projects().view(actor(ctx), p.id(), Languages.of(ctx))));
    Responses.created(router.post("/api/projects/:id/lessons"), ctx -> m.projects()
        .requireLessonAuthor(actor(ctx), id(ctx))
        .compose(p -> m.projects().addLesson(actor(ctx), p.id(),
            ProjectParts.Lesson.read(JsonInput.from(ctx), m.config().maxTextLength())))
        .compose(p -> m.projects().view(actor(ctx), p.id(), Languages.of(ctx))));
    router.get("/api/projects/:id/translations").respond(ctx -> m.projects().translations(actor(ctx), id(ctx)));
    router.patch("/api/projects/:id/translations").respond(ctx -> m.projects().requireEditor(actor(ctx), id(ctx))
        .compose(p -> {
          Translations.Patch patch = Translations.Patch.read(JsonInput.from(ctx), m.config().maxTextLength());
          return m.projects().translate(actor(ctx), p.id(), patch.lang(), patch.texts());
        }).compose(p -> m.projects().translations(actor(ctx), p.id())));
  }

  private void mountPartners(Router router) {
    router.get("/api/partners").respond(ctx -> {
      PartnerService.Filter filter = new PartnerService.Filter(QueryParams.optionalChoice(ctx, "region", Region.class),
          QueryParams.optionalChoice(ctx, "kind", PartnerKind.class), country(ctx),
          QueryParams.optionalString(ctx, "q", 100));
      boolean contacts = actor(ctx).signedIn();
      return m.partners().list(filter, offset(ctx), limit(ctx)).map(page -> page.toJson(p -> p.toJson(contacts)));
    });
    Responses.created(router.post("/api/partners"), ctx -> staff(ctx)
        .compose(v -> m.partners().create(actor(ctx), PartnerOrganization.Draft.read(JsonInput.from(ctx), m.codes(),
            m.config(), true)))
        .map(p -> p.toJson(true)));
    router.get("/api/partners/:id").respond(ctx -> m.partners().get(id(ctx))
        .map(p -> p.toJson(actor(ctx).signedIn())));
    router.patch("/api/partners/:id").respond(ctx -> staff(ctx)
        .compose(v -> m.partners().update(actor(ctx), id(ctx), PartnerOrganization.Draft.read(JsonInput.from(ctx),
            m.codes(), m.config(), false)))
        .map(p -> p.toJson(true)));
  }

  private void mountConsultations(Router router) {
    Responses.created(router.post("/api/initiatives/:id/consultations"), ctx -> staff(ctx)
        .compose(v -> m.consultations().open(actor(ctx), id(ctx), Consultation.Draft.read(JsonInput.from(ctx),
            m.config(), m.consultations().now())))
        .map(c -> c.toJson(Languages.of(ctx), m.consultations().now())));
    router.get("/api/initiatives/:id/consultations").respond(ctx -> m.initiatives().get(id(ctx))
        .compose(i -> m.consultations().ofInitiative(i.id()))
        .map(list -> new JsonObject().put("items", new JsonArray(list.stream()
            .map(c -> c.toJson(Languages.of(ctx), m.consultations().now())).toList())).put("total", list.size())));
    router.get("/api/consultations/:id").respond(ctx -> m.consultations().view(actor(ctx), id(ctx),
        Languages.of(ctx)));
    router.post("/api/consultations/:id/answers").respond(ctx -> m.consultations().requireAnswerer(actor(ctx), id(ctx))
        .compose(c -> m.consultations().answer(actor(ctx), c.id(), ConsultationAnswer.read(JsonInput.from(ctx), c)))
        .map(ConsultationAnswer::toJson));
  }

  private void mountRates(Router router) {
    router.get("/api/exchange-rates").respond(ctx -> m.rates().snapshot().map(rates -> {
      JsonArray items = new JsonArray();
      rates.perUsdByMonth().forEach((month, perUsd) -> items.add(rateJson(month, perUsd)));
      return new JsonObject().put("items", items).put("total", items.size());
    }));
    router.get("/api/exchange-rates/:month").respond(ctx -> m.rates().month(ctx.pathParam("month"))
        .map(perUsd -> rateJson(ctx.pathParam("month"), perUsd)));
    router.put("/api/exchange-rates/:month").respond(ctx -> staff(ctx)
        .compose(v -> m.rates().put(actor(ctx), ctx.pathParam("month"), m.rates().readRates(JsonInput.from(ctx))))
        .map(perUsd -> rateJson(ctx.pathParam("month"), perUsd)));
  }

  private static JsonObject rateJson(String month, Map<String, Double> perUsd) {
    return new JsonObject().put("month", month).put("base", ExchangeRates.USD)
        .put("rates", new JsonObject(new java.util.LinkedHashMap<>(perUsd)));
  }

  private Project.Draft projectDraft(RoutingContext ctx, boolean create) {
    return Project.Draft.read(JsonInput.from(ctx), m.codes(), m.config(), create);
  }

  private ProjectService.Filter projectFilter(RoutingContext ctx) {
    String sdg = QueryParams.optionalString(ctx, "sdg", 10);
    if (sdg != null && !m.codes().isSdgTarget(sdg)) {
      throw InvalidInputException.of("sdg", "is not a UN SDG target such as 9.c");
    }
    String wsis = QueryParams.optionalString(ctx, "wsis", 3);
    if (wsis != null && !CodeLists.isWsisLine(wsis)) {
      throw InvalidInputException.of("wsis", "is not a WSIS action line C1 to C11");
    }
    return new ProjectService.Filter(QueryParams.optionalId(ctx, "initiative"),
        QueryParams.optionalChoice(ctx, "region", Region.class), status(ctx), country(ctx),
        QueryParams.optionalId(ctx, "partner"), sdg, wsis, QueryParams.optionalString(ctx, "q", 100),
        QueryParams.optionalId(ctx, "group"));
  }

  /** A status by its name ({@code implementation}) or its IATI code ({@code 2}). */
  private static ActivityStatus status(RoutingContext ctx) {
    String value = QueryParams.optionalString(ctx, "status", 20);
    if (value == null) {
      return null;
    }
    for (ActivityStatus s : ActivityStatus.values()) {
      if (s.wire().equals(value) || String.valueOf(s.code()).equals(value)) {
        return s;
      }
    }
    throw InvalidInputException.of("status", "must be an IATI activity status: 1 to 6 or its name");
  }

  private String country(RoutingContext ctx) {
    String country = QueryParams.optionalString(ctx, "country", 2);
    if (country != null && !m.codes().isCountry(country)) {
      throw InvalidInputException.of("country", "is not an ISO 3166-1 alpha-2 country code");
    }
    return country;
  }

  private String cycle(RoutingContext ctx) {
    String cycle = QueryParams.optionalString(ctx, "cycle", 20);
    if (cycle != null && m.config().cycle(cycle).isEmpty()) {
      throw InvalidInputException.of("cycle", "is not a known WTDC cycle");
    }
    return cycle;
  }

  private JsonObject initiative(RegionalInitiative i, String lang) {
    return i.toJson(lang, m.config().cycle(i.cycle()).orElse(null));
  }

  private int limit(RoutingContext ctx) {
    return QueryParams.intParam(ctx, "limit", 50, 1, m.config().maxPageSize());
  }

  private static int offset(RoutingContext ctx) {
    return QueryParams.intParam(ctx, "offset", 0, 0, 1_000_000);
  }

  private static Future<Void> staff(RoutingContext ctx) {
    return InitiativeService.requireStaff(actor(ctx));
  }

  private static Actor actor(RoutingContext ctx) {
    return Actors.of(ctx);
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }
}
