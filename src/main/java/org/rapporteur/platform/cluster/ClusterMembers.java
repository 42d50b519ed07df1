package org.rapporteur.platform.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;

/** How many processes the cluster has now, as this one sees it: 1 when it runs alone. */
public final class ClusterMembers {
  private ClusterMembers() {}

  public static int count(Vertx vertx) {
    if (!vertx.isClustered() || !(vertx instanceof VertxInternal internal)) {
      return 1;
    }
    ClusterManager manager = internal.clusterManager();
    return manager == null ? 1 : manager.getNodes().size();
  }
}
