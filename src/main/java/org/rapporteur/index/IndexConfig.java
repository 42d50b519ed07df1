package org.rapporteur.index;

import io.vertx.core.json.JsonObject;

/**
 * The {@code index} section: how often an index reads the change feed when no hint came
 * ({@code feedPollMillis}), how many entries it reads at once ({@code feedPageSize}), how long the feed
 * keeps an entry ({@code feedRetentionDays}) and how often old ones are removed
 * ({@code feedTrimMinutes}), and how long a node waits for its turn to rebuild an index before it
 * rebuilds anyway ({@code rebuildWaitMinutes}).
 */
public record IndexConfig(long feedPollMillis, int feedPageSize, int feedRetentionDays, int feedTrimMinutes,
    int rebuildWaitMinutes) {

  public static IndexConfig fromJson(JsonObject json) {
    return new IndexConfig(json.getLong("feedPollMillis", 2000L), json.getInteger("feedPageSize", 200),
        json.getInteger("feedRetentionDays", 7), json.getInteger("feedTrimMinutes", 60),
        json.getInteger("rebuildWaitMinutes", 10));
  }
}
