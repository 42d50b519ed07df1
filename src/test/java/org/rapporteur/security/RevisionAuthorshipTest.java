package org.rapporteur.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Contributions.upload;
import static org.rapporteur.support.Problems.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.SharedServerTest;

/**
 * Only its authors revise a contribution: the submitter, a person whose e-mail is among its
 * contacts, or the group's chair, vice-chair or secretariat. Another participant of the same group
 * gets 403 (multipart and tus alike) and the contribution keeps its revisions.
 */
class RevisionAuthorshipTest extends SharedServerTest {
  ApiClient submitter;
  ApiClient contact;
  ApiClient otherDelegate;
  ApiClient chair;
  String groupId;

  @Override
  protected JsonObject settings() {
    return new JsonObject().put("contributions",
        new JsonObject().put("uploadsPerUserPerHour", 500));
  }

  @BeforeAll
  void start() {
    ApiClient admin = server.admin();
    submitter = signedIn("fatou@example.sn", "Fatou Ndiaye");
    contact = signedIn("moussa@example.sn", "Moussa Sow");
    otherDelegate = signedIn("ivan@example.ru", "Ivan Petrov");
    chair = signedIn("chair@example.org", "Grace Chair");
    groupId = Contributions.group(admin, "SG1RGREV", "public",
        "fatou@example.sn", "moussa@example.sn", "ivan@example.ru");
    assertThat(admin.post("/api/groups/" + groupId + "/members",
        new JsonObject().put("email", "chair@example.org").put("role", "chair")).statusCode()).isEqualTo(201);
  }

  @Test
  void anotherParticipantCannotReviseSomeoneElsesContribution() {
    JsonObject original = submitOriginal("Senegal's proposal");
    HttpResponse<Buffer> refused = revise(otherDelegate, original, "text of another delegation");
    assertProblem(refused, 403);
    JsonObject after = submitter.get("/api/contributions/" + original.getString("id")).bodyAsJsonObject();
    assertThat(after.getString("label")).isEqualTo(original.getString("number"));
    assertThat(after.getJsonArray("revisions")).hasSize(1);
    assertThat(after.getString("status")).isEqualTo("submitted");
  }

  @Test
  void anotherParticipantCannotStartAResumableRevision() {
    JsonObject original = submitOriginal("Senegal's resumable proposal");
    HttpResponse<Buffer> refused = otherDelegate.request(HttpMethod.POST, "/api/uploads")
        .putHeader("Tus-Resumable", "1.0.0").putHeader("Upload-Length", "5")
        .putHeader("Upload-Metadata", tusMetadata(Map.of("groupId", groupId, "title", "Rev", "source", "Russia",
            "revisionOf", original.getString("id"))))
        .send().await();
    assertProblem(refused, 403);
    assertThat(refused.getHeader("Location")).isNull();
  }

  @Test
  void submitterContactAndChairReviseAndTheListSaysWhoUploadedEachRevision() {
    JsonObject original = submitOriginal("Joint proposal");
    assertThat(revise(submitter, original, "second text").statusCode()).isEqualTo(201);
    assertThat(revise(contact, original, "third text").statusCode()).isEqualTo(201);
    HttpResponse<Buffer> byChair = revise(chair, original, "fourth text");
    assertThat(byChair.statusCode()).isEqualTo(201);

    JsonObject revised = byChair.bodyAsJsonObject();
    assertThat(revised.getString("label")).isEqualTo(original.getString("number") + " Rev.3");
    var revisions = revised.getJsonArray("revisions");
    assertThat(revisions.stream().map(r -> ((JsonObject) r).getString("uploaderName")).toList())
        .containsExactly("Fatou Ndiaye", "Fatou Ndiaye", "Moussa Sow", "Grace Chair");
    for (Object r : revisions) {
      assertThat(((JsonObject) r).getString("uploadedBy")).isNotBlank();
      assertThat(((JsonObject) r).getString("uploadedAt")).isNotBlank();
    }
  }

  private ApiClient signedIn(String email, String name) {
    ApiClient client = server.client();
    client.registerAndSignIn(email, name);
    return client;
  }

  /** Submitted by Fatou, naming Moussa (by e-mail, in a name-and-address contact) as a contact. */
  private JsonObject submitOriginal(String title) {
    Map<String, String> fields = Map.of("title", title, "source", "Senegal",
        "contacts", "Moussa Sow <Moussa@Example.sn>");
    HttpResponse<Buffer> created = upload(submitter, groupId, "original.txt",
        "the original text".getBytes(StandardCharsets.UTF_8), "text/plain", fields);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> revise(ApiClient client, JsonObject original, String text) {
    Map<String, String> fields = new HashMap<>(Contributions.fields(original.getString("title")));
    fields.put("revisionOf", original.getString("id"));
    return upload(client, groupId, "revision.txt", text.getBytes(StandardCharsets.UTF_8), "text/plain", fields);
  }

  private static String tusMetadata(Map<String, String> values) {
    return values.entrySet().stream().map(e -> e.getKey() + " "
        + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
        .collect(Collectors.joining(","));
  }
}
