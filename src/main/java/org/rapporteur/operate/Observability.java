package org.rapporteur.operate;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Vert.x with its Micrometer metrics (HTTP server by route and status, event bus, WebSockets, pools)
 * written to a Prometheus registry, and how the application finds that registry again from its Vertx.
 */
public final class Observability {
  private static final String LOCAL_MAP = "rapporteur.observability";
  private static final String REGISTRY_NAME = "registryName";

  private Observability() {}

  /**
   * A Vertx whose own metrics go to a new Prometheus registry. Labels are the bounded ones only: the
   * route template ({@code /api/groups/:id}), never the raw path; no event-bus address (one per room).
   */
  public static Vertx vertx(VertxOptions base) {
    return vertx(base, builder -> Future.succeededFuture(builder.build())).result();
  }

  /** The same, built by {@code build} from the instrumented builder (alone or as a cluster member). */
  public static Future<Vertx> vertx(VertxOptions base, Function<VertxBuilder, Future<Vertx>> build) {
    PrometheusMeterRegistry registry = newRegistry();
    String name = "rapporteur-" + UUID.randomUUID();
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName(name)
        .setJvmMetricsEnabled(false)
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.EB_SIDE,
            Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME));
    VertxBuilder builder = Vertx.builder()
        .with(base.setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry));
    return build.apply(builder)
        .onSuccess(vertx -> vertx.sharedData().getLocalMap(LOCAL_MAP).put(REGISTRY_NAME, name));
  }

  /** The registry Vert.x writes its metrics to, or a new one when this Vertx was made without metrics. */
  public static PrometheusMeterRegistry registryOf(Vertx vertx) {
    Object name = vertx.sharedData().getLocalMap(LOCAL_MAP).get(REGISTRY_NAME);
    MeterRegistry registry = name == null ? null : BackendRegistries.getNow(name.toString());
    return registry instanceof PrometheusMeterRegistry prometheus ? prometheus : newRegistry();
  }

  private static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        // Latency histograms (buckets a Prometheus server can aggregate), not client-side percentiles.
        if (id.getType() == Meter.Type.TIMER || id.getName().endsWith(".time")) {
          return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
        }
        return config;
      }
    });
    return registry;
  }
}
