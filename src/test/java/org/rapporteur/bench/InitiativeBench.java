package org.rapporteur.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.GlobalRole;
import org.rapporteur.account.Registration;
import org.rapporteur.initiative.InitiativeModule;
import org.rapporteur.initiative.Project;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.TestServer;

/**
 * Regional initiatives at 1,000 projects: the portal's project list (p95 of GET /api/projects?limit=50
 * with a few filters, anonymous and secretariat) and the yearly TDAG report (Word and CSV), against
 * the same list with 20 projects measured first in the same run. Run with bench/initiative-bench.sh.
 */
public final class InitiativeBench {
  private static final int PROJECTS = Integer.getInteger("bench.projects", 1000);
  private static final int BASELINE_PROJECTS = 20;
  private static final int REQUESTS = Integer.getInteger("bench.requests", 40);
  private static final String[] REGIONS = {"AFR", "AMS", "ARB", "ASP", "CIS", "EUR"};
  private static final String[] COUNTRIES = {"SN", "KE", "BR", "EG", "FJ", "KZ", "AL", "CI", "PE", "JO"};
  private static final String[] STATUSES = {"pipeline", "implementation", "implementation", "closed"};
  private static final String[] CURRENCIES = {"EUR", "CHF", "XOF", "USD"};
  private static final List<String> LISTS = List.of("/api/projects?limit=50", "/api/projects?limit=50&region=AFR",
      "/api/projects?limit=50&status=implementation", "/api/projects?limit=50&country=KE",
      "/api/projects?limit=50&sdg=9.c", "/api/projects?limit=50&region=ASP&status=closed&offset=50",
      "/api/projects?limit=50&q=broadband");

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path dataDir = Files.createTempDirectory("rapporteur-bench");
    TestServer server = TestServer.start(vertx, dataDir);
    try {
      run(server);
    } finally {
      server.close();
      vertx.close().await();
    }
  }

  private static void run(TestServer server) {
    InitiativeModule module = server.app().services().initiatives();
    Actor staff = server.app().services().accounts().provision(new Registration("officer@itu.example",
        "a-long-password-1", "Officer", "Switzerland", "BDT"), EnumSet.of(GlobalRole.SECRETARIAT)).await().toActor();
    ApiClient secretariat = server.client();
    secretariat.signIn("officer@itu.example", "a-long-password-1");
    ApiClient anonymous = server.client();
    for (int month = 1; month <= 12; month++) {
      ok(secretariat.put(String.format("/api/exchange-rates/2026-%02d", month), new JsonObject().put("rates",
          new JsonObject().put("EUR", 0.86 + month / 1000.0).put("CHF", 0.80).put("XOF", 565.0))));
    }
    List<String> initiatives = new ArrayList<>();
    for (String region : REGIONS) {
      for (int i = 1; i <= 5; i++) {
        initiatives.add(ok(secretariat.post("/api/initiatives", new JsonObject().put("region", region)
            .put("cycle", "WTDC-25").put("code", region + i).put("title", "Initiative " + region + i)
            .put("objective", "Objective of " + region + i))).getString("id"));
      }
    }
    List<String> partners = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      partners.add(ok(secretariat.post("/api/partners", new JsonObject().put("name", "Partner organization " + i)
          .put("kind", "regional-telecom-organization").put("organisationType", "40"))).getString("id"));
    }
    Random random = new Random(2026);
    create(module, staff, initiatives, partners, random, 0, BASELINE_PROJECTS);
    double healthP95 = p95(anonymous, List.of("/health"));
    double baselineAnonymous = p95(anonymous, LISTS);
    double baselineStaff = p95(secretariat, LISTS);
    System.out.printf("Baseline (%d projects): /health p95 %.1f ms; list p95 anonymous %.1f ms, secretariat %.1f ms%n",
        BASELINE_PROJECTS, healthP95, baselineAnonymous, baselineStaff);

    long t0 = System.nanoTime();
    create(module, staff, initiatives, partners, random, BASELINE_PROJECTS, PROJECTS);
    System.out.printf("Created %d more projects through ProjectService in %.1f s%n", PROJECTS - BASELINE_PROJECTS,
        (System.nanoTime() - t0) / 1e9);
    double listAnonymous = p95(anonymous, LISTS);
    double listStaff = p95(secretariat, LISTS);
    System.out.printf("List at %d projects: p95 anonymous %.1f ms (x%.1f the baseline), secretariat %.1f ms (x%.1f)%n",
        PROJECTS, listAnonymous, listAnonymous / baselineAnonymous, listStaff, listStaff / baselineStaff);
    for (String path : List.of("/api/reports/tdag.docx?year=2026&lang=en", "/api/reports/tdag.docx?year=2026&lang=ar",
        "/api/reports/tdag.csv?year=2026", "/api/iati/activities.xml?year=2026")) {
      List<Long> times = new ArrayList<>();
      long bytes = 0;
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        HttpResponse<Buffer> response = secretariat.get(path);
        times.add((System.nanoTime() - start) / 1_000_000);
        if (response.statusCode() != 200) {
          throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.bodyAsString());
        }
        bytes = response.body().length();
      }
      System.out.printf("%s: first %d ms, then best %d ms, worst %d ms; %d KB%n", path, times.get(0),
          Collections.min(times.subList(1, times.size())), Collections.max(times.subList(1, times.size())),
          bytes / 1024);
    }
  }

  private static void create(InitiativeModule module, Actor staff, List<String> initiatives, List<String> partners,
      Random random, int from, int to) {
    for (int i = from; i < to; i += 8) {
      List<Future<Project>> batch = new ArrayList<>();
      for (int j = i; j < Math.min(to, i + 8); j++) {
        batch.add(module.projects().create(staff, Project.Draft.read(JsonInput.of(project(j, initiatives, partners,
            random)), module.codes(), module.config(), true)));
      }
      Future.all(batch).await();
    }
  }

  private static JsonObject project(int n, List<String> initiatives, List<String> partners, Random random) {
    String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
    String first = COUNTRIES[random.nextInt(COUNTRIES.length)];
    String second = COUNTRIES[(random.nextInt(COUNTRIES.length - 1) + 1 + java.util.Arrays.asList(COUNTRIES).indexOf(first))
        % COUNTRIES.length];
    return new JsonObject()
        .put("code", String.format("9R%s%06d", "AF", n))
        .put("initiativeIds", new JsonArray().add(initiatives.get(n % initiatives.size())))
        .put("title", (n % 3 == 0 ? "Rural broadband " : "Digital skills ") + "project " + n)
        .put("description", "Policy and capacity building for project " + n + " with partners of the region")
        .put("status", STATUSES[n % STATUSES.length])
        .put("dates", new JsonObject().put("plannedStart", "2026-01-01").put("plannedEnd", "2027-12-31"))
        .put("countries", new JsonArray().add(new JsonObject().put("code", first).put("share", 50))
            .add(new JsonObject().put("code", second).put("share", 50)))
        .put("partners", new JsonArray().add(new JsonObject().put("partnerId", partners.get(n % partners.size()))
            .put("role", "funding").put("contributions", new JsonArray()
                .add(new JsonObject().put("kind", "cash").put("amount", 10_000 + random.nextInt(90_000))
                    .put("currency", currency).put("date", "2026-0" + (1 + n % 9) + "-15"))
                .add(new JsonObject().put("kind", "in-kind").put("amount", 5_000).put("currency", "CHF")
                    .put("date", "2026-06-01")))))
        .put("budget", new JsonObject().put("amount", 250_000).put("currency", "USD").put("date", "2026-01-01"))
        .put("expenditure", new JsonArray().add(new JsonObject().put("year", 2026).put("amount", 40_000)
            .put("currency", currency)))
        .put("results", new JsonArray().add(new JsonObject().put("title", "Result of project " + n)
            .put("indicators", new JsonArray().add(new JsonObject().put("name", "People trained")
                .put("baseline", new JsonObject().put("value", 0).put("year", 2025)).put("target", 100)
                .put("actuals", new JsonArray().add(new JsonObject().put("year", 2026).put("value", n % 150)))))))
        .put("sdgTargets", new JsonArray().add(n % 2 == 0 ? "9.c" : "4.4"))
        .put("wsisLines", new JsonArray().add("C2"))
        .put("published", n % 5 != 0);
  }

  /** p95 in milliseconds over REQUESTS rounds of every path, after one warm-up round. */
  private static double p95(ApiClient client, List<String> paths) {
    paths.forEach(p -> client.get(p));
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      for (String path : paths) {
        long start = System.nanoTime();
        HttpResponse<Buffer> response = client.get(path);
        micros.add((System.nanoTime() - start) / 1000);
        if (response.statusCode() != 200) {
          throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.bodyAsString());
        }
      }
    }
    Collections.sort(micros);
    return micros.get((int) Math.ceil(micros.size() * 0.95) - 1) / 1000.0;
  }

  private static JsonObject ok(HttpResponse<Buffer> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }
}
