package org.rapporteur.operate;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.rapporteur.contribution.extract.ExtractorPool;
import org.rapporteur.platform.config.AppConfig;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.realtime.transport.RealtimeGateway;

/**
 * What an operator watches and steers: the metrics, readiness, request ids and the orderly stop. The
 * composition root makes one after the services and hands it what it watches.
 */
public final class Operations implements AutoCloseable {
  private final Vertx vertx;
  private final OperationsConfig config;
  private final PrometheusMeterRegistry registry;
  private final AppMetrics metrics;
  private final Readiness readiness;

  /**
   * {@code indexLags}: each index's changes not yet written; {@code indexQueueLength}: the lag at which an
   * index drops changes (readiness fails there, as search would start to miss records).
   */
  public Operations(Vertx vertx, AppConfig config, Supplier<Future<Void>> databasePing,
      RealtimeGateway<?> gateway, ExtractorPool extractor, Map<String, IntSupplier> indexLags, int indexQueueLength) {
    this.vertx = vertx;
    this.config = OperationsConfig.fromJson(config.source());
    this.registry = Observability.registryOf(vertx);
    this.metrics = new AppMetrics(registry);
    this.readiness = new Readiness(databasePing);
    metrics.countStoredMessages(vertx.eventBus());
    metrics.watch(gateway);
    metrics.watch(extractor);
    indexLags.forEach((name, lag) -> metrics.indexLag(name, lag, IntSupplier::getAsInt));
    readiness.check("extractors", extractor::accepting);
    readiness.check("indexes", () -> indexLags.values().stream().allMatch(lag -> lag.getAsInt() < indexQueueLength));
  }

  /** {@code /metrics} and {@code /health/ready}; {@code sessions} finds who signed in. */
  public RouteModule routes(Handler<RoutingContext> sessions) {
    return new OperationsRoutes(vertx, registry, config.metricsAllowFrom(), sessions, readiness);
  }

  public OperationsConfig config() {
    return config;
  }

  @Override
  public void close() {
    metrics.close();
  }
}
