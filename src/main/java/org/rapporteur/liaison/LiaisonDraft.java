package org.rapporteur.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.mongo.Ids;

/**
 * A statement as its authors write it. For a change ({@code PATCH}) only the fields sent are
 * {@link #present}; {@link #over} fills the others from the stored statement.
 */
public record LiaisonDraft(String fromGroupId, String fromBody, List<String> to, List<String> cc,
    List<String> toBodies, String title, Purpose purpose, Instant deadline, List<String> questions, String body,
    List<Liaison.Contact> contacts, List<String> attachments, List<Liaison.Link> links, Set<String> present) {

  static final Pattern QUESTION = Pattern.compile("Q\\d{1,3}(-\\d{1,2})?/\\d{1,2}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final List<String> FIELDS = List.of("fromGroupId", "fromBody", "to", "cc", "toBodies", "title",
      "purpose", "deadline", "questions", "body", "contacts", "attachments", "links");

  public static LiaisonDraft create(JsonInput in) {
    return read(in, false);
  }

  public static LiaisonDraft change(JsonInput in) {
    return read(in, true);
  }

  private static LiaisonDraft read(JsonInput in, boolean partial) {
    Set<String> present = new HashSet<>();
    FIELDS.stream().filter(in::has).forEach(present::add);
    String fromGroupId = id(in, "fromGroupId");
    String fromBody = in.optionalString("fromBody", 200);
    List<String> to = ids(in, "to");
    List<String> cc = ids(in, "cc");
    List<String> toBodies = in.stringList("toBodies", 10, 200);
    String title = partial ? in.optionalString("title", 300) : in.requiredString("title", 300);
    Purpose purpose = partial ? in.optionalChoice("purpose", Purpose.class) : in.requiredChoice("purpose", Purpose.class);
    Instant deadline = deadline(in);
    List<String> questions = in.stringList("questions", 30, 20);
    for (int i = 0; i < questions.size(); i++) {
      if (!QUESTION.matcher(questions.get(i)).matches()) {
        in.fail("questions[" + i + "]", "must look like Q4/1 (Question 4 of Study Group 1)");
      }
    }
    String body = in.optionalString("body", 100_000);
    List<Liaison.Contact> contacts = in.objectList("contacts", 10, LiaisonDraft::contact);
    List<String> attachments = ids(in, "attachments");
    List<Liaison.Link> links = in.objectList("links", 20, LiaisonDraft::link);
    if (!partial) {
      if (fromGroupId == null && fromBody == null) {
        in.fail("fromGroupId", "give the sending group, or fromBody for an outside body");
      }
      if (fromGroupId != null && fromBody != null) {
        in.fail("fromBody", "give either fromGroupId or fromBody, not both");
      }
      if (to.isEmpty() && toBodies.isEmpty()) {
        in.fail("to", "name at least one addressed group");
      }
    }
    in.done();
    return new LiaisonDraft(fromGroupId, fromBody, to, cc, toBodies, title, purpose, deadline, questions, body,
        contacts, attachments, links, present);
  }

  /** This change laid over a stored statement: fields not sent keep their stored values. */
  LiaisonDraft over(Liaison base) {
    return new LiaisonDraft(
        present.contains("fromGroupId") || present.contains("fromBody") ? fromGroupId : base.from().groupId(),
        present.contains("fromGroupId") || present.contains("fromBody") ? fromBody : base.from().body(),
        present.contains("to") ? to : base.to().stream().map(Liaison.Party::groupId).toList(),
        present.contains("cc") ? cc : base.cc().stream().map(Liaison.Party::groupId).toList(),
        present.contains("toBodies") ? toBodies : base.toBodies(),
        title != null ? title : base.title(),
        purpose != null ? purpose : base.purpose(),
        present.contains("deadline") ? deadline : base.deadline(),
        present.contains("questions") ? questions : base.questions(),
        present.contains("body") ? body : base.body(),
        present.contains("contacts") ? contacts : base.contacts(),
        present.contains("attachments") ? attachments : base.attachments(),
        present.contains("links") ? links : base.links(),
        Set.copyOf(FIELDS));
  }

  private static String id(JsonInput in, String field) {
    String value = in.optionalString(field, 24);
    if (value != null && !Ids.isValid(value)) {
      in.fail(field, "must be an id of 24 hexadecimal digits");
      return null;
    }
    return value;
  }

  private static List<String> ids(JsonInput in, String field) {
    List<String> values = in.stringList(field, 20, 24);
    for (int i = 0; i < values.size(); i++) {
      if (!Ids.isValid(values.get(i))) {
        in.fail(field + "[" + i + "]", "must be an id of 24 hexadecimal digits");
      }
    }
    return values;
  }

  /** An instant (2026-03-01T12:00:00Z) or a day (2026-03-01, due by its end in UTC). */
  private static Instant deadline(JsonInput in) {
    String value = in.optionalString("deadline", 40);
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atTime(23, 59, 59).toInstant(ZoneOffset.UTC)
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      in.fail("deadline", "must be a date (2026-03-01) or a UTC time (2026-03-01T12:00:00Z)");
      return null;
    }
  }

  private static Liaison.Contact contact(JsonInput in) {
    String name = in.requiredString("name", 120);
    String email = in.optionalString("email", 254);
    if (email != null && !EMAIL.matcher(email).matches()) {
      in.fail("email", "must be an e-mail address");
    }
    String affiliation = in.optionalString("affiliation", 200);
    return new Liaison.Contact(name, email, affiliation);
  }

  private static Liaison.Link link(JsonInput in) {
    LinkType type = in.requiredChoice("type", LinkType.class);
    String liaisonId = id(in, "liaisonId");
    if (liaisonId == null && !in.has("liaisonId")) {
      in.fail("liaisonId", "is required");
    }
    return new Liaison.Link(type, liaisonId);
  }
}
