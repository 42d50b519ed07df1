package org.rapporteur.operate;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rapporteur.contribution.extract.ExtractorPool;
import org.rapporteur.index.IndexPipeline;
import org.rapporteur.platform.config.AppConfig;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.realtime.transport.RealtimeGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator watches and steers: the metrics, readiness, request ids and the orderly stop. The
 * composition root makes one after the services and hands it what it watches.
 */
public final class Operations implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Operations.class);
  private final Vertx vertx;
  private final OperationsConfig config;
  private final PrometheusMeterRegistry registry;
  private final AppMetrics metrics;
  private final Readiness readiness;
  private final BackupStore backups;
  private final LocalControl control;

  /**
   * {@code indexes}: each index by name (its lag, feed cursor and rebuilds are metrics);
   * {@code indexQueueLength}: the lag at which readiness fails, as searches would miss that many changes.
   */
  public Operations(Vertx vertx, AppConfig config, BackupStore backups, Supplier<Future<Void>> databasePing,
      RealtimeGateway<?> gateway, ExtractorPool extractor, Map<String, IndexPipeline> indexes, int indexQueueLength) {
    this.vertx = vertx;
    this.config = OperationsConfig.fromJson(config.source());
    this.registry = Observability.registryOf(vertx);
    this.metrics = new AppMetrics(registry);
    this.readiness = new Readiness(databasePing);
    this.backups = backups;
    this.control = new LocalControl(vertx, config.dataDir(), backups);
    metrics.countStoredMessages(vertx.eventBus());
    metrics.watch(gateway);
    metrics.watch(extractor);
    indexes.forEach(metrics::index);
    readiness.check("extractors", () -> extractor.warm() && extractor.accepting());
    readiness.check("indexes", () -> indexes.values().stream().allMatch(index -> index.lag() < indexQueueLength));
  }

  /**
   * The orderly stop (SIGTERM): readiness fails at once; after {@code shutdown.unreadySeconds} the realtime
   * clients are told to reconnect and the server stops accepting, giving requests under way up to
   * {@code shutdown.graceSeconds}; then {@code stopRest} stops everything else.
   */
  public Future<Void> shutdown(Runnable restartClients, Function<Duration, Future<Void>> stopAccepting,
      Supplier<Future<Void>> stopRest) {
    readiness.drain();
    log.info("Shutting down: not ready from now, stopping in {} s, then {} s for requests under way",
        config.unreadySeconds(), config.graceSeconds());
    Promise<Void> unready = Promise.promise();
    if (config.unreadySeconds() > 0) {
      vertx.setTimer(config.unreadySeconds() * 1000L, id -> unready.complete());
    } else {
      unready.complete();
    }
    return unready.future()
        .compose(v -> {
          // Told to reconnect first, they come back after a back-off of at least 0.75 s: by then this
          // process has stopped accepting, and they reach another one (or this one once it is back).
          restartClients.run();
          return stopAccepting.apply(Duration.ofSeconds(config.graceSeconds()));
        })
        .recover(e -> {
          log.warn("Requests were still running when the grace period ended", e);
          return Future.succeededFuture();
        })
        .compose(v -> stopRest.get());
  }

  /**
   * {@code /metrics}, {@code /health/ready} and the local backup endpoint; {@code sessions} finds who
   * signed in. Records in the data folder how local commands reach the server on {@code port}.
   */
  public RouteModule routes(Handler<RoutingContext> sessions, int port) {
    RouteModule operations = new OperationsRoutes(vertx, registry, config.metricsAllowFrom(), sessions, readiness);
    control.publish(port);
    return router -> {
      operations.mount(router);
      control.mount(router);
    };
  }

  public OperationsConfig config() {
    return config;
  }

  @Override
  public void close() {
    control.withdraw();
    backups.close();
    metrics.close();
  }
}
