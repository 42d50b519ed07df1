package org.rapporteur.chat;

import io.vertx.core.json.JsonObject;
import org.rapporteur.support.ApiClient;
import org.rapporteur.support.TestServer;

/** A group with a chair, members and an outsider, each signed in with their own cookies. */
final class ChatFixture {
  final String groupId;
  final String room;
  final ApiClient admin;
  /** In the group's title, "Chat group <number>". */
  final int number;
  final ApiClient chair;
  final ApiClient member;
  final ApiClient outsider;
  final String chairId;
  final String memberId;
  final String chairEmail;
  final String memberEmail;

  private static int counter;

  /** Sends a message over plain HTTP (as the fallback transport does); answers its seq. */
  static long send(ApiClient client, String room, String clientId, String text) {
    var response = client.post("/api/realtime/send", new JsonObject().put("room", room).put("clientId", clientId).put("text", text));
    if (response.statusCode() != 200) {
      throw new AssertionError("send: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getLong("seq");
  }

  ChatFixture(TestServer server, String visibility) {
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
