package org.rapporteur.calendar;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import java.util.function.Supplier;
import org.rapporteur.account.AccountService;
import org.rapporteur.liaison.LiaisonService;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.workspace.WorkspaceService;

/** Calendars assembled: iCalendar views over the meeting and liaison services, and the feed store. */
public final class CalendarModule {
  private final CalendarService calendars;

  /** {@code origin}: the public address links in the calendar point to, known once the server is bound. */
  public CalendarModule(MongoClient mongo, MeetingService meetings, WorkspaceService workspaces,
      LiaisonService liaisons, AccountService accounts, AuditTrail audit, Supplier<String> origin,
      CalendarConfig config) {
    this.calendars = new CalendarService(new CalendarFeedStore(mongo), meetings, workspaces, liaisons, accounts, audit,
        origin, config);
  }

  public Future<Void> start() {
    return calendars.start();
  }

  public RouteModule routes() {
    return new CalendarRoutes(calendars);
  }
}
