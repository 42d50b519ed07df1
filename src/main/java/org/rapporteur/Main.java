package org.rapporteur;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.rapporteur.operate.BackupCommand;
import org.rapporteur.operate.Observability;
import org.rapporteur.platform.cluster.ClusterConfig;
import org.rapporteur.platform.cluster.ClusterVertx;
import org.rapporteur.platform.config.AppConfig;
import org.rapporteur.platform.config.ConfigLoader;
import org.rapporteur.platform.jvm.CompilerThreadPriority;
import org.rapporteur.platform.mongo.DatabaseOnly;
import org.rapporteur.platform.mongo.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Rapporteur: {@code java -jar target/rapporteur.jar [--demo | --database-only]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    AppConfig config = ConfigLoader.load(env, Arrays.asList(args).contains("--demo"));
    if (BackupCommand.handles(args)) {
      System.exit(BackupCommand.run(args, config));
    }
    if (System.getProperty("vertx.cacheDirBase") == null) {
      System.setProperty("vertx.cacheDirBase", config.dataDir().resolve("vertx-cache").toAbsolutePath().toString());
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    if (Arrays.asList(args).contains("--database-only")) {
      serveDatabase(config, log);
      return;
    }
    ClusterConfig cluster = config.section("cluster", ClusterConfig::fromJson);
    Vertx vertx;
    VertxOptions options = new VertxOptions();
    try {
      vertx = Observability.vertx(options,
          builder -> ClusterVertx.create(cluster, options, builder)).await();
    } catch (Exception e) {
      log.error("Rapporteur could not join the cluster", e);
      System.exit(1);
      return;
    }
    try {
      // Here, not in App: it concerns the whole process, which in the tests is the test runner's. A value
      // outside 1-19 stops the start with a message naming it.
      int compilerNice = config.section("jvm", jvm -> jvm.getInteger("compilerNice", 0));
      if (compilerNice != 0) {
        CompilerThreadPriority.keepLow(vertx, compilerNice);
      }
      App app = App.start(vertx, config).await();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        app.shutdown().await();
        vertx.close().await();
      }, "shutdown"));
      log.info("Rapporteur is listening on {}", app.origin());
      System.out.println("Rapporteur is ready: open " + app.origin() + "/");
    } catch (Exception e) {
      log.error("Rapporteur could not start", e);
      vertx.close();
      System.exit(1);
    }
  }

  private static void serveDatabase(AppConfig config, Logger log) {
    try {
      EmbeddedMongo database = DatabaseOnly.start(config);
      Runtime.getRuntime().addShutdownHook(new Thread(database::close, "shutdown"));
      log.info("Database is listening on {}", database.connectionString());
      System.out.println("Rapporteur database is ready: " + database.connectionString());
    } catch (Exception e) {
      log.error("The database could not start", e);
      System.exit(1);
    }
  }
}
