package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.realtime.room.Rooms;

/** Chat assembled: its service over its stores, its client commands registered with the rooms, its routes. */
public final class ChatModule {
  private final ChatService chat;

  public ChatModule(Vertx vertx, MongoClient mongo, Rooms<Actor> rooms, AuditTrail audit, ChatConfig config) {
    this(vertx, mongo, rooms, audit, config, false);
  }

  /** {@code clustered}: the message limit is shared by the cluster's nodes, through the database. */
  public ChatModule(Vertx vertx, MongoClient mongo, Rooms<Actor> rooms, AuditTrail audit, ChatConfig config,
      boolean clustered) {
    this.chat = new ChatService(vertx, new MuteStore(vertx, mongo), new ReadMarkStore(mongo), new PinStore(mongo),
        rooms, audit, config, clustered ? new RateLimitStore(mongo, config.rateBurst(), config.ratePerSecond()) : null);
    ChatCommands.register(rooms, chat);
  }

  public Future<Void> start() {
    return chat.start();
  }

  public ChatService chat() {
    return chat;
  }

  public RouteModule routes() {
    return new ChatRoutes(chat);
  }
}
