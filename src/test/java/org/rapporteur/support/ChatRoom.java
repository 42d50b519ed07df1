package org.rapporteur.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A room with {@code people} members of a new public group, each signed in through {@code port}; a
 * {@link ChatPeer} talks in it as one of them. {@code cookies} and {@code emails} follow the people's order.
 */
public record ChatRoom(String name, List<String> cookies, List<String> emails) {

  /** The chat of a new group whose members are {@code people} new accounts. */
  public static ChatRoom group(Vertx vertx, ApiClient admin, int port, int people) {
    String groupId = newGroup(admin);
    return new ChatRoom("group:" + groupId, List.of(), List.of()).withMembers(vertx, admin, port, groupId, people);
  }

  /** The room of a virtual meeting of a new group (chat, agenda, speaker queue), the group's members talking. */
  public static ChatRoom meeting(Vertx vertx, ApiClient admin, int port, int people) {
    String groupId = newGroup(admin);
    var created = admin.post("/api/groups/" + groupId + "/meetings", new JsonObject()
        .put("title", "Rolling restart meeting").put("kind", "virtual").put("start", "2026-12-01T09:30")
        .put("end", "2026-12-01T12:00").put("timeZone", "Africa/Dakar")
        .put("remoteInstructions", "Join from the meeting page"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String room = "meeting:" + created.bodyAsJsonObject().getString("id");
    return new ChatRoom(room, List.of(), List.of()).withMembers(vertx, admin, port, groupId, people);
  }

  /** A peer talking as person {@code person} (modulo the people), connecting through {@code port}. */
  public ChatPeer peer(Vertx vertx, WebSocketClient sockets, int port, String origin, int person, String label) {
    return new ChatPeer(vertx, sockets, port, origin, cookies.get(person % cookies.size()), name, label);
  }

  private static String newGroup(ApiClient admin) {
    String code = "CHAT-" + System.nanoTime() % 100_000_000;
    var group = admin.post("/api/groups", new JsonObject().put("code", code).put("sector", "ITU-D")
        .put("kind", "rapporteur-group").put("title", "Chat group " + code).put("visibility", "public"));
    assertThat(group.statusCode()).as(group.bodyAsString()).isEqualTo(201);
    return group.bodyAsJsonObject().getString("id");
  }

  private ChatRoom withMembers(Vertx vertx, ApiClient admin, int port, String groupId, int people) {
    List<String> cookies = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      String email = "member" + i + "-" + groupId + "@example.org";
      ApiClient person = ApiClient.forPort(vertx, port);
      person.registerAndSignIn(email, "Member " + i);
      int status = admin.post("/api/groups/" + groupId + "/members", new JsonObject().put("email", email)
          .put("role", "member")).statusCode();
      assertThat(status).isEqualTo(201);
      cookies.add(person.cookie("rapporteur_session"));
      emails.add(email);
    }
    return new ChatRoom(name, List.copyOf(cookies), List.copyOf(emails));
  }
}
