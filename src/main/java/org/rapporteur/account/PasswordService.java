package org.rapporteur.account;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.TooManyRequestsException;
import org.rapporteur.platform.mail.Letter;
import org.rapporteur.platform.mail.Mailer;
import org.rapporteur.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forgotten passwords reset through a link sent by e-mail, and passwords changed by their owner. */
public final class PasswordService {
  private static final Logger log = LoggerFactory.getLogger(PasswordService.class);

  private final AccountStore users;
  private final SessionStore sessions;
  private final PasswordResetStore resets;
  private final SignInAttemptStore resetRequests;
  private final SignInAttemptStore signInAttempts;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final Mailer mailer;
  private final Supplier<String> origin;
  private final AccountsConfig config;

  PasswordService(AccountStore users, SessionStore sessions, PasswordResetStore resets,
      SignInAttemptStore resetRequests, SignInAttemptStore signInAttempts, PasswordHasher hasher, AuditTrail audit,
      Mailer mailer, Supplier<String> origin, AccountsConfig config) {
    this.users = users;
    this.sessions = sessions;
    this.resets = resets;
    this.resetRequests = resetRequests;
    this.signInAttempts = signInAttempts;
    this.hasher = hasher;
    this.audit = audit;
    this.mailer = mailer;
    this.origin = origin;
    this.config = config;
  }

  Future<Void> start() {
    return resets.createIndexes().compose(v -> resets.deleteExpired(Instant.now()));
  }

  /**
   * Asks for a reset link. The answer is the same, and comes as fast, whether or not the address has
   * an account: it is given once the request is counted, and the account is looked up and the mail
   * sent afterwards. Requests are counted per address, known or not, so the limit tells nothing either.
   */
  public Future<Void> requestReset(String email) {
    Instant now = Instant.now();
    return resetRequests.countAttempt(email, now, config.passwordResetWindow()).map(window -> {
      if (window.count() > config.passwordResetMaxRequests()) {
        throw new TooManyRequestsException("Too many reset requests for this address; try again later",
            Duration.between(now, window.endsAt()));
      }
      sendResetLink(email, now).onFailure(e -> log.warn("Password reset mail could not be sent", e));
      return null;
    });
  }

  private Future<Void> sendResetLink(String email, Instant now) {
    Instant expires = now.plus(config.passwordResetLifetime());
    return users.findByEmail(email).compose(found -> found.isEmpty() ? Future.succeededFuture()
        : resets.create(found.get().id(), now, expires)
            .compose(token -> mailer.letterFor(found.get().language(), found.get().timeZone())
                .compose(letter -> mailer.send(email, letter.get("reset.subject"),
                    resetMail(letter, found.get(), token, expires)))));
  }

  private String resetMail(Letter letter, User user, String token, Instant expires) {
    return letter.format("greeting", "name", user.name()) + "\n\n"
        + letter.format("reset.body", "expires", letter.when(expires),
            "link", origin.get() + "/#/reset-password?token=" + token) + "\n\n"
        + letter.get("signature");
  }

  /**
   * Sets a new password with a reset token, spends the token (and the person's other ones) and ends
   * every session of the person. The password is checked, and hashed, before the token is spent.
   */
  public Future<Void> confirmReset(PasswordReset reset) {
    Instant now = Instant.now();
    return resets.findLive(reset.token(), now).compose(userId -> {
      if (userId == null) {
        return Future.failedFuture(unusable());
      }
      return hasher.hash(reset.password())
          .compose(hash -> resets.spend(reset.token(), Instant.now())
              .compose(spentBy -> spentBy == null ? Future.failedFuture(unusable())
                  : users.setPassword(spentBy, hash)
                      .compose(v -> resets.spendAllOf(spentBy, Instant.now()))
                      .compose(v -> sessions.deleteAllOf(spentBy, null))
                      .compose(v -> users.findById(spentBy))
                      .compose(user -> audit.record(user.map(User::toActor).orElse(Actor.ANONYMOUS),
                          "account.password-reset", "user", spentBy, null))));
    });
  }

  private static InvalidInputException unusable() {
    return InvalidInputException.of("token", "is unknown, expired or already used; ask for a new link");
  }

  /**
   * Changes the signed-in person's password. The current password is checked under the same
   * throttle as signing in, so this is no way around it; the person's other sessions end.
   */
  public Future<Void> change(Actor actor, PasswordChange change, String currentSessionToken) {
    actor.requireSignedIn();
    Instant now = Instant.now();
    return signInAttempts.countAttempt(actor.email(), now, config.signInWindow()).compose(window -> {
      if (window.count() > config.signInMaxFailures()) {
        return Future.failedFuture(new TooManyRequestsException(
            "Too many wrong passwords for this account; try again later", Duration.between(now, window.endsAt())));
      }
      return users.findPasswordHash(actor.userId())
          .compose(stored -> hasher.verify(change.currentPassword(), stored))
          .compose(ok -> ok ? signInAttempts.refund(actor.email()).compose(v -> hasher.hash(change.newPassword()))
              : Future.failedFuture(InvalidInputException.of("currentPassword", "is not your current password")))
          .compose(hash -> users.setPassword(actor.userId(), hash))
          .compose(v -> sessions.deleteAllOf(actor.userId(), currentSessionToken))
          .compose(v -> audit.record(actor, "account.password-change", "user", actor.userId(), null));
    });
  }
}
