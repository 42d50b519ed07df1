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
import org.rapporteur.account.Actor;
import org.rapporteur.account.ActorCallers;
import org.rapporteur.account.UserRoomPolicy;
import org.rapporteur.audit.AuditRoutes;
import org.rapporteur.audit.AuditService;
import org.rapporteur.chat.ChatCommands;
import org.rapporteur.chat.ChatConfig;
import org.rapporteur.chat.ChatRoutes;
import org.rapporteur.chat.ChatService;
import org.rapporteur.contribution.ContributionRoutes;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.contribution.ContributionsConfig;
import org.rapporteur.contribution.MeetingDeadlines;
import org.rapporteur.contribution.ResumableUploadRoutes;
import org.rapporteur.contribution.ResumableUploads;
import org.rapporteur.demo.DemoData;
import org.rapporteur.initiative.InitiativeModule;
import org.rapporteur.initiative.InitiativesConfig;
import org.rapporteur.index.RebuildSource;
import org.rapporteur.platform.events.ContributionChanged;
import org.rapporteur.liaison.AgendaProposals;
import org.rapporteur.liaison.DeadlineReminders;
import org.rapporteur.liaison.LiaisonConfig;
import org.rapporteur.liaison.LiaisonHooks;
import org.rapporteur.liaison.LiaisonRoutes;
import org.rapporteur.liaison.LiaisonService;
import org.rapporteur.liaison.MailConfig;
import org.rapporteur.liaison.Mailer;
import org.rapporteur.liaison.NotificationService;
import org.rapporteur.liaison.Notifier;
import org.rapporteur.meeting.AgendaContributions;
import org.rapporteur.meeting.AgendaService;
import org.rapporteur.meeting.MeetingRoomPolicy;
import org.rapporteur.meeting.MeetingRoutes;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.meeting.SpeakerQueueService;
import org.rapporteur.platform.config.AppConfig;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.platform.http.HttpPlatform;
import org.rapporteur.platform.http.PausedBody;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.http.SystemRoutes;
import org.rapporteur.platform.mongo.EmbeddedMongo;
import org.rapporteur.realtime.transport.ConnectionGuard;
import org.rapporteur.radar.RadarRoutes;
import org.rapporteur.radar.RadarService;
import org.rapporteur.realtime.room.RoomEventStore;
import org.rapporteur.realtime.room.Rooms;
import org.rapporteur.realtime.transport.PresenceStore;
import org.rapporteur.realtime.transport.RealtimeConfig;
import org.rapporteur.realtime.transport.RealtimeGateway;
import org.rapporteur.realtime.transport.RealtimeRoutes;
import org.rapporteur.search.SearchConfig;
import org.rapporteur.search.SearchRoutes;
import org.rapporteur.search.SearchService;
import org.rapporteur.workspace.GroupRoomPolicy;
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
  /** /health's own connection: a busy chat that takes every connection of the pool cannot make it report the database down. */
  private MongoClient healthMongo;
  private HttpServer server;
  private String origin;
  private Services services;
  private Rooms<Actor> roomLogs;
  private RealtimeGateway<Actor> gateway;
  private Router router;

  private App(Vertx vertx, AppConfig config, LiaisonHooks hooks) {
    this.vertx = vertx;
    this.config = config;
    this.hooks = hooks;
  }

  /** The services, for start-up tasks such as demo data and for tests. */
  public record Services(AccountService accounts, WorkspaceService workspaces, AuditService audit,
      MeetingService meetings, AgendaService agendas, SpeakerQueueService speakerQueue,
      ContributionService contributions, SearchService search,
      LiaisonService liaisons, NotificationService notifications, RadarService radar, ChatService chat,
      InitiativeModule initiatives) {}

  public static Future<App> start(Vertx vertx, AppConfig config) {
    return start(vertx, config, LiaisonHooks.real());
  }

  /** Starts with other features' hooks into liaison statements (agenda proposals, live notification pushes). */
  public static Future<App> start(Vertx vertx, AppConfig config, LiaisonHooks hooks) {
    App app = new App(vertx, config, hooks);
    // The accounts and demo data are in place before the port opens: nobody, not even a health check
    // or the first browser, meets an empty platform that fills a second later.
    return app.connectDatabase()
        .compose(v -> app.startServices())
        .compose(v -> app.seed())
        .compose(v -> app.listen())
        .onSuccess(v -> app.startReminders())
        .map(app);
  }

  private Future<Void> connectDatabase() {
    Future<String> uri = config.mongo().embedded()
        ? vertx.executeBlocking(() -> {
          embedded = EmbeddedMongo.start(config.dataDir().resolve("db"), config.mongo().embeddedFsync(),
              config.mongo().embeddedCacheMiB());
          return embedded.connectionString();
        })
        : Future.succeededFuture(config.mongo().uri());
    return uri.map(connection -> {
      mongo = MongoClient.create(vertx, new JsonObject()
          .put("connection_string", connection)
          .put("db_name", config.mongo().database()));
      healthMongo = MongoClient.create(vertx, new JsonObject()
          .put("connection_string", connection)
          .put("db_name", config.mongo().database())
          .put("maxPoolSize", 1));
      log.info("Database: {}", config.mongo().embedded() ? "embedded, in " + config.dataDir().resolve("db") : "MONGO_URI");
      return null;
    });
  }

  private Future<Void> startServices() {
    AuditService audit = new AuditService(mongo);
    AccountService accounts = new AccountService(vertx, mongo, audit,
        config.section("accounts", AccountsConfig::fromJson));
    WorkspaceService workspaces = new WorkspaceService(vertx, mongo, accounts, audit);
    roomLogs = new Rooms<>(vertx, new RoomEventStore(mongo), new ActorCallers())
        .register("group", new GroupRoomPolicy(workspaces))
        .register("user", new UserRoomPolicy());
    ChatService chat = new ChatService(vertx, mongo, roomLogs, audit, config.section("chat", ChatConfig::fromJson));
    ChatCommands.register(roomLogs, chat);
    // The origin is known once the server is bound; browsers connect only after that.
    gateway = new RealtimeGateway<>(vertx, roomLogs, config.section("chat", RealtimeConfig::fromJson),
        new PresenceStore(mongo), () -> origin);
    RoomEvents rooms = roomLogs.events();
    MeetingService meetings = new MeetingService(mongo, workspaces, accounts, audit, vertx.eventBus());
    MeetingDeadlines deadlines = id -> meetings.find(id)
        .map(found -> found.map(m -> new MeetingDeadlines.Target(m.groupId(), m.contributionDeadline())));
    ContributionService contributions = new ContributionService(vertx, mongo, workspaces, audit, deadlines,
        config.section("contributions", ContributionsConfig::fromJson), config.dataDir());
    // The indexes are rebuilt from the contributions through this source and follow their events:
    // they never call the contribution feature themselves.
    RebuildSource<ContributionChanged> contributionRecords =
        RebuildSource.keyset(contributions::changedAfter, ContributionChanged::id);
    SearchConfig searchConfig = config.section("search", SearchConfig::fromJson);
    SearchService search = new SearchService(vertx, workspaces, searchConfig, config.dataDir().resolve("search"),
        contributionRecords);
    roomLogs.register("meeting", new MeetingRoomPolicy(meetings, workspaces));
    AgendaService agendas = new AgendaService(mongo, meetings, new AgendaContributions(contributions), rooms, audit,
        vertx.createSharedWorkerExecutor("exports", 2));
    SpeakerQueueService speakerQueue = new SpeakerQueueService(mongo, meetings, accounts, rooms, audit);
    Notifier live = (userId, notification) -> rooms.publish("user:" + userId,
        new JsonObject().put("kind", "notification").put("notification", notification)).mapEmpty();
    NotificationService notifications = new NotificationService(mongo,
        hooks.notifier() != null ? hooks.notifier() : live);
    RadarService radar = new RadarService(vertx, config.dataDir().resolve("radar"), workspaces,
        searchConfig.writeQueueLength());
    AgendaProposals proposals = hooks.agendaProposals() != null ? hooks.agendaProposals()
        : (groupId, liaisonId, title, deadline) -> agendas.proposeItem(groupId, "Incoming liaison statement: " + title,
            deadline).map(found -> found.map(p -> new AgendaProposals.Proposal(p.meetingId(), p.meetingStart(),
                p.deadlineBeforeMeeting())));
    LiaisonService liaisons = new LiaisonService(mongo, workspaces, contributions, audit, notifications, proposals,
        radar);
    InitiativeModule initiatives = new InitiativeModule(vertx, mongo,
        config.section("initiatives", InitiativesConfig::fromJson), audit, accounts, workspaces, meetings, agendas,
        contributions);
    services = new Services(accounts, workspaces, audit, meetings, agendas, speakerQueue, contributions, search,
        liaisons, notifications, radar, chat, initiatives);
    return audit.start().compose(v -> accounts.start()).compose(v -> workspaces.start())
        .compose(v -> roomLogs.start()).compose(v -> gateway.start()).compose(v -> chat.start())
        .compose(v -> meetings.start()).compose(v -> agendas.start()).compose(v -> speakerQueue.start())
        .compose(v -> contributions.start()).compose(v -> search.start())
        .compose(v -> notifications.start()).compose(v -> liaisons.start()).compose(v -> initiatives.start())
        .compose(v -> radar.start(contributionRecords, liaisons::radarDocuments));
  }

  private Future<Void> listen() {
    HttpServerOptions options = ConnectionGuard.prepare(new HttpServerOptions())
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setCompressionSupported(true)
        // permessage-deflate only: the realtime gateway compresses its own frames (ChannelWriter)
        .setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(65_536)
        .setMaxWebSocketMessageSize(262_144);
    ConnectionGuard connections = new ConnectionGuard(config.http().maxConnections(),
        config.http().requestHeaderTimeoutSeconds() * 1000L, config.http().idleTimeoutSeconds() * 1000L);
    server = connections.guard(vertx.createHttpServer(options));
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
    // Upload bodies are read only after the async session and access checks, so they wait paused until then.
    PausedBody pausedBody = new PausedBody(vertx, config.http().refusedBodyDrainBytes(),
        config.http().refusedBodyDrainSeconds() * 1000L);
    router.route("/api/uploads*").handler(pausedBody);
    router.post("/api/groups/:id/contributions").handler(pausedBody);
    platform.installFront(router);
    router.route("/api/*").handler(services.accounts().sessionResolver());
    List<RouteModule> modules = List.of(
        new SystemRoutes(healthMongo, readOpenApi()),
        new AccountRoutes(services.accounts(), origin),
        new WorkspaceRoutes(services.workspaces()),
        new MeetingRoutes(services.meetings(), services.agendas(), services.speakerQueue()),
        new AuditRoutes(services.audit()),
        new ContributionRoutes(services.contributions(), config.dataDir().resolve("uploads")),
        new ResumableUploadRoutes(new ResumableUploads(vertx, mongo, services.contributions(),
            config.dataDir().resolve("uploads"))),
        new SearchRoutes(services.search()),
        new LiaisonRoutes(services.liaisons(), services.notifications()),
        new RadarRoutes(services.radar()),
        new RealtimeRoutes<>(gateway, roomLogs),
        new ChatRoutes(services.chat()),
        services.initiatives().routes());
    modules.forEach(module -> module.mount(router));
    platform.installBack(router);
  }

  private Future<Void> seed() {
    Future<Void> admin = config.admin().configured()
        ? services.accounts().ensureAdmin(config.admin().email(), config.admin().password()).mapEmpty()
        : Future.succeededFuture();
    return admin.compose(v -> config.demo() ? new DemoData(vertx, services, config.dataDir()).load() : Future.succeededFuture());
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

  /** The rooms of every feature, as the tests publish into them directly. */
  public Rooms<Actor> rooms() {
    return roomLogs;
  }

  /** The realtime transport, for its load figures. */
  public RealtimeGateway<Actor> gateway() {
    return gateway;
  }

  public MongoClient mongo() {
    return mongo;
  }

  public Future<Void> stop() {
    Future<Void> gatewayStopped = gateway == null ? Future.succeededFuture() : gateway.stop();
    Future<Void> closed = server == null ? gatewayStopped : server.close().compose(v -> gatewayStopped);
    if (services != null) {
      services.contributions().stop();
      closed = closed.compose(v -> services.search().stop());
    }
    return closed
        .compose(v -> reminders == null ? Future.succeededFuture() : reminders.stop())
        .compose(v -> services == null ? Future.succeededFuture() : services.radar().close())
        .compose(v -> mongo == null ? Future.succeededFuture() : mongo.close())
        .compose(v -> healthMongo == null ? Future.succeededFuture() : healthMongo.close())
        .compose(v -> embedded == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
          embedded.close();
          return null;
        }))
        .mapEmpty();
  }
}
