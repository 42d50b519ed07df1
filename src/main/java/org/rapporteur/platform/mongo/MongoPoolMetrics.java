package org.rapporteur.platform.mongo;

import com.mongodb.MongoClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.impl.config.MongoClientOptionsParser;
import java.util.UUID;

/**
 * A MongoClient whose driver connection pool reports to the metrics ({@code mongodb_driver_pool_size},
 * {@code _checkedout}, {@code _waitqueuesize}). The Vert.x client does not measure its pool, but it takes
 * complete driver settings; these are the ones it would derive from {@code config} itself (its own parser, so
 * its codecs and event-loop transport stay), with Micrometer's pool listener added.
 */
public final class MongoPoolMetrics {
  private MongoPoolMetrics() {}

  public static MongoClient client(Vertx vertx, JsonObject config, MeterRegistry registry) {
    MongoClientSettings derived = new MongoClientOptionsParser(vertx, config).settings();
    MongoClientSettings measured = MongoClientSettings.builder(derived)
        .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(
            new MongoMetricsConnectionPoolListener(registry)))
        .build();
    // a name of its own: a shared name would hand back another client's pool
    return MongoClient.createWithMongoSettings(vertx, config, "rapporteur-" + UUID.randomUUID(), measured);
  }
}
