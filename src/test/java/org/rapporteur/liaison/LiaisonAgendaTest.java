package org.rapporteur.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.liaison.LiaisonFixture.ok;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.App;
import org.rapporteur.meeting.AgendaModule;
import org.rapporteur.platform.events.RoomEvents;
import org.rapporteur.support.TestServer;

/** The meeting link: a statement for action is proposed for the agenda of each addressed group's next meeting. */
@ExtendWith(VertxExtension.class)
class LiaisonAgendaTest {
  record Call(String groupId, String liaisonId, String title, Instant deadline) {}

  @TempDir
  Path dataDir;
  TestServer server;
  LiaisonFixture f;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final Instant nextMeeting = Instant.now().plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  /** A stand-in for the meetings feature: one meeting in 20 days for every group. */
  final AgendaProposals agenda = (groupId, statement) -> {
    calls.add(new Call(groupId, statement.liaisonId(), statement.title(), statement.replyDue()));
    return Future.succeededFuture(Optional.of(new AgendaProposals.Proposal("meeting-of-" + groupId, nextMeeting,
        statement.replyDue().isBefore(nextMeeting))));
  };

  @BeforeEach
  void start(Vertx vertx) {
    server = TestServer.start(vertx, TestServer.config(dataDir, new JsonObject()),
        new App.Collaborators() {
          @Override
          public AgendaProposals agendaProposals(AgendaModule agendas) {
            return agenda;
          }

          @Override
          public Notifier notifier(RoomEvents rooms) {
            return Notifier.NONE;
          }
        });
    f = new LiaisonFixture(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("Sending for action proposes an agenda item and warns when the deadline falls before the meeting")
  void forActionIsProposedForTheAgenda() {
    Instant early = Instant.now().plus(Duration.ofDays(10));
    JsonObject sent = f.sendFromSg3(f.roamingDraft(early));
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).groupId()).isEqualTo(f.sg1);
    assertThat(calls.get(0).liaisonId()).isEqualTo(sent.getString("id"));
    assertThat(calls.get(0).title()).contains("roaming").doesNotContain("LS/SG3RG-AFR/1");
    JsonObject proposal = ok(f.sg1Chair.get("/api/liaisons/" + sent.getString("id")), 200).getJsonObject("statement")
        .getJsonArray("deliveries").getJsonObject(0).getJsonObject("agenda");
    assertThat(proposal.getString("meetingId")).isEqualTo("meeting-of-" + f.sg1);
    assertThat(proposal.getString("meetingStart")).isEqualTo(nextMeeting.toString());
    assertThat(proposal.getBoolean("deadlineBeforeMeeting")).isTrue();

    JsonObject later = f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(40))));
    assertThat(later.getJsonArray("deliveries").getJsonObject(0).getJsonObject("agenda")
        .getBoolean("deadlineBeforeMeeting")).isFalse();
  }

  @Test
  @DisplayName("Statements for information are not proposed for any agenda")
  void forInformationIsNotProposed() {
    f.sendFromSg3(f.roamingDraft(Instant.now().plus(Duration.ofDays(10))).put("purpose", "for-information"));
    assertThat(calls).isEmpty();
  }
}
