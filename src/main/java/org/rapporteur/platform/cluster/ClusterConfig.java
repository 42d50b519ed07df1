package org.rapporteur.platform.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether this process joins a cluster, and how: its own Hazelcast address ({@code host}:{@code port}),
 * the seeds it asks to join ({@code members}, "host:port"), and how long a silent member stays in
 * the cluster ({@code memberTimeoutSeconds}: its rooms move to the others only after it is gone), and
 * how long a lease on scheduled work outlives a holder that stopped renewing it ({@code leaseSeconds}).
 * TCP/IP discovery only: no multicast, no cloud auto-detection, no phone-home.
 */
public record ClusterConfig(boolean enabled, String host, int port, List<String> members, int memberTimeoutSeconds,
    int eventBusPort, int leaseSeconds) {

  public static ClusterConfig fromJson(JsonObject json) {
    List<String> members = new ArrayList<>();
    for (Object member : json.getJsonArray("members", new JsonArray())) {
      String seed = String.valueOf(member).trim();
      if (!seed.isEmpty()) {
        members.add(seed);
      }
    }
    return new ClusterConfig(json.getBoolean("enabled", false), json.getString("host", "127.0.0.1"),
        json.getInteger("port", 5701), List.copyOf(members), json.getInteger("memberTimeoutSeconds", 10),
        json.getInteger("eventBusPort", 0), json.getInteger("leaseSeconds", 15));
  }
}
