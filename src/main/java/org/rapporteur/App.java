package org.rapporteur;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.rapporteur.account.AccountRoutes;
import org.rapporteur.account.AccountService;
import org.rapporteur.account.AccountsConfig;
import org.rapporteur.audit.AuditRoutes;
import org.rapporteur.audit.AuditService;
import org.rapporteur.chat.ChatConfig;
import org.rapporteur.chat.ChatRoutes;
import org.rapporteur.chat.ChatService;
import org.rapporteur.chat.MeetingRoomPolicy;
import org.rapporteur.chat.RealtimeGateway;
import org.rapporteur.demo.DemoData;
import org.rapporteur.meeting.AgendaService;
import org.rapporteur.meeting.ContributionLookup;
import org.rapporteur.meeting.MeetingRoutes;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.meeting.SpeakerQueueService;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.platform.config.AppConfig;
import org.rapporteur.platform.http.HttpPlatform;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.http.SystemRoutes;
import org.rapporteur.platform.mongo.EmbeddedMongo;
import org.rapporteur.workspace.WorkspaceRoutes;
import org.rapporteur.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds the database connection, stores, services and router, and starts listening. */
public final class App {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private final Vertx vertx;
  private final AppConfig config;
  private EmbeddedMongo embedded;
  private MongoClient mongo;
  private HttpServer server;
  private String origin;
  private Services services;
  private RealtimeGateway gateway;
  private Router router;

  private App(Vertx vertx, AppConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** The services, for start-up tasks such as demo data and for tests. */
  public record Services(AccountService accounts, WorkspaceService workspaces, AuditService audit,
      MeetingService meetings, AgendaService agendas, SpeakerQueueService speakerQueue, ChatService chat) {}

  public static Future<App> start(Vertx vertx, AppConfig config) {
    App app = new App(vertx, config);
    return app.connectDatabase()
        .compose(v -> app.startServices())
        .compose(v -> app.listen())
        .compose(v -> app.bootstrap())
        .map(app);
  }

  private Future<Void> connectDatabase() {
    Future<String> uri = config.mongo().embedded()
        ? vertx.executeBlocking(() -> {
          embedded = EmbeddedMongo.start(config.dataDir().resolve("db"), config.mongo().embeddedFsync());
          return embedded.connectionString();
        })
        : Future.succeededFuture(config.mongo().uri());
    return uri.map(connection -> {
      mongo = MongoClient.create(vertx, new JsonObject()
          .put("connection_string", connection)
          .put("db_name", config.mongo().database()));
      log.info("Database: {}", config.mongo().embedded() ? "embedded, in " + config.dataDir().resolve("db") : "MONGO_URI");
      return null;
    });
  }

  private Future<Void> startServices() {
    AuditService audit = new AuditService(mongo);
    AccountService accounts = new AccountService(vertx, mongo, audit,
        config.section("accounts", AccountsConfig::fromJson));
    WorkspaceService workspaces = new WorkspaceService(mongo, accounts, audit);
    ChatService chat = new ChatService(vertx, mongo, workspaces, audit, config.section("chat", ChatConfig::fromJson));
    RoomEvents rooms = chat.roomEvents();
    MeetingService meetings = new MeetingService(mongo, workspaces, accounts, audit);
    chat.policies().register("meeting", new MeetingRoomPolicy(meetings, workspaces));
    ContributionLookup noContributionsYet = id -> Future.succeededFuture(Optional.empty());
    AgendaService agendas = new AgendaService(mongo, meetings, noContributionsYet, rooms, audit,
        vertx.createSharedWorkerExecutor("exports", 2));
    SpeakerQueueService speakerQueue = new SpeakerQueueService(mongo, meetings, accounts, rooms, audit);
    services = new Services(accounts, workspaces, audit, meetings, agendas, speakerQueue, chat);
    return audit.start().compose(v -> accounts.start()).compose(v -> workspaces.start()).compose(v -> chat.start())
        .compose(v -> meetings.start()).compose(v -> agendas.start()).compose(v -> speakerQueue.start());
  }

  private Future<Void> listen() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setCompressionSupported(true)
        .setMaxWebSocketFrameSize(65_536)
        .setMaxWebSocketMessageSize(262_144);
    server = vertx.createHttpServer(options);
    // The origin may name the port, which is only known after binding, so the router is built lazily.
    router = Router.router(vertx);
    return server.requestHandler(router).listen().map(bound -> {
      origin = config.http().originFor(bound.actualPort());
      buildRouter(router);
      return null;
    });
  }

  private void buildRouter(Router router) {
    HttpPlatform platform = new HttpPlatform(config.http(), origin);
    platform.installFront(router);
    router.route("/api/*").handler(services.accounts().sessionResolver());
    gateway = new RealtimeGateway(vertx, services.chat(), origin);
    List<RouteModule> modules = List.of(
        new SystemRoutes(mongo, readOpenApi()),
        new AccountRoutes(services.accounts(), origin),
        new WorkspaceRoutes(services.workspaces()),
        new MeetingRoutes(services.meetings(), services.agendas(), services.speakerQueue()),
        new AuditRoutes(services.audit()),
        new ChatRoutes(services.chat(), gateway));
    modules.forEach(module -> module.mount(router));
    platform.installBack(router);
  }

  private Future<Void> bootstrap() {
    Future<Void> admin = config.admin().configured()
        ? services.accounts().ensureAdmin(config.admin().email(), config.admin().password()).mapEmpty()
        : Future.succeededFuture();
    return admin.compose(v -> config.demo() ? new DemoData(services).load() : Future.succeededFuture());
  }

  private static String readOpenApi() {
    try (InputStream in = App.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.actualPort();
  }

  public String origin() {
    return origin;
  }

  public Services services() {
    return services;
  }

  /** The assembled routes, so tests can check that the OpenAPI document lists every one. */
  public Router router() {
    return router;
  }

  public MongoClient mongo() {
    return mongo;
  }

  public Future<Void> stop() {
    if (gateway != null) {
      gateway.stop();
    }
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed
        .compose(v -> mongo == null ? Future.succeededFuture() : mongo.close())
        .compose(v -> embedded == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
          embedded.close();
          return null;
        }))
        .mapEmpty();
  }
}
