package org.rapporteur.support;

import io.vertx.core.json.JsonObject;

/** A group with a chair, members and an outsider, each signed in with their own cookies. */
public final class ChatFixture {
  public final String groupId;
  public final String room;
  public final ApiClient admin;
  /** In the group's title, "Chat group <number>". */
  public final int number;
  public final ApiClient chair;
  public final ApiClient member;
  public final ApiClient outsider;
  public final String chairId;
  public final String memberId;
  public final String chairEmail;
  public final String memberEmail;

  private static int counter;

  /** Sends a message over plain HTTP (as the fallback transport does); answers its seq. */
  public static long send(ApiClient client, String room, String clientId, String text) {
    var response = client.post("/api/realtime/send", new JsonObject().put("room", room).put("clientId", clientId).put("text", text));
    if (response.statusCode() != 200) {
      throw new AssertionError("send: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getLong("seq");
  }

  public ChatFixture(TestServer server, String visibility) {
    int n = ++counter;
    number = n;
    admin = server.admin();
    JsonObject group = admin.post("/api/groups", new JsonObject().put("code", "SG1RG-" + n + visibility.charAt(0))
        .put("sector", "ITU-D").put("kind", "rapporteur-group").put("title", "Chat group " + n)
        .put("visibility", visibility)).bodyAsJsonObject();
    groupId = group.getString("id");
    room = "group:" + groupId;
    chairEmail = "chair" + n + visibility + "@example.org";
    memberEmail = "member" + n + visibility + "@example.org";
    chair = server.client();
    chairId = chair.registerAndSignIn("chair" + n + visibility + "@example.org", "Chair " + n).getString("id");
    member = server.client();
    memberId = member.registerAndSignIn("member" + n + visibility + "@example.org", "Aïcha Member " + n).getString("id");
    outsider = server.client();
    outsider.registerAndSignIn("outsider" + n + visibility + "@example.org", "Outsider " + n);
    addMember("chair" + n + visibility + "@example.org", "chair");
    addMember("member" + n + visibility + "@example.org", "member");
  }

  private void addMember(String email, String role) {
    var response = admin.post("/api/groups/" + groupId + "/members", new JsonObject().put("email", email).put("role", role));
    if (response.statusCode() != 201) {
      throw new AssertionError("add member: " + response.statusCode() + " " + response.bodyAsString());
    }
  }
}
