package org.rapporteur.radar;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.contribution.ContributionStatus;
import org.rapporteur.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps contributions in the duplication radar: each change event of a contribution re-reads its
 * extracted text and indexes it under its group's sector; a withdrawn or vanished one leaves the radar.
 */
public final class ContributionRadarFeed {
  private static final Logger log = LoggerFactory.getLogger(ContributionRadarFeed.class);

  private final ContributionService contributions;
  private final WorkspaceService workspaces;
  private final RadarService radar;

  private MessageConsumer<JsonObject> consumer;
  private volatile boolean stopping;

  public ContributionRadarFeed(ContributionService contributions, WorkspaceService workspaces, RadarService radar) {
    this.contributions = contributions;
    this.workspaces = workspaces;
    this.radar = radar;
  }

  public void listen(Vertx vertx) {
    consumer = vertx.eventBus().<JsonObject>consumer(ContributionService.CHANGED, message -> {
      String id = message.body().getString("id");
      update(id).onFailure(e -> {
        // An update cut off by the server's stop is not lost: the index is rebuilt from the database at start.
        if (!stopping) {
          log.warn("Contribution {} could not be put on the radar", id, e);
        }
      });
    });
  }

  /** Takes no more changes; called before the radar and the database close. */
  public Future<Void> stop() {
    stopping = true;
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private Future<Void> update(String id) {
    return document(id).compose(doc -> doc == null
        ? radar.remove(RadarDocument.CONTRIBUTION, id)
        : radar.index(doc));
  }

  /** Every contribution with extracted text, for rebuilding the radar index. */
  public Future<List<RadarDocument>> all() {
    return contributions.allIds().compose(ids -> {
      List<RadarDocument> docs = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (String id : ids) {
        chain = chain.compose(v -> document(id)).map(doc -> {
          if (doc != null) {
            docs.add(doc);
          }
          return null;
        });
      }
      return chain.map(docs);
    });
  }

  private Future<RadarDocument> document(String id) {
    return contributions.searchable(id).compose(found -> {
      if (found == null || found.text() == null || found.text().isBlank()
          || found.contribution().status() == ContributionStatus.WITHDRAWN) {
        return Future.succeededFuture(null);
      }
      var c = found.contribution();
      return workspaces.findGroup(c.groupId()).map(group -> group.map(g -> new RadarDocument(
          RadarDocument.CONTRIBUTION, c.id(), g.sector().wire(), g.id(), g.code(), c.number(), c.title(),
          found.text(), null, c.current().extraction().language())).orElse(null));
    });
  }
}
