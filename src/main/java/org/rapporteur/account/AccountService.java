package org.rapporteur.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rapporteur.platform.audit.AuditTrail;
import org.rapporteur.platform.errors.ForbiddenException;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.errors.TooManyRequestsException;
import org.rapporteur.platform.errors.UnauthenticatedException;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.GlobalRole;

/** Accounts, sessions and global roles. */
public final class AccountService {
  private final AccountStore users;
  private final SessionStore sessions;
  private final SignInAttemptStore attempts;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final AccountsConfig config;

  AccountService(AccountStore users, SessionStore sessions, SignInAttemptStore attempts, PasswordHasher hasher,
      AuditTrail audit, AccountsConfig config) {
    this.users = users;
    this.sessions = sessions;
    this.attempts = attempts;
    this.hasher = hasher;
    this.audit = audit;
    this.config = config;
  }

  public Future<Void> start() {
    return users.createIndexes()
        .compose(v -> sessions.createIndexes())
        .compose(v -> sessions.deleteExpired(Instant.now()));
  }

  public SessionResolver sessionResolver() {
    return new SessionResolver(this);
  }

  public AccountsConfig config() {
    return config;
  }

  /** Opens an account without global roles. */
  public Future<User> register(Registration registration) {
    return provision(registration, Set.of())
        .compose(user -> audit.record(user.toActor(), "account.register", "user", user.id(), null).map(user));
  }

  /** Creates an account with the given roles; for start-up (admin bootstrap, demo data) only. */
  public Future<User> provision(Registration registration, Set<GlobalRole> roles) {
    return hasher.hash(registration.password())
        .compose(hash -> users.insert(registration, hash, roles));
  }

  /**
   * Checks the password and opens a session. Every attempt is counted per e-mail address before its
   * password is looked at; past the configured number within the window an attempt is refused
   * unchecked until the window ends, even with the right password, so guessing gains nothing and
   * racing many attempts at once gets no more guesses evaluated than sending them one by one.
   */
  public Future<SignedIn> signIn(Credentials credentials) {
    Instant now = Instant.now();
    String email = credentials.email();
    return attempts.countAttempt(email, now, config.signInWindow()).compose(window -> {
      if (window.count() > config.signInMaxFailures()) {
        return Future.failedFuture(new TooManyRequestsException(
            "Too many failed sign-ins for this address; try again later", Duration.between(now, window.endsAt())));
      }
      return users.findLogin(email)
          .compose(login -> hasher.verify(credentials.password(), login == null ? null : login.passwordHash())
              .compose(ok -> ok ? openSession(login.user(), email) : refuse()));
    });
  }

  private Future<SignedIn> openSession(User user, String email) {
    return attempts.refund(email)
        .compose(v -> sessions.create(user.id(), Instant.now().plus(config.sessionLifetime())))
        .map(token -> new SignedIn(token, user));
  }

  private static Future<SignedIn> refuse() {
    return Future.failedFuture(new UnauthenticatedException("Wrong e-mail address or password"));
  }

  public Future<Void> signOut(String token) {
    return token == null ? Future.succeededFuture() : sessions.delete(token);
  }

  /** The actor behind a session token; anonymous when the session is unknown or expired. */
  public Future<Actor> resolveSession(String token) {
    return sessions.findUserId(token, Instant.now()).compose(userId -> userId == null
        ? Future.succeededFuture(Actor.ANONYMOUS)
        : users.findById(userId).map(user -> user.map(User::toActor).orElse(Actor.ANONYMOUS)));
  }

  public Future<User> me(Actor actor) {
    actor.requireSignedIn();
    return requireUser(actor.userId());
  }

  /** Who is signed in, if anyone: a page asks this on load, and an anonymous visitor is no error. */
  public Future<Optional<User>> session(Actor actor) {
    return actor.signedIn() ? requireUser(actor.userId()).map(Optional::of) : Future.succeededFuture(Optional.empty());
  }

  public Future<User> requireUser(String userId) {
    return users.findById(userId).map(user -> user.orElseThrow(() -> new NotFoundException("No such user")));
  }

  /** Changes the signed-in person's own profile and answers it as it now is. */
  Future<User> updateProfile(Actor actor, ProfileChanges changes) {
    actor.requireSignedIn();
    return users.updateProfile(actor.userId(), changes.set(), changes.unset())
        .compose(v -> audit.record(actor, "account.profile", "user", actor.userId(),
            changes.set().copy().put("cleared", new JsonArray(changes.unset()))))
        .compose(v -> requireUser(actor.userId()));
  }

  public Future<Optional<User>> findByEmail(String email) {
    return users.findByEmail(Registration.normalizeEmail(email));
  }

  /** Replaces a user's global roles; admins only, and an admin cannot remove their own admin role. */
  public Future<User> setRoles(Actor actor, String userId, Set<GlobalRole> roles) {
    actor.requireSignedIn();
    if (!actor.has(GlobalRole.ADMIN)) {
      return Future.failedFuture(new ForbiddenException("Only admins change global roles"));
    }
    if (actor.userId().equals(userId) && !roles.contains(GlobalRole.ADMIN)) {
      return Future.failedFuture(InvalidInputException.of("roles", "you cannot remove your own admin role"));
    }
    return requireUser(userId)
        .compose(user -> users.setRoles(userId, roles))
        .compose(v -> audit.record(actor, "account.roles", "user", userId,
            new JsonObject().put("roles", new JsonArray(roles.stream().map(GlobalRole::wire).toList()))))
        .compose(v -> requireUser(userId));
  }

  /** A page of accounts and how many match, for admins granting and revoking global roles. */
  public record UserPage(List<User> items, long total) {
    public JsonObject toJson() {
      return new JsonObject().put("total", total).put("items", new JsonArray(items.stream().map(User::toJson).toList()));
    }
  }

  public Future<UserPage> users(Actor actor, String q, int offset, int limit) {
    actor.requireSignedIn();
    if (!actor.has(GlobalRole.ADMIN)) {
      return Future.failedFuture(new ForbiddenException("Only admins list the accounts"));
    }
    return users.count(q).compose(total -> users.findPage(q, offset, limit).map(page -> new UserPage(page, total)));
  }

  /** Makes sure the configured admin account exists and holds the admin role. */
  public Future<User> ensureAdmin(String email, String password) {
    return findByEmail(email).compose(existing -> {
      if (existing.isEmpty()) {
        return provision(new Registration(Registration.normalizeEmail(email), password, "Administrator", "—", null),
            EnumSet.of(GlobalRole.ADMIN));
      }
      User user = existing.get();
      if (user.roles().contains(GlobalRole.ADMIN)) {
        return Future.succeededFuture(user);
      }
      EnumSet<GlobalRole> roles = user.roles().isEmpty() ? EnumSet.noneOf(GlobalRole.class) : EnumSet.copyOf(user.roles());
      roles.add(GlobalRole.ADMIN);
      return users.setRoles(user.id(), roles).compose(v -> requireUser(user.id()));
    });
  }

  public record SignedIn(String token, User user) {}
}
