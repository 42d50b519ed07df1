package org.rapporteur.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.realtime.room.RoomAccess;
import org.rapporteur.realtime.room.RoomCommand;
import org.rapporteur.realtime.room.RoomEvent;
import org.rapporteur.realtime.room.RoomName;
import org.rapporteur.realtime.room.Rooms;

/**
 * Chat's client frames ({@code send}, {@code edit}, {@code delete}), registered with the rooms: the
 * WebSocket and the POST fallback both run them, after one access check.
 */
public final class ChatCommands {
  private ChatCommands() {}

  public static void register(Rooms<Actor> rooms, ChatService chat) {
    rooms.command("send", command(SendCommand::from, SendCommand::room, SendCommand::clientId, chat::send))
        .command("edit", command(EditCommand::from, EditCommand::room, EditCommand::clientId, chat::edit))
        .command("delete", command(DeleteCommand::from, DeleteCommand::room, DeleteCommand::clientId, chat::delete));
  }

  private interface Action<C> {
    Future<ChatEvent> apply(Actor actor, RoomAccess access, C command);
  }

  private static <C> RoomCommand<Actor, C> command(Function<JsonObject, C> parse, Function<C, RoomName> room,
      Function<C, String> clientId, Action<C> action) {
    return new RoomCommand<>() {
      @Override
      public C parse(JsonObject frame) {
        return parse.apply(frame);
      }

      @Override
      public RoomName room(C command) {
        return room.apply(command);
      }

      @Override
      public String clientId(C command) {
        return clientId.apply(command);
      }

      @Override
      public Future<RoomEvent> run(Actor caller, RoomAccess access, C command) {
        return action.apply(caller, access, command).map(ChatEvent::stored);
      }
    };
  }
}
