package org.rapporteur.operate;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.UnauthenticatedException;
import org.rapporteur.platform.http.RouteModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How commands run on the same machine reach the running server: at start it writes {@code
 * DATA_DIR/control.json} (readable by its owner only) with its port and a new random token, and answers
 * {@code POST /ops/backup?file=} only from a loopback address with that token. Whoever can read the
 * data folder can already read the data; nobody else can ask for a copy.
 */
final class LocalControl implements RouteModule {
  static final String FILE = "control.json";
  private static final Logger log = LoggerFactory.getLogger(LocalControl.class);

  private final Vertx vertx;
  private final Path file;
  private final BackupStore dump;
  private final String token;
  private boolean running;

  LocalControl(Vertx vertx, Path dataDir, BackupStore dump) {
    this.vertx = vertx;
    this.file = dataDir.resolve(FILE);
    this.dump = dump;
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.token = HexFormat.of().formatHex(bytes);
  }

  /** Records how to reach this server; {@code port} is the one it listens on. */
  Future<Void> publish(int port) {
    String content = new JsonObject().put("port", port).put("token", token).put("pid", ProcessHandle.current().pid())
        .encodePrettily();
    return vertx.executeBlocking(() -> {
      Files.deleteIfExists(file);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return null;
    }).onFailure(e -> log.warn("Could not write {}: backup commands will not find this server", file, e)).mapEmpty();
  }

  void withdraw() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not remove {}", file, e);
    }
  }

  @Override
  public void mount(Router router) {
    router.post("/ops/backup").handler(this::backup);
  }

  private void backup(RoutingContext ctx) {
    if (!ctx.request().remoteAddress().isInetSocket() || !isLoopback(ctx.request().remoteAddress().hostAddress())) {
      ctx.fail(new ForbiddenException("Backups are asked for from the server's own machine"));
      return;
    }
    String given = ctx.request().getHeader("Authorization");
    if (given == null || !MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8))) {
      ctx.fail(new UnauthenticatedException("The token of " + FILE + " is needed"));
      return;
    }
    String target = ctx.request().getParam("file");
    if (target == null || target.isBlank() || !Path.of(target).isAbsolute()) {
      ctx.fail(InvalidInputException.of("file", "must be an absolute path"));
      return;
    }
    synchronized (this) {
      if (running) {
        ctx.fail(new io.vertx.ext.web.handler.HttpException(409, "A backup is already running"));
        return;
      }
      running = true;
    }
    log.info("Backup to {} started", target);
    dump.writeTo(Path.of(target))
        .onComplete(done -> {
          synchronized (this) {
            running = false;
          }
        })
        .onSuccess(manifest -> {
          log.info("Backup to {} finished", target);
          ctx.response().putHeader("Content-Type", "application/json").end(manifest.encode());
        })
        .onFailure(ctx::fail);
  }

  private static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.startsWith("127.") || host.equals("0:0:0:0:0:0:0:1") || host.equals("::1");
  }
}
