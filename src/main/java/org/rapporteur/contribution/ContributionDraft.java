package org.rapporteur.contribution;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.mongo.Ids;

/** The metadata sent with a file, as form fields (multipart) or tus Upload-Metadata. */
public record ContributionDraft(String title, List<String> questions, String source, List<String> contacts,
    String purpose, String meetingId, String revisionOf, Instant deadline) {
  static final Pattern QUESTION = Pattern.compile("Q\\d{1,3}/\\d{1,2}");
  static final Set<String> PURPOSES = Set.of("discussion", "information", "decision", "approval");
  private static final Set<String> LISTS = Set.of("questions", "contacts");

  /** Reads form fields; list fields may repeat or hold comma-separated values. */
  public static ContributionDraft fromForm(MultiMap form) {
    JsonObject body = new JsonObject();
    for (String name : form.names()) {
      List<String> values = form.getAll(name);
      if (LISTS.contains(name)) {
        body.put(name, new JsonArray(values.stream()
            .flatMap(v -> Arrays.stream(v.split("[,;]"))).map(String::strip).filter(s -> !s.isEmpty()).toList()));
      } else {
        body.put(name, values.get(0));
      }
    }
    return from(JsonInput.of(body));
  }

  public static ContributionDraft from(JsonInput in) {
    String title = in.requiredString("title", 300);
    List<String> questions = in.stringList("questions", 20, 10);
    for (int i = 0; i < questions.size(); i++) {
      if (!QUESTION.matcher(questions.get(i)).matches()) {
        in.fail("questions[" + i + "]", "must be written Qn/s, for example Q4/1");
      }
    }
    String source = in.requiredString("source", 300);
    List<String> contacts = in.stringList("contacts", 10, 200);
    String purpose = in.optionalString("purpose", 20);
    if (purpose != null && !PURPOSES.contains(purpose)) {
      in.fail("purpose", "must be one of " + String.join(", ", PURPOSES));
    }
    String meetingId = optionalId(in, "meetingId");
    String revisionOf = optionalId(in, "revisionOf");
    Instant deadline = optionalInstant(in, "deadline");
    in.done();
    return new ContributionDraft(title, questions, source, contacts, purpose == null ? "discussion" : purpose,
        meetingId, revisionOf, deadline);
  }

  private static String optionalId(JsonInput in, String field) {
    String value = in.optionalString(field, 24);
    if (value != null && !Ids.isValid(value)) {
      in.fail(field, "must be an id of 24 hexadecimal digits");
      return null;
    }
    return value;
  }

  private static Instant optionalInstant(JsonInput in, String field) {
    String value = in.optionalString(field, 40);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      in.fail(field, "must be an ISO-8601 UTC time such as 2026-03-01T23:59:00Z");
      return null;
    }
  }
}
