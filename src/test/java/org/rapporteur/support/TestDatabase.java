package org.rapporteur.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import org.rapporteur.platform.mongo.EmbeddedMongo;

/**
 * The embedded database in a folder of its own, with a Vert.x instance and a MongoClient on it: for tests of
 * stores and services that need no HTTP server. Closing it closes all three.
 */
public final class TestDatabase implements AutoCloseable {
  private final EmbeddedMongo database;
  private final Vertx vertx;
  private final MongoClient mongo;

  private TestDatabase(EmbeddedMongo database, Vertx vertx, MongoClient mongo) {
    this.database = database;
    this.vertx = vertx;
    this.mongo = mongo;
  }

  /** A small-cached database in {@code dir}, the client on its database {@code name}. */
  public static TestDatabase start(Path dir, String name) {
    EmbeddedMongo database = EmbeddedMongo.start(dir, false, 1);
    Vertx vertx = Vertx.vertx();
    return new TestDatabase(database, vertx, MongoClient.create(vertx, new JsonObject()
        .put("connection_string", database.connectionString()).put("db_name", name)));
  }

  public Vertx vertx() {
    return vertx;
  }

  public MongoClient mongo() {
    return mongo;
  }

  public String connectionString() {
    return database.connectionString();
  }

  @Override
  public void close() {
    mongo.close().await();
    vertx.close().await();
    database.close();
  }
}
