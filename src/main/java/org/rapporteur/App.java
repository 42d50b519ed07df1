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
import org.rapporteur.account.AccountRoutes;
import org.rapporteur.account.AccountService;
import org.rapporteur.account.AccountsConfig;
import org.rapporteur.audit.AuditRoutes;
import org.rapporteur.audit.AuditService;
import org.rapporteur.demo.DemoData;
import org.rapporteur.liaison.DeadlineReminders;
import org.rapporteur.liaison.LiaisonConfig;
import org.rapporteur.liaison.LiaisonHooks;
import org.rapporteur.liaison.LiaisonRoutes;
import org.rapporteur.liaison.LiaisonService;
import org.rapporteur.liaison.MailConfig;
import org.rapporteur.liaison.Mailer;
import org.rapporteur.liaison.NotificationService;
import org.rapporteur.platform.config.AppConfig;
import org.rapporteur.platform.http.HttpPlatform;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.http.SystemRoutes;
import org.rapporteur.platform.mongo.EmbeddedMongo;
import org.rapporteur.radar.RadarRoutes;
import org.rapporteur.radar.RadarService;
import org.rapporteur.workspace.WorkspaceRoutes;
import org.rapporteur.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds the database connection, stores, services and router, and starts listening. */
public final class App {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private final Vertx vertx;
  private final AppConfig config;
  private final LiaisonHooks hooks;
  private EmbeddedMongo embedded;
  private DeadlineReminders reminders;
  private MongoClient mongo;
  private HttpServer server;
  private String origin;
  private Services services;
  private Router router;

  private App(Vertx vertx, AppConfig config, LiaisonHooks hooks) {
    this.vertx = vertx;
    this.config = config;
    this.hooks = hooks;
  }

  /** The services, for start-up tasks such as demo data and for tests. */
  public record Services(AccountService accounts, WorkspaceService workspaces, AuditService audit,
      LiaisonService liaisons, NotificationService notifications, RadarService radar) {}

  public static Future<App> start(Vertx vertx, AppConfig config) {
    return start(vertx, config, LiaisonHooks.defaults());
  }

  /** Starts with other features' hooks into liaison statements (agenda proposals, live notification pushes). */
  public static Future<App> start(Vertx vertx, AppConfig config, LiaisonHooks hooks) {
    App app = new App(vertx, config, hooks);
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
    NotificationService notifications = new NotificationService(mongo, hooks.notifier());
    RadarService radar = new RadarService(vertx, config.dataDir().resolve("radar"), workspaces);
    LiaisonService liaisons = new LiaisonService(mongo, workspaces, audit, notifications, hooks.agendaProposals(),
        radar);
    services = new Services(accounts, workspaces, audit, liaisons, notifications, radar);
    return audit.start().compose(v -> accounts.start()).compose(v -> workspaces.start())
        .compose(v -> notifications.start()).compose(v -> liaisons.start())
        .compose(v -> radar.start(List.of(liaisons::radarDocuments)));
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
    List<RouteModule> modules = List.of(
        new SystemRoutes(mongo, readOpenApi()),
        new AccountRoutes(services.accounts(), origin),
        new WorkspaceRoutes(services.workspaces()),
        new LiaisonRoutes(services.liaisons(), services.notifications()),
        new RadarRoutes(services.radar()),
        new AuditRoutes(services.audit()));
    modules.forEach(module -> module.mount(router));
    platform.installBack(router);
  }

  private Future<Void> bootstrap() {
    Future<Void> admin = config.admin().configured()
        ? services.accounts().ensureAdmin(config.admin().email(), config.admin().password()).mapEmpty()
        : Future.succeededFuture();
    return admin.compose(v -> config.demo() ? new DemoData(services).load() : Future.succeededFuture())
        .onSuccess(v -> startReminders());
  }

  private void startReminders() {
    reminders = new DeadlineReminders(vertx, services.liaisons(), services.notifications(),
        new Mailer(vertx, config.section("mail", MailConfig::fromJson)), config.section("liaison", LiaisonConfig::fromJson),
        origin);
    reminders.start();
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

  /** The deadline reminder job, so tests can run it without waiting for its timer. */
  public DeadlineReminders reminders() {
    return reminders;
  }

  public MongoClient mongo() {
    return mongo;
  }

  public Future<Void> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed
        .compose(v -> reminders == null ? Future.succeededFuture() : reminders.stop())
        .compose(v -> services == null ? Future.succeededFuture() : services.radar().close())
        .compose(v -> mongo == null ? Future.succeededFuture() : mongo.close())
        .compose(v -> embedded == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
          embedded.close();
          return null;
        }))
        .mapEmpty();
  }
}
