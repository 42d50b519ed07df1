package org.rapporteur.workspace;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A group page: the group, its Questions, its members, and what the viewer may do there. */
public record Workspace(GroupAccess access, List<Question> questions, List<Membership> members) {
  public JsonObject toJson() {
    boolean manager = access.canManage();
    return access.group().toJson()
        .put("questions", new JsonArray(questions.stream().map(Question::toJson).toList()))
        .put("members", new JsonArray(members.stream().map(m -> m.toJson(manager)).toList()))
        .put("myRole", access.role() == null ? null : access.role().wire())
        .put("canManage", manager);
  }
}
