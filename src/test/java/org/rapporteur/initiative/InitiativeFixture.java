package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.TestServer;

/**
 * Two initiatives of the current cycle (AFR1, ARB2), the African Telecommunications Union in the
 * registry, rates for March 2026, and the people: admin, a secretariat officer, a project manager,
 * a Member State delegate of Africa (member of SG3RG-AFR) and an outsider in no group.
 */
public final class InitiativeFixture {
  public final TestServer server;
  public final ApiClient admin;
  public final ApiClient secretariat;
  public final ApiClient manager;
  public final String managerId;
  public final ApiClient delegate;
  public final ApiClient outsider;
  public final ApiClient anonymous;
  public final String afrGroup;
  public final String afr1;
  public final String arb2;
  public final String atu;

  public InitiativeFixture(TestServer server) {
    this(server, "SG3RG-AFR");
  }

  /** With the African regional group under another code, beside fixtures that take SG3RG-AFR. */
  public InitiativeFixture(TestServer server, String afrGroupCode) {
    this.server = server;
    admin = server.admin();
    anonymous = server.client();
    secretariat = server.client();
    String secretariatId = secretariat.registerAndSignIn("helene@itu.example", "Hélène Martin").getJsonObject("user",
        new JsonObject()).getString("id", null);
    if (secretariatId == null) {
      secretariatId = secretariat.get("/api/me").bodyAsJsonObject().getString("id");
    }
    ok(admin.put("/api/accounts/" + secretariatId + "/roles", new JsonObject().put("roles",
        new JsonArray().add("secretariat"))), 200);
    manager = server.client();
    manager.registerAndSignIn("kwame@nca.example", "Kwame Mensah");
    managerId = manager.get("/api/me").bodyAsJsonObject().getString("id");
    afrGroup = ok(admin.post("/api/groups", new JsonObject().put("code", afrGroupCode).put("sector", "ITU-T")
        .put("region", "AFR").put("kind", "regional-group").put("title", "SG3 Regional Group for Africa")
        .put("visibility", "public")), 201).getString("id");
    delegate = server.client();
    delegate.registerAndSignIn("aminata@artp.example", "Aminata Diop");
    ok(admin.post("/api/groups/" + afrGroup + "/members", new JsonObject().put("email", "aminata@artp.example")
        .put("role", "member")), 201);
    outsider = server.client();
    outsider.registerAndSignIn("claire@orange.example", "Claire Dubois");
    afr1 = ok(secretariat.post("/api/initiatives", initiative("AFR", "AFR1", "Digital transformation in Africa")
        .put("groupIds", new JsonArray().add(afrGroup))), 201).getString("id");
    arb2 = ok(secretariat.post("/api/initiatives", initiative("ARB", "ARB2", "Cybersecurity and trust")), 201)
        .getString("id");
    atu = ok(secretariat.post("/api/partners", new JsonObject().put("name", "African Telecommunications Union")
        .put("acronym", "ATU").put("kind", "regional-telecom-organization").put("organisationType", "40")
        .put("regions", new JsonArray().add("AFR")).put("countries", new JsonArray().add("KE"))), 201).getString("id");
    ok(secretariat.put("/api/exchange-rates/2026-03", new JsonObject().put("rates", new JsonObject()
        .put("EUR", 0.92).put("XOF", 603.5).put("CHF", 0.88))), 200);
  }

  static JsonObject initiative(String region, String code, String title) {
    return new JsonObject().put("region", region).put("cycle", "WTDC-25").put("code", code).put("title", title)
        .put("objective", "Help Member States of the region with " + title.toLowerCase())
        .put("expectedResults", new JsonArray().add(new JsonObject().put("text", "National strategies adopted"))
            .add(new JsonObject().put("text", "Partnerships to exchange best practice")))
        .put("questions", new JsonArray().add("Q1/1"));
  }

  /** A valid, published project under AFR1, managed by {@link #manager}. */
  public JsonObject project(String code) {
    return new JsonObject()
        .put("code", code)
        .put("initiativeIds", new JsonArray().add(afr1))
        .put("title", "National digital transformation strategy for Senegal")
        .put("description", "Policy and regulatory support towards a national digital strategy")
        .put("status", "implementation")
        .put("dates", new JsonObject().put("plannedStart", "2026-01-01").put("plannedEnd", "2027-12-31"))
        .put("countries", new JsonArray().add(new JsonObject().put("code", "SN").put("share", 60))
            .add(new JsonObject().put("code", "CI").put("share", 40)))
        .put("partners", new JsonArray().add(new JsonObject().put("partnerId", atu).put("role", "implementing")
            .put("contributions", new JsonArray().add(new JsonObject().put("kind", "cash").put("amount", 50000)
                .put("currency", "EUR").put("date", "2026-03-15")))))
        .put("budget", new JsonObject().put("amount", 250000).put("currency", "USD").put("date", "2026-01-01"))
        .put("results", new JsonArray().add(new JsonObject().put("title", "Strategy adopted")
            .put("indicators", new JsonArray().add(new JsonObject().put("name", "Strategies adopted")
                .put("baseline", new JsonObject().put("value", 0).put("year", 2025)).put("target", 2)
                .put("actuals", new JsonArray().add(new JsonObject().put("year", 2026).put("value", 1)))))))
        .put("sdgTargets", new JsonArray().add("9.c").add("17.8"))
        .put("wsisLines", new JsonArray().add("C1").add("C7"))
        .put("published", true)
        .put("managers", new JsonArray().add(managerId));
  }

  public String createProject(JsonObject body) {
    return ok(secretariat.post("/api/projects", body), 201).getString("id");
  }

  static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }
}
