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
import org.apache.tika.exception.EncryptedDocumentException;
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
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.TeeContentHandler;

/**
 * The child JVM that runs Tika, so a hostile file can only exhaust this small, heap-capped process.
 * It reads one JSON job per line on stdin ({@code {"path":..., "maxChars":...}}) and answers each
 * with one line {@code @@RESULT <json>} on the real stdout; everything else libraries print goes to
 * stderr. The parent kills it on timeout and starts a fresh one.
 */
public final class ExtractorMain {
  static final String READY = "@@READY";
  static final String RESULT = "@@RESULT ";
  private static final int LANGUAGE_SAMPLE = 20_000;

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
      JsonObject result = main.extract(Path.of(job.getString("path")), job.getInteger("maxChars", 1_000_000));
      protocol.println(RESULT + result.encode());
    }
  }

  private void warmUp() throws Exception {
    Path sample = Files.createTempFile("rapporteur-warmup", ".txt");
    try {
      Files.writeString(sample, "Warm-up text for the extractor. Le texte de préchauffage.");
      extract(sample, 1000);
    } finally {
      Files.deleteIfExists(sample);
    }
  }

  JsonObject extract(Path path, int maxChars) {
    long started = System.nanoTime();
    JsonObject result = new JsonObject();
    try {
      result.put("sha256", sha256(path));
      parse(path, maxChars, result);
    } catch (Throwable failure) {
      result.put("state", "failed").put("reason", reasonFor(failure)).put("detail", String.valueOf(failure));
    }
    return result.put("millis", (System.nanoTime() - started) / 1_000_000);
  }

  private void parse(Path path, int maxChars, JsonObject result) throws Exception {
    Metadata metadata = new Metadata();
    BodyContentHandler text = new BodyContentHandler(maxChars);
    LightHtmlHandler html = new LightHtmlHandler(maxChars * 2);
    boolean truncated = false;
    try (TikaInputStream stream = TikaInputStream.get(path)) {
      Detector detector = parser.getDetector();
      MediaType type = detector.detect(stream, new Metadata());
      result.put("detectedType", type.getBaseType().toString());
      metadata.set(Metadata.CONTENT_TYPE, type.toString());
      try {
        parser.parse(stream, new TeeContentHandler(text, html), metadata, new ParseContext());
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
      result.put("state", "failed").put("reason", emptyReason(result.getString("detectedType")));
    } else {
      result.put("state", "done");
    }
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

  private static String emptyReason(String type) {
    boolean opaque = type.equals("application/octet-stream") || type.startsWith("image/") || type.startsWith("audio/")
        || type.startsWith("video/");
    return opaque ? "unsupported" : "empty";
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
