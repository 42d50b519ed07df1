package org.rapporteur.liaison;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.rapporteur.account.AccountService;
import org.rapporteur.platform.mail.Letter;
import org.rapporteur.platform.mail.Mailer;
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
  private final AccountService accounts;
  private final LiaisonConfig config;
  private final String publicOrigin;
  private long timer = -1;
  private boolean running;

  /** {@code accounts}: where each person's language and time zone are read, for their e-mail. */
  public DeadlineReminders(Vertx vertx, LiaisonService liaisons, NotificationService notifications, Mailer mailer,
      AccountService accounts, LiaisonConfig config, String publicOrigin) {
    this.vertx = vertx;
    this.liaisons = liaisons;
    this.notifications = notifications;
    this.mailer = mailer;
    this.accounts = accounts;
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
    // The mailer is the application's, shared with password resets; it closes it.
    return Future.succeededFuture();
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

  /**
   * Sends every reminder that is due now and was not sent before; returns how many people were
   * reminded. Each addressed group's reminder is claimed on its own, and a person who leads several
   * of the claimed groups hears once, with every one of them named.
   */
  public Future<Integer> remindDue() {
    Instant now = Instant.now();
    int furthest = config.reminderDaysBefore().get(config.reminderDaysBefore().size() - 1);
    return liaisons.store().dueBetween(now, now.plus(Duration.ofDays(furthest))).compose(due -> {
      List<Future<Integer>> sent = new ArrayList<>();
      for (Liaison l : due) {
        sent.add(remindStatement(l, stage(l.deadline(), now), now));
      }
      return Future.all(sent).map(v -> sent.stream().mapToInt(Future::result).sum());
    });
  }

  private Future<Integer> remindStatement(Liaison l, int stage, Instant now) {
    List<Liaison.Delivery> open = l.deliveries().stream().filter(d -> !d.copy() && d.open()).toList();
    List<Future<Boolean>> claims = open.stream()
        .map(d -> liaisons.store().claimReminder(l.id() + ":" + d.group().groupId() + ":" + stage, now))
        .toList();
    return Future.all(claims).compose(v -> {
      List<Liaison.Delivery> claimed = new ArrayList<>();
      for (int i = 0; i < open.size(); i++) {
        if (claims.get(i).result()) {
          claimed.add(open.get(i));
        }
      }
      return claimed.isEmpty() ? Future.succeededFuture(0) : liaisons.peopleOf(claimed).compose(people -> {
        List<Future<Void>> each = people.values().stream().map(p -> remindOne(l, stage, p)).toList();
        return Future.join(each).otherwiseEmpty().map(x -> people.size());
      });
    });
  }

  /** The smallest configured number of days that still lies ahead of the deadline's remaining time. */
  private int stage(Instant deadline, Instant now) {
    Duration left = Duration.between(now, deadline);
    return config.reminderDaysBefore().stream().filter(d -> left.compareTo(Duration.ofDays(d)) <= 0).findFirst()
        .orElseThrow();
  }

  private Future<Void> remindOne(Liaison l, int days, LiaisonService.Addressee addressee) {
    Membership person = addressee.member();
    JsonObject params = LiaisonService.noticeParams(l, addressee.groupCodes()).put("days", days);
    Future<Void> inApp = notifications.notify(person.userId(), "liaison.reminder", params, l.id()).mapEmpty();
    Future<Void> mail = person.email() == null || !mailer.enabled() ? Future.succeededFuture()
        : accounts.requireUser(person.userId())
            .compose(user -> mailer.letterFor(user.language(), user.timeZone()))
            .compose(letter -> mailer.send(person.email(), reminderSubject(letter, l),
                reminderMail(letter, l, person.name(), addressee.groupCodes())))
            .recover(e -> {
              log.warn("Reminder e-mail for {} to {} failed", l.number(), person.email(), e);
              return Future.succeededFuture();
            });
    return Future.all(inApp, mail).mapEmpty();
  }

  private static String reminderSubject(Letter letter, Liaison l) {
    return letter.format("reminder.subject", "deadline", letter.when(l.deadline()), "number", l.number(),
        "title", l.title());
  }

  private String reminderMail(Letter letter, Liaison l, String name, List<String> groupCodes) {
    String text = letter.format("reminder.body", "number", l.number(), "from", l.from().label(),
        "groups", String.join(", ", groupCodes), "purpose", letter.get("purpose." + l.purpose().wire()),
        "deadline", letter.when(l.deadline()));
    String link = publicOrigin == null ? ""
        : "\n\n" + letter.format("reminder.link", "link", publicOrigin + "/#/liaisons/" + l.id());
    return letter.format("greeting", "name", name) + "\n\n" + text + link + "\n\n" + letter.get("signature");
  }
}
