package org.rapporteur.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Builds this process's Vert.x: alone, or as a member of a Hazelcast cluster whose event bus reaches
 * every node. Hazelcast is told everything here, so no {@code cluster.xml} on a class path can change
 * how it discovers members.
 */
public final class ClusterVertx {
  private ClusterVertx() {}

  public static Future<Vertx> create(ClusterConfig cluster, VertxOptions options) {
    return create(cluster, options, Vertx.builder().with(options));
  }

  /** Builds from {@code builder}, made with {@code options} (which this completes for the event bus). */
  public static Future<Vertx> create(ClusterConfig cluster, VertxOptions options, VertxBuilder builder) {
    if (!cluster.enabled()) {
      return Future.succeededFuture(builder.build());
    }
    options.getEventBusOptions().setHost(cluster.host()).setPort(cluster.eventBusPort());
    return builder.withClusterManager(new HazelcastClusterManager(hazelcast(cluster))).buildClustered();
  }

  static Config hazelcast(ClusterConfig cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("rapporteur");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Vert.x leaves the cluster in its own close; Hazelcast's hook would leave first and strand it.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.discovery.enabled", "false");
    // A killed member must leave the cluster in seconds, not Hazelcast's default minute: until it
    // does, the event bus still counts it, and /health reports it.
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(cluster.memberTimeoutSeconds()));
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    config.getNetworkConfig().setPort(cluster.port()).setPortAutoIncrement(false)
        .setPublicAddress(cluster.host() + ":" + cluster.port());
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(cluster.host());
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
    cluster.members().forEach(member -> join.getTcpIpConfig().addMember(member));
    if (cluster.members().isEmpty()) {
      join.getTcpIpConfig().addMember(cluster.host() + ":" + cluster.port());
    }
    return config;
  }
}
