package org.rapporteur.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Test steps around contributions: a group with a participant, uploads, waiting for extraction. */
public final class Contributions {
  private Contributions() {}

  /** Creates a group as the admin and makes {@code memberEmail} a member; answers the group's id. */
  public static String group(ApiClient admin, String code, String visibility, String... memberEmails) {
    HttpResponse<Buffer> created = admin.post("/api/groups", new JsonObject().put("code", code).put("sector", "ITU-D")
        .put("kind", "rapporteur-group").put("title", "Group " + code).put("visibility", visibility));
    if (created.statusCode() != 201) {
      throw new AssertionError("create group: " + created.statusCode() + " " + created.bodyAsString());
    }
    String groupId = created.bodyAsJsonObject().getString("id");
    for (String email : memberEmails) {
      HttpResponse<Buffer> added = admin.post("/api/groups/" + groupId + "/members",
          new JsonObject().put("email", email).put("role", "member"));
      if (added.statusCode() != 201) {
        throw new AssertionError("add member: " + added.statusCode() + " " + added.bodyAsString());
      }
    }
    return groupId;
  }

  public static HttpResponse<Buffer> upload(ApiClient client, String groupId, String filename, byte[] bytes,
      String mediaType, Map<String, String> fields) {
    MultipartForm form = MultipartForm.create();
    fields.forEach(form::attribute);
    form.binaryFileUpload("file", filename, Buffer.buffer(bytes), mediaType);
    return client.request(HttpMethod.POST, "/api/groups/" + groupId + "/contributions").sendMultipartForm(form).await();
  }

  public static Map<String, String> fields(String title) {
    return Map.of("title", title, "source", "Senegal", "questions", "Q4/1", "contacts", "fatou@example.sn");
  }

  /** Uploads and checks for 201; answers the created contribution. */
  public static JsonObject uploadOk(ApiClient client, String groupId, String filename, byte[] bytes, String title) {
    HttpResponse<Buffer> response = upload(client, groupId, filename, bytes, "application/octet-stream", fields(title));
    if (response.statusCode() != 201) {
      throw new AssertionError("upload: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** Polls until the current revision's extraction is no longer pending. */
  public static JsonObject awaitExtraction(ApiClient client, String id, int rev, Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      JsonObject c = client.get("/api/contributions/" + id).bodyAsJsonObject();
      JsonObject revision = c.getJsonArray("revisions").getJsonObject(rev);
      if (!"pending".equals(revision.getJsonObject("extraction").getString("state"))) {
        return c;
      }
      sleep(100);
    }
    throw new AssertionError("extraction of " + id + " still pending after " + timeout);
  }

  public static JsonObject awaitExtraction(ApiClient client, String id) {
    return awaitExtraction(client, id, 0, Duration.ofSeconds(90));
  }

  /** As {@link #awaitExtraction(ApiClient, String)}, polling every 20 ms, for timing. */
  public static JsonObject awaitExtractionQuickly(ApiClient client, String id) {
    Instant until = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(until)) {
      JsonObject c = client.get("/api/contributions/" + id).bodyAsJsonObject();
      if (!"pending".equals(c.getJsonObject("extraction").getString("state"))) {
        return c;
      }
      sleep(20);
    }
    throw new AssertionError("extraction of " + id + " still pending");
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
