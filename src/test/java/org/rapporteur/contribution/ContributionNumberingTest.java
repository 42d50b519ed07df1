package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.Contributions;
import org.rapporteur.support.TestServer;

@ExtendWith(VertxExtension.class)
class ContributionNumberingTest {
  private static final int HOURLY_LIMIT = 32;

  @TempDir
  Path dataDir;
  TestServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = TestServer.start(vertx, dataDir, new io.vertx.core.json.JsonObject().put("contributions",
        new io.vertx.core.json.JsonObject().put("uploadsPerUserPerHour", HOURLY_LIMIT)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void thirtyConcurrentUploadsGetThirtyDistinctConsecutiveNumbersAndTheHourlyLimitHolds() {
    ApiClient admin = server.admin();
    ApiClient expert = server.client();
    expert.registerAndSignIn("numbers@example.ke", "Wanjiru Kamau");
    String groupId = Contributions.group(admin, "SG2RGQ", "public", "numbers@example.ke");
    String other = Contributions.group(admin, "SG3RG-AFR", "public", "numbers@example.ke");
    Contributions.uploadOk(expert, other, "other.txt", "Another series.".getBytes(StandardCharsets.UTF_8), "Other");

    List<Future<HttpResponse<Buffer>>> uploads = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      MultipartForm form = MultipartForm.create();
      Contributions.fields("Concurrent " + i).forEach(form::attribute);
      form.binaryFileUpload("file", "c" + i + ".txt",
          Buffer.buffer(("Concurrent contribution number " + i).getBytes(StandardCharsets.UTF_8)), "text/plain");
      uploads.add(expert.request(HttpMethod.POST, "/api/groups/" + groupId + "/contributions").sendMultipartForm(form));
    }
    Future.all(uploads).await();

    List<Long> numbers = uploads.stream().map(f -> {
      assertThat(f.result().statusCode()).as(f.result().bodyAsString()).isEqualTo(201);
      String number = f.result().bodyAsJsonObject().getString("number");
      assertThat(number).startsWith("SG2RGQ/");
      return Long.parseLong(number.substring("SG2RGQ/".length()));
    }).sorted().toList();
    assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());

    JsonObject list = expert.get("/api/groups/" + groupId + "/contributions?limit=100").bodyAsJsonObject();
    assertThat(list.getJsonArray("items")).hasSize(30);
    JsonObject next = Contributions.uploadOk(expert, other, "o2.txt", "More.".getBytes(StandardCharsets.UTF_8), "O2");
    assertThat(next.getString("number")).isEqualTo("SG3RG-AFR/2");

    // that was the 32nd upload of the hour for this person
    HttpResponse<Buffer> refused = Contributions.upload(expert, other, "o3.txt", "More.".getBytes(StandardCharsets.UTF_8),
        "text/plain", Contributions.fields("O3"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isNotNull();
    assertThat(Contributions.uploadOk(admin, other, "a.txt", "Staff.".getBytes(StandardCharsets.UTF_8), "A")
        .getString("number")).isEqualTo("SG3RG-AFR/3");
  }
}
