package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.rapporteur.workspace.Membership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds the rapporteurs and chairs of each addressed group, in the app and by e-mail, that a
 * statement awaits their reply: once at each configured number of days before the deadline. Each
 * reminder is claimed in the database before it goes out, so a restart (or a second server) never
 * sends it twice.
 */
public final class DeadlineReminders {
  private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

  private final Vertx vertx;
  private final LiaisonService liaisons;
  private final NotificationService notifications;
  private final Mailer mailer;
  private final LiaisonConfig config;
  private final String publicOrigin;
  private long timer = -1;
  private boolean running;

  public DeadlineReminders(Vertx vertx, LiaisonService liaisons, NotificationService notifications, Mailer mailer,
      LiaisonConfig config, String publicOrigin) {
    this.vertx = vertx;
    this.liaisons = liaisons;
    this.notifications = notifications;
    this.mailer = mailer;
    this.config = config;
    this.publicOrigin = publicOrigin;
  }

  public void start() {
    start(() -> true);
  }

  /** Sends what is due at each interval while {@code mayRun} says so (while this node holds the job's lease). */
  public void start(BooleanSupplier mayRun) {
    if (config.reminderDaysBefore().isEmpty()) {
      return;
    }
    timer = vertx.setPeriodic(config.reminderInterval().toMillis(), id -> {
      if (mayRun.getAsBoolean()) {
        tick();
      }
    });
  }

  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return mailer.close();
  }

  private void tick() {
    if (running) {
      return;
    }
    running = true;
    remindDue().onComplete(done -> {
      running = false;
      if (done.failed()) {
        log.warn("Deadline reminders failed", done.cause());
      }
    });
  }

  /** Sends every reminder that is due now and was not sent before; returns how many went out. */
  public Future<Integer> remindDue() {
    Instant now = Instant.now();
    int furthest = config.reminderDaysBefore().get(config.reminderDaysBefore().size() - 1);
    return liaisons.store().dueBetween(now, now.plus(Duration.ofDays(furthest))).compose(due -> {
      List<Future<Integer>> sent = new ArrayList<>();
      for (Liaison l : due) {
        int stage = stage(l.deadline(), now);
        for (Liaison.Delivery d : l.deliveries()) {
          if (!d.copy() && d.open()) {
            String key = l.id() + ":" + d.group().groupId() + ":" + stage;
            sent.add(liaisons.store().claimReminder(key, now)
                .compose(claimed -> claimed ? remind(l, d, stage) : Future.succeededFuture(0)));
          }
        }
      }
      return Future.all(sent).map(v -> sent.stream().mapToInt(Future::result).sum());
    });
  }

  /** The smallest configured number of days that still lies ahead of the deadline's remaining time. */
  private int stage(Instant deadline, Instant now) {
    Duration left = Duration.between(now, deadline);
    return config.reminderDaysBefore().stream().filter(d -> left.compareTo(Duration.ofDays(d)) <= 0).findFirst()
        .orElseThrow();
  }

  private Future<Integer> remind(Liaison l, Liaison.Delivery d, int days) {
    return liaisons.leaders(d.group().groupId()).compose(people -> {
      List<Future<Void>> each = people.stream().map(m -> remindOne(l, d, days, m)).toList();
      return Future.join(each).otherwiseEmpty().map(v -> people.size());
    });
  }

  private Future<Void> remindOne(Liaison l, Liaison.Delivery d, int days, Membership person) {
    String title = "Reply due by " + l.deadline() + ": " + l.number() + " " + l.title();
    String text = "The liaison statement " + l.number() + " from " + l.from().label() + " to " + d.group().code()
        + " (" + l.purpose().wire() + ") is due by " + l.deadline() + ", within " + days + (days == 1 ? " day." : " days.")
        + (publicOrigin == null ? "" : "\n\nRead and answer it at " + publicOrigin + "/#/liaisons/" + l.id());
    Future<Void> inApp = notifications.notify(person.userId(), "liaison.reminder", title, text, l.id()).mapEmpty();
    Future<Void> mail = person.email() == null || !mailer.enabled() ? Future.succeededFuture()
        : mailer.send(person.email(), "[Rapporteur] " + title, "Dear " + person.name() + ",\n\n" + text
            + "\n\n-- \nRapporteur").recover(e -> {
              log.warn("Reminder e-mail for {} to {} failed", l.number(), person.email(), e);
              return Future.succeededFuture();
            });
    return Future.all(inApp, mail).mapEmpty();
  }
}
