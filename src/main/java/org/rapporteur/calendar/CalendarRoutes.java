package org.rapporteur.calendar;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.security.Actors;

public final class CalendarRoutes implements RouteModule {
  private static final Pattern FEED_FILE = Pattern.compile("([A-Za-z0-9_-]{43})\\.ics");

  private final CalendarService calendars;

  CalendarRoutes(CalendarService calendars) {
    this.calendars = calendars;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/meetings/:id/calendar.ics").handler(ctx -> send(ctx, "meeting.ics",
        calendars.meeting(Actors.of(ctx), ctx.pathParam("id"))));
    // Fetched by calendar applications, which hold no session: the secret address is the key.
    router.get("/api/calendar/:file").handler(ctx -> {
      var matcher = FEED_FILE.matcher(ctx.pathParam("file"));
      send(ctx, "rapporteur.ics", matcher.matches() ? calendars.feed(matcher.group(1))
          : Future.failedFuture(new NotFoundException("No calendar feed at this address")));
    });
    router.get("/api/me/calendar-feed").respond(ctx -> calendars.feedStatus(Actors.of(ctx)));
    Responses.created(router.post("/api/me/calendar-feed"), ctx -> calendars.createFeed(Actors.of(ctx)));
    Responses.noContent(router.delete("/api/me/calendar-feed"), ctx -> calendars.revokeFeed(Actors.of(ctx)));
  }

  private static void send(RoutingContext ctx, String fileName, Future<String> ics) {
    ics.onSuccess(text -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
            .putHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"")
            .putHeader(HttpHeaders.CACHE_CONTROL, "private, no-store")
            .end(text))
        .onFailure(ctx::fail);
  }
}
