package org.rapporteur.account;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.mongo.MongoClient;
import java.util.function.Supplier;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.mail.Mailer;

/** The account feature assembled: its services over their stores, and its routes. */
public final class AccountModule {
  private final AccountService accounts;
  private final PasswordService passwords;

  /**
   * {@code hashing}: the bounded worker pool that hashes passwords off the event loop; {@code origin}:
   * the public address reset links point to, known once the server is bound.
   */
  public AccountModule(MongoClient mongo, WorkerExecutor hashing, AuditTrail audit, AccountsConfig config,
      Mailer mailer, Supplier<String> origin) {
    AccountStore users = new AccountStore(mongo);
    SessionStore sessions = new SessionStore(mongo);
    SignInAttemptStore signInAttempts = new SignInAttemptStore(mongo);
    PasswordHasher hasher = new PasswordHasher(hashing, config.pbkdf2Iterations());
    this.accounts = new AccountService(users, sessions, signInAttempts, hasher, audit, config);
    this.passwords = new PasswordService(users, sessions, new PasswordResetStore(mongo),
        new SignInAttemptStore(mongo, SignInAttemptStore.RESET_REQUESTS), signInAttempts, hasher, audit, mailer,
        origin, config);
  }

  public Future<Void> start() {
    return accounts.start().compose(v -> passwords.start());
  }

  public AccountService accounts() {
    return accounts;
  }

  /** The origin is known only once the server is bound. */
  public RouteModule routes(String origin) {
    return new AccountRoutes(accounts, passwords, origin);
  }

  public UserRoomPolicy roomPolicy() {
    return new UserRoomPolicy();
  }
}
