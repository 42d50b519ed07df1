package org.rapporteur.account;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.mongo.MongoClient;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.http.RouteModule;

/** The account feature assembled: its service over its stores, and its routes. */
public final class AccountModule {
  private final AccountService accounts;

  /** {@code hashing}: the bounded worker pool that hashes passwords off the event loop. */
  public AccountModule(MongoClient mongo, WorkerExecutor hashing, AuditTrail audit, AccountsConfig config) {
    this.accounts = new AccountService(new AccountStore(mongo), new SessionStore(mongo), new SignInAttemptStore(mongo),
        new PasswordHasher(hashing, config.pbkdf2Iterations()), audit, config);
  }

  public Future<Void> start() {
    return accounts.start();
  }

  public AccountService accounts() {
    return accounts;
  }

  /** The origin is known only once the server is bound. */
  public RouteModule routes(String origin) {
    return new AccountRoutes(accounts, origin);
  }

  public UserRoomPolicy roomPolicy() {
    return new UserRoomPolicy();
  }
}
