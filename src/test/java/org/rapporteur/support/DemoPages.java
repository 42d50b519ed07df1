package org.rapporteur.support;

import com.google.gson.JsonObject;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.List;
import org.rapporteur.demo.DemoData;

/**
 * The pages a delegate opens most, on a server with the demo data, each with the moment it becomes
 * usable: the groups page, the demo rapporteur group, its meeting (agenda drawn, "Ask for the floor"
 * enabled) and the light view of a contribution allocated to that meeting.
 */
public final class DemoPages {
  /** A member of the demo group who is not its chair: what most participants see. */
  public static final String DELEGATE = "aibek.toktogulov@demo.example";

  public record DemoPage(String name, String path, String usable) {}

  private DemoPages() {}

  public static List<DemoPage> of(TestServer server) {
    ApiClient delegate = server.client();
    delegate.signIn(DELEGATE, DemoData.PASSWORD);
    String group = delegate.get("/api/groups?q=SG1RGQ").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
    String meeting = delegate.get("/api/groups/" + group + "/meetings").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
    String contribution = firstAllocation(delegate.get("/api/meetings/" + meeting + "/agenda").bodyAsJsonObject()
        .getJsonArray("items"));
    for (Object c : delegate.get("/api/groups/" + group + "/contributions").bodyAsJsonObject().getJsonArray("items")) {
      String id = ((io.vertx.core.json.JsonObject) c).getString("id");
      String state = Contributions.awaitExtraction(delegate, id, 0, Duration.ofSeconds(180)).getJsonObject("extraction")
          .getString("state");
      if (!"done".equals(state)) {
        throw new IllegalStateException("the demo contribution " + id + " has no light view: extraction " + state);
      }
    }
    return List.of(
        new DemoPage("groups", "/#/groups", "!!document.querySelector('#group-list li')"),
        new DemoPage("group", "/#/groups/" + group, "!!document.querySelector('#members-h')"),
        new DemoPage("meeting", "/#/meetings/" + meeting, """
            (() => { const b = document.querySelector('#request-floor');
              return !!b && !b.disabled && b.offsetParent !== null
                && !!document.querySelector('#agenda li.agenda-item'); })()"""),
        new DemoPage("light view", "/#/contributions/" + contribution,
            "!!document.querySelector('#light-view .light-view')"));
  }

  private static String firstAllocation(JsonArray items) {
    for (int i = 0; i < items.size(); i++) {
      var item = items.getJsonObject(i);
      if (!item.getJsonArray("allocations").isEmpty()) {
        return item.getJsonArray("allocations").getJsonObject(0).getString("contributionId");
      }
      String inChildren = item.getJsonArray("children").isEmpty() ? null : firstAllocation(item.getJsonArray("children"));
      if (inChildren != null) {
        return inChildren;
      }
    }
    return null;
  }

  /** Signs the browser context in through the API, so its HTTP cache stays empty. */
  public static void signIn(BrowserContext context, String origin, String email) {
    context.request().get(origin + "/api/session");
    String token = context.cookies(origin + "/api/").stream().filter(c -> c.name.equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().value;
    JsonObject body = new JsonObject();
    body.addProperty("email", email);
    body.addProperty("password", DemoData.PASSWORD);
    APIResponse response = context.request().post(origin + "/api/session", RequestOptions.create()
        .setHeader("X-XSRF-TOKEN", token).setHeader("Content-Type", "application/json").setData(body.toString()));
    if (response.status() != 200) {
      throw new IllegalStateException("sign-in answered " + response.status());
    }
  }
}
