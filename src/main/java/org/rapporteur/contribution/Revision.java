package org.rapporteur.contribution;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.rapporteur.platform.json.MongoTime;

/**
 * One file of a contribution: revision 0 is the original, then Rev.1, Rev.2, ... The uploader's name
 * is kept as it was at upload, so the list of revisions says who sent each one without a lookup.
 */
public record Revision(int rev, String fileId, String sha256, long size, String filename, String declaredType,
    String uploadedBy, String uploaderName, Instant uploadedAt, Extraction extraction) {

  static Revision fromDocument(JsonObject doc) {
    return new Revision(doc.getInteger("rev"), doc.getString("fileId"), doc.getString("sha256"),
        doc.getLong("size"), doc.getString("filename"), doc.getString("declaredType"), doc.getString("uploadedBy"),
        doc.getString("uploaderName"), MongoTime.read(doc, "uploadedAt"), Extraction.fromDocument(doc.getJsonObject("extraction")));
  }

  JsonObject toDocument() {
    return base().put("uploadedAt", MongoTime.of(uploadedAt)).put("extraction", extraction.toDocument());
  }

  public JsonObject toJson(String number) {
    return base()
        .put("label", label(number, rev))
        .put("uploadedAt", uploadedAt.toString())
        .put("extraction", extraction.toJson());
  }

  private JsonObject base() {
    return new JsonObject()
        .put("rev", rev)
        .put("fileId", fileId)
        .put("sha256", sha256)
        .put("size", size)
        .put("filename", filename)
        .put("declaredType", declaredType)
        .put("uploadedBy", uploadedBy)
        .put("uploaderName", uploaderName);
  }

  /** The content type to serve: what the content was detected as, else a safe default. */
  public String contentType() {
    String detected = extraction.detectedType();
    return detected != null ? detected : "application/octet-stream";
  }

  public static String label(String number, int rev) {
    return rev == 0 ? number : number + " Rev." + rev;
  }
}
