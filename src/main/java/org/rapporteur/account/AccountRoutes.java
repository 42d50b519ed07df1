package org.rapporteur.account;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.http.CsrfGuard;
import org.rapporteur.platform.http.QueryParams;
import org.rapporteur.platform.http.Responses;
import org.rapporteur.platform.http.RouteModule;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.Actors;
import org.rapporteur.platform.security.GlobalRole;

public final class AccountRoutes implements RouteModule {
  private final AccountService accounts;
  private final PasswordService passwords;
  private final boolean secureCookies;

  AccountRoutes(AccountService accounts, PasswordService passwords, String publicOrigin) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.secureCookies = publicOrigin.startsWith("https:");
  }

  @Override
  public void mount(Router router) {
    Responses.created(router.post("/api/accounts"), ctx -> accounts
        .register(Registration.from(JsonInput.from(ctx), accounts.config().passwordMinLength()))
        .map(User::toJson));
    router.post("/api/session").respond(ctx -> accounts.signIn(Credentials.from(JsonInput.from(ctx)))
        .map(signedIn -> {
          ctx.response().addCookie(sessionCookie(signedIn.token(), accounts.config().sessionLifetime().toSeconds()));
          CsrfGuard.issue(ctx, secureCookies);
          SessionResolver.forbidCaching(ctx);
          return signedIn.user().toJson();
        }));
    Responses.noContent(router.delete("/api/session"), ctx -> {
      Cookie cookie = ctx.request().getCookie(SessionResolver.COOKIE);
      ctx.response().addCookie(sessionCookie("", 0));
      CsrfGuard.issue(ctx, secureCookies);
      return accounts.signOut(cookie == null ? null : cookie.getValue());
    });
    router.get("/api/session").respond(ctx -> accounts.session(Actors.of(ctx))
        .map(user -> new JsonObject().put("user", user.map(User::toJson).orElse(null))
            .put("passwordRule", new JsonObject().put("minLength", accounts.config().passwordMinLength()))));
    router.get("/api/me").respond(ctx -> accounts.me(Actors.of(ctx)).map(User::toJson));
    router.get("/api/accounts").respond(this::findByEmail);
    mountProfile(router);
    mountPasswords(router);
    router.get("/api/admin/users").respond(ctx -> accounts.users(Actors.of(ctx), QueryParams.optionalString(ctx, "q", 100),
            QueryParams.intParam(ctx, "offset", 0, 0, 1_000_000), QueryParams.intParam(ctx, "limit", 50, 1, 200))
        .map(AccountService.UserPage::toJson));
    router.put("/api/accounts/:id/roles").respond(ctx -> accounts
        .setRoles(Actors.of(ctx), Ids.requirePathId(ctx.pathParam("id"), "user"), readRoles(ctx))
        .map(User::toJson));
  }

  private void mountProfile(Router router) {
    router.get("/api/me/profile").respond(ctx -> accounts.me(Actors.of(ctx)).map(User::toProfileJson));
    router.patch("/api/me/profile").respond(ctx -> {
      Actors.of(ctx).requireSignedIn();
      return accounts.updateProfile(Actors.of(ctx), ProfileChanges.from(JsonInput.from(ctx))).map(User::toProfileJson);
    });
  }

  private void mountPasswords(Router router) {
    int minLength = accounts.config().passwordMinLength();
    router.post("/api/password-resets").handler(ctx -> passwords.requestReset(PasswordReset.email(JsonInput.from(ctx)))
        .onSuccess(v -> ctx.response().setStatusCode(202).end())
        .onFailure(ctx::fail));
    Responses.noContent(router.post("/api/password-resets/confirm"), ctx -> passwords
        .confirmReset(PasswordReset.from(JsonInput.from(ctx), minLength)));
    Responses.noContent(router.post("/api/me/password"), ctx -> {
      Actors.of(ctx).requireSignedIn();
      Cookie session = ctx.request().getCookie(SessionResolver.COOKIE);
      return passwords.change(Actors.of(ctx), PasswordChange.from(JsonInput.from(ctx), minLength),
          session == null ? null : session.getValue());
    });
  }

  /** Staff look people up by exact e-mail address to add them to groups; no listing of everyone. */
  private io.vertx.core.Future<JsonObject> findByEmail(RoutingContext ctx) {
    Actor actor = Actors.of(ctx).requireSignedIn();
    String email = QueryParams.optionalString(ctx, "email", 254);
    if (email == null) {
      throw org.rapporteur.platform.errors.InvalidInputException.of("email", "is required");
    }
    return accounts.findByEmail(email).map(user -> user
        .map(u -> new JsonObject().put("id", u.id()).put("name", u.name()).put("country", u.country())
            .put("affiliation", u.affiliation()).put("email", actor.isStaff() ? u.email() : null))
        .orElseThrow(() -> new NotFoundException("No account with this e-mail address")));
  }

  private static Set<GlobalRole> readRoles(RoutingContext ctx) {
    JsonInput in = JsonInput.from(ctx);
    List<String> names = in.stringList("roles", 5, 32);
    Set<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);
    for (int i = 0; i < names.size(); i++) {
      GlobalRole role = WireEnum.parse(GlobalRole.class, names.get(i));
      if (role == null) {
        in.fail("roles[" + i + "]", "must be admin or secretariat");
      } else {
        roles.add(role);
      }
    }
    if (!in.has("roles")) {
      in.fail("roles", "is required");
    }
    in.done();
    return roles;
  }

  private Cookie sessionCookie(String value, long maxAgeSeconds) {
    return Cookie.cookie(SessionResolver.COOKIE, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX)
        .setSecure(secureCookies)
        .setMaxAge(maxAgeSeconds);
  }
}
