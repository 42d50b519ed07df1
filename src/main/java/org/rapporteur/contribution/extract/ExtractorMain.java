package org.rapporteur.contribution.extract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.TextStatistics;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.TeeContentHandler;

/**
 * The child JVM that runs Tika, so a hostile file can only exhaust this small, heap-capped process.
 * It reads one JSON job per line on stdin ({@code {"path":..., "name":..., "maxChars":...}}) and answers each
 * with one line {@code @@RESULT <json>} on the real stdout; everything else libraries print goes to
 * stderr. The parent kills it on timeout and starts a fresh one.
 */
public final class ExtractorMain {
  static final String READY = "@@READY";
  static final String RESULT = "@@RESULT ";
  private static final int LANGUAGE_SAMPLE = 20_000;
  private static final int TEXT_SAMPLE_BYTES = 8192;
  private static final MediaType BROKEN_OOXML = MediaType.application("x-tika-ooxml");

  private final AutoDetectParser parser = new AutoDetectParser();
  private final Languages languages = new Languages();

  private ExtractorMain() throws Exception {
  }

  public static void main(String[] args) throws Exception {
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    ExtractorMain main = new ExtractorMain();
    main.warmUp();
    protocol.println(READY);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject job = new JsonObject(line);
      JsonObject result = main.extract(Path.of(job.getString("path")), job.getString("name"),
          job.getInteger("maxChars", 1_000_000));
      protocol.println(RESULT + result.encode());
    }
  }

  private void warmUp() throws Exception {
    Path sample = Files.createTempFile("rapporteur-warmup", ".txt");
    try {
      Files.writeString(sample, "Warm-up text for the extractor. Le texte de préchauffage.");
      extract(sample, "warm-up.txt", 1000);
    } finally {
      Files.deleteIfExists(sample);
    }
  }

  /** {@code name} is the uploaded file's (sanitized) name: a hint for detection, never trusted over the bytes. */
  JsonObject extract(Path path, String name, int maxChars) {
    long started = System.nanoTime();
    JsonObject result = new JsonObject();
    try {
      result.put("sha256", sha256(path));
      parse(path, name, maxChars, result);
    } catch (Throwable failure) {
      result.put("state", "failed").put("reason", reasonFor(failure)).put("detail", String.valueOf(failure));
    }
    return result.put("millis", (System.nanoTime() - started) / 1_000_000);
  }

  private void parse(Path path, String name, int maxChars, JsonObject result) throws Exception {
    Metadata metadata = new Metadata();
    BodyContentHandler text = new BodyContentHandler(maxChars);
    LightHtmlHandler html = new LightHtmlHandler(maxChars, maxChars * 2);
    boolean truncated = false;
    try (TikaInputStream stream = TikaInputStream.get(path)) {
      MediaType type = detect(stream, path, name);
      result.put("detectedType", type.getBaseType().toString());
      if (type.getBaseType().equals(BROKEN_OOXML)) {
        // the zip holds Office parts but no Office parser can open it: its "text" would be the raw parts
        throw new TikaException("An Office Open XML package that no Office parser can open");
      }
      metadata.set(Metadata.CONTENT_TYPE, type.toString());
      try {
        // the light view first: the text handler throws at its limit, and the view must get that block too
        parser.parse(stream, new TeeContentHandler(html, text), metadata, new ParseContext());
      } catch (Exception e) {
        if (!WriteLimitReachedException.isWriteLimitReached(e)) {
          throw e;
        }
        truncated = true;
      }
    }
    String body = text.toString().strip();
    result.put("title", blankToNull(metadata.get(TikaCoreProperties.TITLE)))
        .put("authors", new JsonArray(java.util.Arrays.asList(metadata.getValues(TikaCoreProperties.CREATOR))))
        .put("pages", pages(metadata))
        .put("language", language(body))
        .put("text", body)
        .put("html", html.html())
        .put("truncated", truncated || html.truncated());
    if (body.isEmpty()) {
      result.put("state", "failed").put("reason", emptyReason(result.getString("detectedType"), metadata));
    } else {
      result.put("state", "done");
    }
  }

  /**
   * By the bytes, with the name as a hint: a legacy-encoded .txt (CP866, CP1251) has no magic and looks
   * like binary by its bytes alone. A name that turns bytes full of control codes into text is ignored,
   * so random bytes called .txt are not "read" as text.
   */
  private MediaType detect(TikaInputStream stream, Path path, String name) throws Exception {
    Detector detector = parser.getDetector();
    MediaType byContent = detector.detect(stream, new Metadata());
    if (name == null || name.isBlank()) {
      return byContent;
    }
    Metadata hint = new Metadata();
    hint.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    MediaType withName = detector.detect(stream, hint);
    boolean madeText = withName.getType().equals("text") && !byContent.getType().equals("text");
    return madeText && !looksLikeText(path) ? byContent : withName;
  }

  private static boolean looksLikeText(Path path) throws Exception {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(TEXT_SAMPLE_BYTES);
    }
    TextStatistics stats = new TextStatistics();
    stats.addData(head, 0, head.length);
    return stats.count(0) == 0 && stats.countControl() * 100 <= stats.count();
  }

  private String language(String body) {
    if (body.isBlank()) {
      return null;
    }
    return languages.detect(body.length() > LANGUAGE_SAMPLE ? body.substring(0, LANGUAGE_SAMPLE) : body);
  }

  private static Integer pages(Metadata metadata) {
    Integer pages = metadata.getInt(PagedText.N_PAGES);
    return pages != null ? pages : metadata.getInt(Office.PAGE_COUNT);
  }

  /** Nothing read: the file is empty only if a parser for its type ran; Tika's EmptyParser means none did. */
  private static String emptyReason(String type, Metadata metadata) {
    boolean noParser = java.util.Arrays.asList(metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY))
        .contains(EmptyParser.class.getName());
    boolean opaque = type.equals("application/octet-stream") || type.startsWith("image/") || type.startsWith("audio/")
        || type.startsWith("video/");
    return noParser || opaque ? "unsupported" : "empty";
  }

  static String reasonFor(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException
          || t.getClass().getName().endsWith("EncryptedDocumentException")) {
        return "encrypted";
      }
      if (t instanceof ZeroByteFileException) {
        return "empty";
      }
      if (refusedAsUnsafeXml(String.valueOf(t.getMessage()))) {
        return "unsafe";
      }
      if (t instanceof TikaMemoryLimitException || t instanceof OutOfMemoryError
          || t.getClass().getName().contains("SecureSAXException")
          || String.valueOf(t.getMessage()).toLowerCase().contains("zip bomb")) {
        return "too-large";
      }
    }
    return "corrupt";
  }

  /**
   * The XML parsers refuse document type declarations (external entities could read the server's files)
   * and stop entity expansion past the JDK's limit (billion laughs): the file is hostile, not damaged.
   * They throw the same {@code SAXParseException} for damaged XML, so only the message (Xerces' and the
   * JDK's limit code) tells the two apart.
   */
  private static boolean refusedAsUnsafeXml(String message) {
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    return (lower.contains("doctype") && lower.contains("disallow")) || lower.contains("entity expansion")
        || lower.contains("entityexpansionlimit") || lower.contains("jaxp00010001");
  }

  private static String sha256(Path path) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
