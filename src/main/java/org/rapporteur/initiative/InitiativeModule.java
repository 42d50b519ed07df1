package org.rapporteur.initiative;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import org.rapporteur.account.AccountService;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.meeting.AgendaService;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.workspace.WorkspaceService;

/**
 * The Resolution 17 feature assembled: its services over their stores, with the code lists read
 * once. Other features (report, IATI export, similarity, portal) use the services from here.
 */
public final class InitiativeModule {
  private final Vertx vertx;
  private volatile CodeLists codes;
  private final InitiativesConfig config;
  private final InitiativeService initiatives;
  private final PartnerService partners;
  private final ExchangeRateService rates;
  private final ProjectService projects;
  private final ConsultationService consultations;
  private final ForumService forum;
  private final ReportService reports;

  public InitiativeModule(Vertx vertx, MongoClient mongo, InitiativesConfig config, AuditTrail audit,
      AccountService accounts, WorkspaceService workspaces, MeetingService meetings, AgendaService agendas,
      ContributionService contributions) {
    this(vertx, mongo, config, audit, accounts, workspaces, meetings, agendas, contributions, Clock.systemUTC());
  }

  public InitiativeModule(Vertx vertx, MongoClient mongo, InitiativesConfig config, AuditTrail audit,
      AccountService accounts, WorkspaceService workspaces, MeetingService meetings, AgendaService agendas,
      ContributionService contributions, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    Delegates delegates = new Delegates(workspaces);
    this.initiatives = new InitiativeService(new InitiativeStore(mongo), audit, config);
    this.partners = new PartnerService(new PartnerStore(mongo), audit, config);
    this.rates = new ExchangeRateService(new ExchangeRateStore(mongo), audit, this::codes);
    this.projects = new ProjectService(vertx, new ProjectStore(mongo), new ProjectChecks.Factory(initiatives, partners, rates,
        contributions, meetings, workspaces, accounts), initiatives, delegates, audit, config);
    this.consultations = new ConsultationService(new ConsultationStore(mongo), initiatives, delegates, partners, audit, config, clock);
    this.forum = new ForumService(initiatives, projects, meetings, agendas, workspaces, audit);
    this.reports = new ReportService(this, meetings, agendas, workspaces,
        vertx.createSharedWorkerExecutor("rapporteur-reports", config.reports().workers()), clock);
  }

  /** Reads the code lists (on a worker: XML parsing), then makes the indexes. */
  public Future<Void> start() {
    return vertx.executeBlocking(CodeLists::load).map(loaded -> {
      codes = loaded;
      return null;
    }).compose(v -> initiatives.start()).compose(v -> partners.start()).compose(v -> projects.start())
        .compose(v -> consultations.start()).compose(v -> reports.start());
  }

  public RouteModule routes() {
    RouteModule initiativeRoutes = new InitiativeRoutes(this);
    RouteModule reportRoutes = new ReportRoutes(reports, config);
    return router -> {
      initiativeRoutes.mount(router);
      reportRoutes.mount(router);
    };
  }

  public CodeLists codes() {
    return codes;
  }

  public InitiativesConfig config() {
    return config;
  }

  public InitiativeService initiatives() {
    return initiatives;
  }

  public PartnerService partners() {
    return partners;
  }

  public ExchangeRateService rates() {
    return rates;
  }

  public ProjectService projects() {
    return projects;
  }

  public ConsultationService consultations() {
    return consultations;
  }

  public ForumService forum() {
    return forum;
  }

  public ReportService reports() {
    return reports;
  }
}
