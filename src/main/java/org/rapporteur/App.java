package org.rapporteur;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.rapporteur.account.AccountModule;
import org.rapporteur.account.AccountService;
import org.rapporteur.account.AccountsConfig;
import org.rapporteur.account.ActorCallers;
import org.rapporteur.audit.AuditModule;
import org.rapporteur.audit.AuditService;
import org.rapporteur.calendar.CalendarConfig;
import org.rapporteur.calendar.CalendarModule;
import org.rapporteur.chat.ChatConfig;
import org.rapporteur.chat.ChatModule;
import org.rapporteur.chat.ChatService;
import org.rapporteur.contribution.ContributionModule;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.contribution.ContributionsConfig;
import org.rapporteur.demo.DemoData;
import org.rapporteur.index.FeedRetention;
import org.rapporteur.index.IndexConfig;
import org.rapporteur.index.IndexPipeline;
import org.rapporteur.index.RebuildSource;
import org.rapporteur.initiative.InitiativeModule;
import org.rapporteur.initiative.InitiativesConfig;
import org.rapporteur.initiative.ProjectChanged;
import org.rapporteur.initiative.SimilarProjects;
import org.rapporteur.initiative.SimilarityConfig;
import org.rapporteur.initiative.SimilarityRoutes;
import org.rapporteur.joining.JoiningModule;
import org.rapporteur.liaison.AgendaProposals;
import org.rapporteur.liaison.DeadlineReminders;
import org.rapporteur.liaison.LiaisonConfig;
import org.rapporteur.liaison.LiaisonModule;
import org.rapporteur.liaison.LiaisonService;
import org.rapporteur.platform.mail.MailConfig;
import org.rapporteur.platform.mail.Mailer;
import org.rapporteur.liaison.NotificationService;
import org.rapporteur.liaison.Notifier;
import org.rapporteur.liaison.UserRoomNotifier;
import org.rapporteur.meeting.AgendaModule;
import org.rapporteur.meeting.AgendaService;
import org.rapporteur.meeting.MeetingModule;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.meeting.SpeakerQueueService;
import org.rapporteur.operate.BackupStore;
import org.rapporteur.operate.Observability;
import org.rapporteur.operate.Operations;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.cluster.ClusterConfig;
import org.rapporteur.platform.cluster.ClusterMembers;
import org.rapporteur.platform.cluster.LeasedWork;
import org.rapporteur.platform.cluster.OneAtATime;
import org.rapporteur.platform.cluster.LeaseStore;
import org.rapporteur.platform.cluster.StartupSeed;
import org.rapporteur.platform.config.AppConfig;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.platform.events.ChangeFeed;
import org.rapporteur.platform.events.ChangeFeedStore;
import org.rapporteur.platform.events.ContributionChanged;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.platform.http.Assets;
import org.rapporteur.platform.http.HttpPlatform;
import org.rapporteur.platform.http.PausedBody;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.http.SystemRoutes;
import org.rapporteur.platform.mongo.EmbeddedMongo;
import org.rapporteur.platform.mongo.MongoPoolMetrics;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.radar.RadarRoutes;
import org.rapporteur.radar.RadarService;
import org.rapporteur.realtime.room.RoomEventStore;
import org.rapporteur.realtime.room.Rooms;
import org.rapporteur.realtime.transport.ConnectionGuard;
import org.rapporteur.realtime.transport.PresenceStore;
import org.rapporteur.realtime.transport.RealtimeConfig;
import org.rapporteur.realtime.transport.RealtimeGateway;
import org.rapporteur.realtime.transport.RealtimeRoutes;
import org.rapporteur.search.SearchConfig;
import org.rapporteur.search.SearchRoutes;
import org.rapporteur.search.SearchService;
import org.rapporteur.workspace.WorkspaceModule;
import org.rapporteur.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds the database connection, stores, services and router, and starts listening. */
public final class App {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private final Vertx vertx;
  private final AppConfig config;
  private final Collaborators collaborators;
  private final List<WorkerExecutor> pools = new ArrayList<>();
  private EmbeddedMongo embedded;
  private DeadlineReminders reminders;
  private Mailer mailer;
  private MongoClient mongo;
  /** /health's own connection: a busy chat that takes every connection of the pool cannot make it report the database down. */
  private MongoClient healthMongo;
  private HttpServer server;
  private String origin;
  private Services services;
  private Rooms<Actor> roomLogs;
  private RealtimeGateway<Actor> gateway;
  private Router router;
  private Function<String, List<RouteModule>> routes;
  private Runnable stopContributions;
  private DemoData demoData;
  private Operations operations;
  private LeaseStore leases;
  private LeasedWork reminderLease;
  private ChangeFeed changeFeed;
  private FeedRetention feedRetention;
  private Assets assets;

  private App(Vertx vertx, AppConfig config, Collaborators collaborators) {
    this.vertx = vertx;
    this.config = config;
    this.collaborators = collaborators;
  }

  /**
   * How one feature reaches another where a test watches the crossing: the real ones by default;
   * a test passes its own through {@link #start(Vertx, AppConfig, Collaborators)}.
   */
  public interface Collaborators {
    Collaborators REAL = new Collaborators() {};

    /** How an incoming liaison statement proposes an item for the group's next meeting. */
    default AgendaProposals agendaProposals(AgendaModule agendas) {
      return agendas.proposals();
    }

    /** How a stored notification reaches a person while they are online. */
    default Notifier notifier(RoomEvents rooms) {
      return new UserRoomNotifier(rooms);
    }
  }

  /** The services, for tests: production code receives what it needs through its constructor. */
  public record Services(AccountService accounts, WorkspaceService workspaces, AuditService audit,
      MeetingService meetings, AgendaService agendas, SpeakerQueueService speakerQueue,
      ContributionService contributions, SearchService search,
      LiaisonService liaisons, NotificationService notifications, RadarService radar, ChatService chat,
      InitiativeModule initiatives, SimilarProjects similarProjects) {}

  public static Future<App> start(Vertx vertx, AppConfig config) {
    return start(vertx, config, Collaborators.REAL);
  }

  /** Starts with some crossings between features replaced, for tests that watch them. */
  public static Future<App> start(Vertx vertx, AppConfig config, Collaborators collaborators) {
    App app = new App(vertx, config, collaborators);
    // The accounts and demo data are in place before the port opens: nobody, not even a health check
    // or the first browser, meets an empty platform that fills a second later.
    return app.connectDatabase()
        .compose(v -> app.startServices())
        .compose(v -> app.seed())
        .compose(v -> Assets.load(vertx, "webroot").onSuccess(assets -> app.assets = assets))
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
      mongo = MongoPoolMetrics.client(vertx, new JsonObject()
          .put("connection_string", connection)
          .put("db_name", config.mongo().database()), Observability.registryOf(vertx));
      healthMongo = MongoClient.create(vertx, new JsonObject()
          .put("connection_string", connection)
          .put("db_name", config.mongo().database())
          .put("maxPoolSize", 1));
      leases = new LeaseStore(mongo, "node-" + UUID.randomUUID());
      // Before any feature can publish: the index events published in this process go into the feed.
      changeFeed = new ChangeFeed(vertx, new ChangeFeedStore(mongo)).record(Addresses.CONTRIBUTION_CHANGED, Addresses.PROJECT_CHANGED);
      log.info("Database: {}", config.mongo().embedded() ? "embedded, in " + config.dataDir().resolve("db") : "MONGO_URI");
      return null;
    });
  }

  private Future<Void> startServices() {
    AuditModule audit = new AuditModule(mongo);
    AuditTrail trail = audit.trail();
    AccountsConfig accountsConfig = config.section("accounts", AccountsConfig::fromJson);
    mailer = new Mailer(vertx, config.section("mail", MailConfig::fromJson));
    AccountModule account = new AccountModule(mongo, pool("password-hashing", accountsConfig.hashingWorkers()), trail,
        accountsConfig, mailer, () -> origin);
    AccountService accounts = account.accounts();
    WorkspaceModule workspace = new WorkspaceModule(vertx, mongo, accounts, trail);
    WorkspaceService workspaces = workspace.workspaces();
    roomLogs = new Rooms<>(vertx, new RoomEventStore(mongo), new ActorCallers())
        .register("group", workspace.roomPolicy())
        .register("user", account.roomPolicy());
    ChatModule chat = new ChatModule(vertx, mongo, roomLogs, trail, config.section("chat", ChatConfig::fromJson),
        vertx.isClustered());
    // The origin is known once the server is bound; browsers connect only after that.
    gateway = new RealtimeGateway<>(vertx, roomLogs, config.section("chat", RealtimeConfig::fromJson),
        new PresenceStore(mongo), () -> origin);
    RoomEvents rooms = roomLogs.events();
    MeetingModule meeting = new MeetingModule(mongo, vertx.eventBus(), workspaces, accounts, trail, rooms);
    roomLogs.register("meeting", meeting.roomPolicy());
    ContributionModule contribution = new ContributionModule(vertx, mongo, pool("rapporteur-contribution-io", 2),
        workspaces, trail, meeting.deadlines(), config.section("contributions", ContributionsConfig::fromJson),
        config.dataDir(), leases, Duration.ofSeconds(config.section("cluster", ClusterConfig::fromJson).leaseSeconds()));
    ContributionService contributions = contribution.contributions();
    // The indexes are rebuilt from the contributions through this source and follow their events:
    // they never call the contribution feature themselves.
    RebuildSource<ContributionChanged> contributionRecords =
        RebuildSource.keyset(contributions::changedAfter, ContributionChanged::id);
    SearchConfig searchConfig = config.section("search", SearchConfig::fromJson);
    IndexPipeline searchIndex = SearchService.index(vertx, config.dataDir().resolve("search"), searchConfig,
        contributionRecords).follow(following());
    SearchService search = new SearchService(searchIndex, workspaces, searchConfig);
    AgendaModule agenda = new AgendaModule(mongo, meeting, contributions, rooms, trail, pool("exports", 2));
    IndexPipeline radarIndex = RadarService.index(vertx, config.dataDir().resolve("radar"),
        searchConfig.writeQueueLength(), contributionRecords).follow(following());
    RadarService radar = new RadarService(radarIndex, workspaces);
    LiaisonModule liaison = new LiaisonModule(mongo, workspaces, contributions, trail, radar,
        collaborators.agendaProposals(agenda), collaborators.notifier(rooms));
    radarIndex.add(RadarService.liaisonFeed(liaison.liaisons()::radarDocuments));
    JoiningModule joining = new JoiningModule(mongo, workspaces, accounts, liaison.notifications(), trail);
    CalendarModule calendar = new CalendarModule(mongo, meeting.meetings(), workspaces, liaison.liaisons(), accounts,
        trail, () -> origin, config.section("calendar", CalendarConfig::fromJson));
    InitiativeModule initiatives = new InitiativeModule(vertx, mongo,
        config.section("initiatives", InitiativesConfig::fromJson), trail, accounts, workspaces, meeting.meetings(),
        agenda.agendas(), contributions);
    // Rebuilt from the project records through this source, it follows their change events after.
    RebuildSource<ProjectChanged> projectRecords =
        RebuildSource.keyset(initiatives.projects()::page, ProjectChanged::id);
    IndexPipeline projectIndex = SimilarProjects.index(vertx, config.dataDir().resolve("projects"),
        similarityConfig(), projectRecords).follow(following());
    SimilarProjects similarProjects = new SimilarProjects(projectIndex, similarityConfig());
    services = new Services(accounts, workspaces, audit.audit(), meeting.meetings(), agenda.agendas(),
        meeting.speakerQueue(), contributions, search, liaison.liaisons(), liaison.notifications(), radar, chat.chat(),
        initiatives, similarProjects);
    stopContributions = contribution::stop;
    operations = new Operations(vertx, config, new BackupStore(vertx, mongo), this::pingDatabase, gateway, contributions.extractor(), Map.of(
        "search", searchIndex, "radar", radarIndex, "projects", projectIndex), searchConfig.writeQueueLength());
    contributions.extractor().start();
    demoData = new DemoData(vertx, accounts, workspaces, meeting.meetings(), agenda.agendas(), contributions,
        liaison.liaisons(), initiatives, config.dataDir());
    routes = origin -> List.of(
        account.routes(origin),
        workspace.routes(),
        agenda.routes(),
        agenda.registerRoutes(config.section("register", org.rapporteur.meeting.RegisterConfig::fromJson)),
        audit.routes(),
        contribution.routes(),
        new SearchRoutes(search),
        liaison.routes(),
        joining.routes(),
        calendar.routes(),
        new RadarRoutes(radar),
        new RealtimeRoutes<>(gateway, roomLogs),
        chat.routes(),
        initiatives.routes(),
        new SimilarityRoutes(initiatives, similarProjects, similarityConfig()));
    return audit.start().compose(v -> account.start()).compose(v -> workspace.start())
        .compose(v -> roomLogs.start()).compose(v -> gateway.start()).compose(v -> chat.start())
        .compose(v -> meeting.start()).compose(v -> agenda.start())
        .compose(v -> contribution.start()).compose(v -> search.start())
        .compose(v -> liaison.start()).compose(v -> joining.start()).compose(v -> calendar.start())
        .compose(v -> initiatives.start())
        .compose(v -> radar.start())
        .compose(v -> similarProjects.start());
  }

  /** How every index follows the change feed; their rebuilds take turns across the nodes, one lease per index. */
  private IndexPipeline.Following following() {
    IndexConfig index = config.section("index", IndexConfig::fromJson);
    Duration lease = Duration.ofSeconds(config.section("cluster", ClusterConfig::fromJson).leaseSeconds());
    return new IndexPipeline.Following(changeFeed, new OneAtATime(vertx, leases, lease,
        Duration.ofMinutes(index.rebuildWaitMinutes())), index.feedPollMillis(), index.feedPageSize());
  }

  /** A bounded, named worker pool for one kind of blocking work; closed when the application stops. */
  private WorkerExecutor pool(String name, int size) {
    WorkerExecutor pool = vertx.createSharedWorkerExecutor(name, size);
    pools.add(pool);
    return pool;
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
    HttpPlatform platform = new HttpPlatform(config.http(), origin, assets);
    // Upload bodies are read only after the async session and access checks, so they wait paused until then.
    PausedBody pausedBody = new PausedBody(vertx, config.http().refusedBodyDrainBytes(),
        config.http().refusedBodyDrainSeconds() * 1000L);
    router.route("/api/uploads*").handler(pausedBody);
    router.post("/api/groups/:id/contributions").handler(pausedBody);
    platform.installFront(router);
    router.route("/api/*").handler(services.accounts().sessionResolver());
    List<RouteModule> modules = new ArrayList<>();
    modules.add(new SystemRoutes(this::pingDatabase, readOpenApi(),
        () -> new JsonObject().put("cluster", new JsonObject().put("members", ClusterMembers.count(vertx)))));
    modules.add(operations.routes(services.accounts().sessionResolver(), server.actualPort()));
    modules.addAll(routes.apply(origin));
    modules.forEach(module -> module.mount(router));
    platform.installBack(router);
  }

  private Future<Void> pingDatabase() {
    return healthMongo.runCommand("ping", new JsonObject().put("ping", 1)).mapEmpty();
  }

  private SimilarityConfig similarityConfig() {
    return config.section("similarity", SimilarityConfig::fromJson);
  }

  /**
   * Nodes of a cluster may start at the same moment: the seeding runs under a lease, one node after
   * the other, and each finds what the one before it made (seeding twice changes nothing).
   */
  private Future<Void> seed() {
    return StartupSeed.underLease(vertx, leases, this::seedOnce);
  }

  private Future<Void> seedOnce() {
    Future<Void> admin = config.admin().configured()
        ? services.accounts().ensureAdmin(config.admin().email(), config.admin().password()).mapEmpty()
        : Future.succeededFuture();
    return admin.compose(v -> config.demo() ? demoData.load() : Future.succeededFuture());
  }

  private void startReminders() {
    reminders = new DeadlineReminders(vertx, services.liaisons(), services.notifications(), mailer,
        services.accounts(), config.section("liaison", LiaisonConfig::fromJson), origin);
    // One node of a cluster sends the reminders; another takes over within a lease length when it dies.
    reminderLease = new LeasedWork(vertx, leases, "liaison-reminders",
        Duration.ofSeconds(config.section("cluster", ClusterConfig::fromJson).leaseSeconds()));
    reminderLease.start();
    reminders.start(reminderLease::held);
    feedRetention = new FeedRetention(vertx, changeFeed, new LeasedWork(vertx, leases, "change-feed-retention",
        Duration.ofSeconds(config.section("cluster", ClusterConfig::fromJson).leaseSeconds())),
        config.section("index", IndexConfig::fromJson));
    feedRetention.start();
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

  /** The demo data loader over this application's services, so tests can load it again. */
  public DemoData demoData() {
    return demoData;
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

  /** Metrics, readiness and the orderly stop. */
  public Operations operations() {
    return operations;
  }

  public MongoClient mongo() {
    return mongo;
  }

  /** SIGTERM: readiness fails, clients are told to reconnect, requests under way finish, then {@link #stop()}. */
  public Future<Void> shutdown() {
    return operations == null || server == null ? stop()
        : operations.shutdown(gateway::restartClients, server::shutdown, this::stop);
  }

  public Future<Void> stop() {
    Future<Void> gatewayStopped = gateway == null ? Future.succeededFuture() : gateway.stop();
    Future<Void> closed = server == null ? gatewayStopped : server.close().compose(v -> gatewayStopped);
    if (services != null) {
      stopContributions.run();
      closed = closed.compose(v -> services.search().stop());
    }
    return closed
        .compose(v -> reminders == null ? Future.succeededFuture() : reminders.stop())
        .compose(v -> mailer == null ? Future.succeededFuture() : mailer.close())
        .compose(v -> reminderLease == null ? Future.succeededFuture() : reminderLease.stop())
        .compose(v -> feedRetention == null ? Future.succeededFuture() : feedRetention.stop())
        .compose(v -> services == null ? Future.succeededFuture() : services.radar().close())
        .compose(v -> services == null ? Future.succeededFuture() : services.similarProjects().stop())
        .compose(v -> changeFeed == null ? Future.succeededFuture() : changeFeed.close())
        .andThen(v -> {
          if (operations != null) {
            operations.close();
          }
        })
        .compose(v -> Future.all(pools.stream().map(WorkerExecutor::close).toList()))
        .compose(v -> mongo == null ? Future.succeededFuture() : mongo.close())
        .compose(v -> healthMongo == null ? Future.succeededFuture() : healthMongo.close())
        .compose(v -> embedded == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
          embedded.close();
          return null;
        }))
        .mapEmpty();
  }
}
