package org.rapporteur.platform.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The front end's files, read once at start: each script, style sheet and message file under a name
 * that carries its content hash ({@code /app/main.3f2a9c41d0b7.js}), so browsers keep it for a year and
 * an update can never mix an old module with a new one; and the page, written with an import map from
 * the plain names to the hashed ones and a {@code modulepreload} for every module of the graph the page
 * loads, so the whole graph comes in one round instead of one round per level of imports.
 */
public final class Assets {
  /** What gets a hashed name: everything but the page itself and the service worker, whose URLs must stay put. */
  private static final Pattern VERSIONED = Pattern.compile("^/(app|i18n)/.+\\.(js|css|json)$");
  private static final Pattern STATIC_IMPORT =
      Pattern.compile("(?m)^\\s*(?:import|export)\\s*(?:[\\w$*{},\\s]*?\\bfrom\\s*)?['\"]([^'\"\\n]+)['\"]");
  private static final Pattern ASSET_ATTRIBUTE = Pattern.compile("(src|href)=\"(/[^\"]+)\"");
  private static final int HASH_CHARS = 12;
  /** At the root, so that it may serve the whole site; its URL never changes, and it is revalidated. */
  static final String SERVICE_WORKER = "/sw.js";
  /** Preloaded whatever the reader's language: English is every language's fallback. */
  private static final String FALLBACK_MESSAGES = "/i18n/en.json";

  /** One file: its bytes, and the same gzipped at the best level, once, instead of at every request. */
  public record Asset(String path, String servedPath, String contentType, Buffer body, Buffer gzipped, String etag) {}

  private final Map<String, Asset> byServedPath;
  private final Map<String, String> versionedPaths;
  private final Asset page;
  private final Asset savingPage;
  private final Asset worker;
  private final String importMapHash;

  private Assets(Map<String, Asset> byServedPath, Map<String, String> versionedPaths, Asset page, Asset savingPage,
      Asset worker, String importMapHash) {
    this.byServedPath = byServedPath;
    this.versionedPaths = versionedPaths;
    this.page = page;
    this.savingPage = savingPage;
    this.worker = worker;
    this.importMapHash = importMapHash;
  }

  /** Reads {@code root} (a folder, or the same folder on the class path) on a worker thread. */
  public static Future<Assets> load(Vertx vertx, String root) {
    return vertx.executeBlocking(() -> read(vertx.fileSystem(), root));
  }

  static Assets read(FileSystem fs, String root) {
    Map<String, byte[]> files = new TreeMap<>();
    walk(fs, root, "", files);
    Map<String, String> versioned = new TreeMap<>();
    files.forEach((path, bytes) -> {
      if (VERSIONED.matcher(path).matches()) {
        versioned.put(path, hashedName(path, bytes));
      }
    });
    Map<String, Asset> served = new TreeMap<>();
    versioned.forEach((path, hashed) -> served.put(hashed, asset(path, hashed, files.get(path))));
    byte[] index = files.get("/index.html");
    if (index == null) {
      throw new IllegalStateException("No index.html in " + root);
    }
    List<String> graph = moduleGraph(files, entryModules(new String(index, StandardCharsets.UTF_8)));
    String importMap = importMap(versioned);
    String html = page(new String(index, StandardCharsets.UTF_8), versioned, graph, importMap);
    Asset page = asset("/index.html", "/index.html", html.getBytes(StandardCharsets.UTF_8));
    Asset savingPage = asset("/index.html", "/index.html",
        html.replaceFirst("<html ", "<html data-save-data=\"on\" ").getBytes(StandardCharsets.UTF_8));
    byte[] sw = files.get(SERVICE_WORKER);
    Asset worker = sw == null ? null : asset(SERVICE_WORKER, SERVICE_WORKER, sw);
    return new Assets(served, versioned, page, savingPage, worker, sha256Base64(importMap));
  }

  private static void walk(FileSystem fs, String dir, String relative, Map<String, byte[]> files) {
    for (String child : fs.readDirBlocking(dir)) {
      String name = child.substring(child.lastIndexOf('/') + 1);
      if (name.startsWith(".")) {
        continue;
      }
      if (fs.propsBlocking(child).isDirectory()) {
        walk(fs, child, relative + "/" + name, files);
      } else {
        files.put(relative + "/" + name, fs.readFileBlocking(child).getBytes());
      }
    }
  }

  private static String hashedName(String path, byte[] bytes) {
    int dot = path.lastIndexOf('.');
    return path.substring(0, dot) + "." + sha256Hex(bytes).substring(0, HASH_CHARS) + path.substring(dot);
  }

  private static List<String> entryModules(String html) {
    Matcher m = Pattern.compile("<script type=\"module\" src=\"(/[^\"]+)\"").matcher(html);
    List<String> entries = new java.util.ArrayList<>();
    while (m.find()) {
      entries.add(m.group(1));
    }
    return entries;
  }

  /** Every module the entries import statically, found by following import and export-from statements. */
  static List<String> moduleGraph(Map<String, byte[]> files, Collection<String> entries) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(entries);
    while (!todo.isEmpty()) {
      String module = todo.poll();
      byte[] source = files.get(module);
      if (source == null || !seen.add(module)) {
        continue;
      }
      Matcher m = STATIC_IMPORT.matcher(new String(source, StandardCharsets.UTF_8));
      while (m.find()) {
        String specifier = m.group(1);
        if (specifier.startsWith(".") || specifier.startsWith("/")) {
          todo.add(URI.create(module).resolve(specifier).getPath());
        }
      }
    }
    return List.copyOf(seen);
  }

  private static String importMap(Map<String, String> versioned) {
    JsonObject imports = new JsonObject();
    versioned.forEach(imports::put);
    return new JsonObject().put("imports", imports).encode();
  }

  private static String page(String html, Map<String, String> versioned, List<String> graph, String importMap) {
    StringBuilder head = new StringBuilder("<script type=\"importmap\">").append(importMap).append("</script>\n  ");
    for (String module : graph) {
      head.append("<link rel=\"modulepreload\" href=\"").append(versioned.get(module)).append("\">\n  ");
    }
    if (versioned.containsKey(FALLBACK_MESSAGES)) {
      head.append("<link rel=\"preload\" as=\"fetch\" crossorigin href=\"").append(versioned.get(FALLBACK_MESSAGES))
          .append("\">\n  ");
    }
    String rewritten = ASSET_ATTRIBUTE.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
        m.group(1) + "=\"" + versioned.getOrDefault(m.group(2), m.group(2)) + "\""));
    int at = rewritten.indexOf("<link rel=\"stylesheet\"");
    if (at < 0) {
      at = rewritten.indexOf("<script");
    }
    return rewritten.substring(0, at) + head + rewritten.substring(at);
  }

  private static Asset asset(String path, String servedPath, byte[] bytes) {
    return new Asset(path, servedPath, contentType(path), Buffer.buffer(bytes), Buffer.buffer(gzip(bytes)),
        "\"" + sha256Hex(bytes).substring(0, 2 * HASH_CHARS) + "\"");
  }

  private static String contentType(String path) {
    if (path.endsWith(".js")) {
      // sw.js too: a service worker must be served as JavaScript.
      return "text/javascript; charset=utf-8";
    } else if (path.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (path.endsWith(".json")) {
      return "application/json; charset=utf-8";
    }
    return "text/html; charset=utf-8";
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes));
  }

  private static String sha256Base64(String text) {
    return Base64.getEncoder().encodeToString(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The file served under this path, if it is a hashed name. */
  public Asset versioned(String servedPath) {
    return byServedPath.get(servedPath);
  }

  /** The page, with its import map and preloads. */
  public Asset page() {
    return page;
  }

  /** The page for a browser that sent {@code Save-Data: on}: marked so that data saver starts on (saver.js). */
  public Asset savingPage() {
    return savingPage;
  }

  /** The service worker script, if the front end has one. */
  public Asset worker() {
    return worker;
  }

  /** The hashed path of a file, e.g. /app/main.js → /app/main.3f2a9c41d0b7.js; null when it has none. */
  public String versionedPath(String path) {
    return versionedPaths.get(path);
  }

  /** Every plain path with its hashed one. */
  public Map<String, String> versionedPaths() {
    return versionedPaths;
  }

  /** The CSP source that lets the page's inline import map run: {@code 'sha256-...'}. */
  public String importMapSource() {
    return "'sha256-" + importMapHash + "'";
  }
}
