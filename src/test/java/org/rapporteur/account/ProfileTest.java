package org.rapporteur.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.ServerTest;

/** One's own profile and password: only the signed-in person, only valid values. */
class ProfileTest extends ServerTest {
  ApiClient fatou;

  @BeforeEach
  void start() {
    fatou = server.client();
    fatou.registerAndSignIn("fatou@artp.sn", "Fatou Ndiaye");
  }

  @Test
  @DisplayName("An anonymous visitor reads and changes no profile and no password")
  void anonymousIsRefused() {
    ApiClient anonymous = server.client();
    assertProblem(anonymous.get("/api/me/profile"), 401);
    assertProblem(anonymous.patch("/api/me/profile", new JsonObject().put("name", "X")), 401);
    assertProblem(anonymous.post("/api/me/password", new JsonObject().put("currentPassword", ApiClient.PASSWORD)
        .put("newPassword", "a new and longer passphrase")), 401);
  }

  @Test
  @DisplayName("A person sets their country, affiliation, language and time zone, and clears them again")
  void profileChangesAndClears() {
    JsonObject profile = fatou.get("/api/me/profile").bodyAsJsonObject();
    assertThat(profile.getString("email")).isEqualTo("fatou@artp.sn");
    assertThat(profile.getString("name")).isEqualTo("Fatou Ndiaye");

    JsonObject changed = fatou.patch("/api/me/profile", new JsonObject().put("name", "Fatou Ndiaye Sow")
        .put("country", "SN").put("affiliation", "ARTP Sénégal").put("language", "ar")
        .put("timeZone", "Africa/Dakar")).bodyAsJsonObject();
    assertThat(changed.getString("name")).isEqualTo("Fatou Ndiaye Sow");
    assertThat(changed.getString("country")).isEqualTo("SN");
    assertThat(changed.getString("language")).isEqualTo("ar");
    assertThat(changed.getString("timeZone")).isEqualTo("Africa/Dakar");
    JsonObject session = fatou.get("/api/session").bodyAsJsonObject();
    assertThat(session.getJsonObject("user").getString("timeZone")).isEqualTo("Africa/Dakar");
    assertThat(session.getJsonObject("passwordRule").getInteger("minLength")).isEqualTo(10);

    JsonObject cleared = fatou.patch("/api/me/profile", new JsonObject().putNull("language").putNull("timeZone"))
        .bodyAsJsonObject();
    assertThat(cleared.getString("language")).isNull();
    assertThat(cleared.getString("timeZone")).isNull();
    assertThat(cleared.getString("country")).as("fields not sent stay").isEqualTo("SN");
  }

  @Test
  @DisplayName("Bad values name their field and change nothing")
  void badValuesNameTheFieldAndChangeNothing() {
    fatou.patch("/api/me/profile", new JsonObject().put("country", "SN"));
    JsonObject before = fatou.get("/api/me/profile").bodyAsJsonObject();
    assertFieldProblem(fatou.patch("/api/me/profile", new JsonObject().put("country", "Senegal")), 400, "country");
    assertFieldProblem(fatou.patch("/api/me/profile", new JsonObject().put("country", "sn")), 400, "country");
    assertFieldProblem(fatou.patch("/api/me/profile", new JsonObject().put("language", "de")), 400, "language");
    assertFieldProblem(fatou.patch("/api/me/profile", new JsonObject().put("timeZone", "Mars/Olympus")), 400,
        "timeZone");
    assertFieldProblem(fatou.patch("/api/me/profile", new JsonObject().put("timeZone", "GMT+3")), 400, "timeZone");
    assertFieldProblem(fatou.patch("/api/me/profile", new JsonObject().put("name", "  ")), 400, "name");
    assertFieldProblem(fatou.patch("/api/me/profile", new JsonObject().put("name", "Fine").put("roles", "admin")),
        400, "roles");
    assertFieldProblem(fatou.patch("/api/me/profile", new JsonObject().put("name", "Fine").put("language", "xx")),
        400, "language");
    assertThat(fatou.get("/api/me/profile").bodyAsJsonObject()).isEqualTo(before);
  }

  @Test
  @DisplayName("Changing the password needs the current one, keeps this session and ends the others")
  void passwordChange() {
    ApiClient phone = server.client();
    phone.signIn("fatou@artp.sn", ApiClient.PASSWORD);
    String chosen = "a new and longer passphrase";

    assertFieldProblem(fatou.post("/api/me/password", new JsonObject().put("currentPassword", "wrong password!")
        .put("newPassword", chosen)), 400, "currentPassword");
    assertFieldProblem(fatou.post("/api/me/password", new JsonObject().put("currentPassword", ApiClient.PASSWORD)
        .put("newPassword", "short")), 400, "newPassword");
    assertFieldProblem(fatou.post("/api/me/password", new JsonObject().put("newPassword", chosen)), 400,
        "currentPassword");
    assertThat(phone.get("/api/me").statusCode()).as("nothing changed yet").isEqualTo(200);

    assertThat(fatou.post("/api/me/password", new JsonObject().put("currentPassword", ApiClient.PASSWORD)
        .put("newPassword", chosen)).statusCode()).isEqualTo(204);
    assertThat(fatou.get("/api/me").statusCode()).as("this session stays").isEqualTo(200);
    assertThat(phone.get("/api/me").statusCode()).as("the other session ended").isEqualTo(401);
    server.client().signIn("fatou@artp.sn", chosen);
  }

  @Test
  @DisplayName("Guessing the current password is throttled as signing in is")
  void currentPasswordGuessesAreThrottled() {
    for (int i = 0; i < 5; i++) {
      assertFieldProblem(fatou.post("/api/me/password", new JsonObject().put("currentPassword", "guess number " + i)
          .put("newPassword", "a new and longer passphrase")), 400, "currentPassword");
    }
    assertProblem(fatou.post("/api/me/password", new JsonObject().put("currentPassword", ApiClient.PASSWORD)
        .put("newPassword", "a new and longer passphrase")), 429);
  }
}
