package org.rapporteur.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling for the chat benchmark: a bare Vert.x WebSocket server that writes every text frame it
 * receives to every connected socket. No storage, no JSON, no authorization.
 * {@code java -cp ... org.rapporteur.bench.BareBroadcastServer <port>}
 */
public final class BareBroadcastServer {
  private BareBroadcastServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx();
    Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
    vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .webSocketHandler(ws -> {
          sockets.add(ws);
          ws.closeHandler(v -> sockets.remove(ws));
          ws.textMessageHandler(text -> {
            for (ServerWebSocket socket : sockets) {
              socket.writeTextMessage(text);
            }
          });
        })
        .requestHandler(req -> req.response().end("{\"status\":\"UP\"}"))
        .listen().await();
    System.out.println("bare broadcast server on 127.0.0.1:" + port);
  }
}
