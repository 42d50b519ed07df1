package org.rapporteur.operate;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.rapporteur.platform.config.AppConfig;

/**
 * {@code java -jar rapporteur.jar backup FILE}: asks the server running on the same {@code DATA_DIR} to
 * write a copy of its database to FILE. {@code restore FILE}: loads a copy into an empty data folder,
 * with no server running on it; the next start builds the indexes from it.
 */
public final class BackupCommand {
  private BackupCommand() {}

  public static boolean handles(String[] args) {
    return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
  }

  /** Runs the command; answers the process's exit status, having printed what happened. */
  public static int run(String[] args, AppConfig config) {
    if (args.length != 2) {
      System.err.println("Usage: java -jar rapporteur.jar backup FILE | restore FILE");
      return 2;
    }
    Path file = Path.of(args[1]).toAbsolutePath();
    try {
      String summary = args[0].equals("backup") ? backup(config.dataDir(), file) : restore(file, config);
      System.out.println(summary);
      return 0;
    } catch (Exception e) {
      System.err.println(args[0] + " failed: " + e.getMessage());
      return 1;
    }
  }

  /** Asks the running server; fails when none records itself in {@code dataDir}. */
  public static String backup(Path dataDir, Path file) throws IOException, InterruptedException {
    Path control = dataDir.resolve(LocalControl.FILE);
    if (!Files.isRegularFile(control)) {
      throw new IllegalStateException("no running server records itself in " + control
          + "; start it with the same DATA_DIR (a stopped server's folder can be copied as it is)");
    }
    JsonObject reach = new JsonObject(Files.readString(control));
    URI uri = URI.create("http://127.0.0.1:" + reach.getInteger("port") + "/ops/backup?file="
        + URLEncoder.encode(file.toString(), StandardCharsets.UTF_8));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + reach.getString("token"))
        .timeout(Duration.ofHours(2))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the server answered " + response.statusCode() + ": " + response.body());
    }
    JsonObject manifest = new JsonObject(response.body());
    return "Backup written to " + file + ": " + manifest.getJsonArray("collections").size() + " collections";
  }

  /** Loads the copy into the embedded database of an empty data folder. */
  public static String restore(Path file, AppConfig config) throws IOException {
    if (!config.mongo().embedded()) {
      throw new IllegalStateException("MONGO_URI is set: restore a MongoDB database with mongorestore");
    }
    Path dataDir = config.dataDir();
    if (Files.isDirectory(dataDir)) {
      try (Stream<Path> inside = Files.list(dataDir)) {
        if (inside.findAny().isPresent()) {
          throw new IllegalStateException(dataDir + " is not empty: restore into an empty data folder");
        }
      }
    }
    Files.createDirectories(dataDir);
    return BackupStore.restoreInto(config, file);
  }
}
