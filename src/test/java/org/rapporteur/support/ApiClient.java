package org.rapporteur.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.client.spi.CookieStore;

/**
 * A browser-like API client: keeps cookies, fetches the CSRF cookie on first use and echoes it in
 * the X-XSRF-TOKEN header on every state-changing request, as the web front end does.
 */
public final class ApiClient {
  public static final String PASSWORD = "correct horse battery";

  private final WebClientSession http;
  private final CookieStore cookies = CookieStore.build();
  private boolean csrf = true;

  public static ApiClient forPort(Vertx vertx, int port) {
    return new ApiClient(vertx, port);
  }

  ApiClient(Vertx vertx, int port) {
    WebClient client = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(port));
    this.http = WebClientSession.create(client, cookies);
  }

  /** Stops sending the CSRF header, to show what a forged request gets. */
  public ApiClient withoutCsrfHeader() {
    csrf = false;
    return this;
  }

  public HttpResponse<Buffer> get(String path) {
    return http.get(path).send().await();
  }

  public HttpResponse<Buffer> delete(String path) {
    return request(HttpMethod.DELETE, path).send().await();
  }

  public HttpResponse<Buffer> post(String path, JsonObject body) {
    return request(HttpMethod.POST, path).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> put(String path, JsonObject body) {
    return request(HttpMethod.PUT, path).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> patch(String path, JsonObject body) {
    return request(HttpMethod.PATCH, path).sendJsonObject(body).await();
  }

  /** A request with the CSRF header set, for bodies other than JSON. */
  public HttpRequest<Buffer> request(HttpMethod method, String path) {
    HttpRequest<Buffer> request = http.request(method, path);
    if (csrf) {
      request.putHeader("X-XSRF-TOKEN", csrfToken());
    }
    return request;
  }

  public String csrfToken() {
    String token = cookie("XSRF-TOKEN");
    if (token == null) {
      get("/api/me");
      token = cookie("XSRF-TOKEN");
    }
    return token;
  }

  public String cookie(String name) {
    for (var cookie : cookies.get(false, "127.0.0.1", "/api")) {
      if (cookie.name().equals(name)) {
        return cookie.value();
      }
    }
    return null;
  }

  public JsonObject register(String email, String name) {
    HttpResponse<Buffer> response = post("/api/accounts", new JsonObject()
        .put("email", email).put("password", PASSWORD).put("name", name).put("country", "Senegal")
        .put("affiliation", "ARTP"));
    if (response.statusCode() != 201) {
      throw new AssertionError("register " + email + ": " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  public JsonObject signIn(String email, String password) {
    HttpResponse<Buffer> response = post("/api/session", new JsonObject().put("email", email).put("password", password));
    if (response.statusCode() != 200) {
      throw new AssertionError("sign in " + email + ": " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** Registers and signs in a new person. */
  public JsonObject registerAndSignIn(String email, String name) {
    register(email, name);
    return signIn(email, PASSWORD);
  }
}
