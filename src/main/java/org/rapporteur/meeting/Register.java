package org.rapporteur.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.rapporteur.contribution.Contribution;
import org.rapporteur.platform.csv.Csv;

/**
 * A meeting's document register: every contribution sent for the meeting or allocated on its agenda,
 * with the agenda item it sits on and what the meeting did with it. Words such as the treatment are
 * sent as codes; the browser names them in the reader's language.
 */
public record Register(Meeting meeting, List<Entry> entries) {

  /** One document; {@code item} and {@code treatment} are null when it is not on the agenda. */
  public record Entry(Contribution contribution, String item, String itemTitle, Treatment treatment) {
    JsonObject toJson() {
      Contribution c = contribution;
      return new JsonObject()
          .put("id", c.id())
          .put("number", c.number())
          .put("source", c.source())
          .put("title", c.title())
          .put("questions", new JsonArray(c.questions()))
          .put("item", item)
          .put("itemTitle", itemTitle)
          .put("treatment", treatment == null ? null : treatment.wire())
          .put("status", c.status().wire())
          .put("late", c.late())
          .put("revision", c.current().rev())
          .put("filename", c.current().filename())
          .put("size", c.current().size())
          .put("submittedAt", c.createdAt().toString());
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("meetingId", meeting.id())
        .put("title", meeting.title())
        .put("items", new JsonArray(entries.stream().map(Entry::toJson).toList()));
  }

  /** For a spreadsheet: UTF-8 with a byte order mark, every cell quoted and defused (see {@link Csv}). */
  public String toCsv() {
    StringBuilder out = new StringBuilder(Csv.start(Csv.line("number", "source", "title", "questions", "item",
        "item_title", "treatment", "status", "late", "submitted_at").stripTrailing()));
    for (Entry e : entries) {
      Contribution c = e.contribution();
      out.append(Csv.line(Csv.cell(c.number()), Csv.cell(c.source()), Csv.cell(c.title()),
          Csv.cell(String.join(" ", c.questions())), Csv.cell(e.item()), Csv.cell(e.itemTitle()),
          Csv.cell(e.treatment() == null ? "" : e.treatment().wire()), Csv.cell(c.status().wire()),
          Csv.cell(c.late() ? "late" : ""), Csv.cell(c.createdAt().toString())));
    }
    return out.toString();
  }

  /** The file name of a document in the ZIP: its number (SG1RGQ/12 → SG1RGQ-12) and the original's extension. */
  static String zipName(Contribution c) {
    String filename = c.current().filename() == null ? "" : c.current().filename();
    int dot = filename.lastIndexOf('.');
    String extension = dot > 0 && filename.length() - dot <= 10
        ? filename.substring(dot).replaceAll("[^A-Za-z0-9.]", "") : "";
    String revision = c.current().rev() > 0 ? "-Rev" + c.current().rev() : "";
    return c.number().replaceAll("[^A-Za-z0-9_-]", "-") + revision + extension;
  }

  long totalBytes() {
    return entries.stream().mapToLong(e -> e.contribution().current().size()).sum();
  }

  static String fileName(Meeting meeting, String extension) {
    return "register-" + meeting.id() + "." + extension;
  }

  static Instant at(Contribution c) {
    return c.current().uploadedAt() == null ? c.createdAt() : c.current().uploadedAt();
  }
}
