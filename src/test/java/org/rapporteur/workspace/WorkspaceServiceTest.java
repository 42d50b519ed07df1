package org.rapporteur.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.account.AccountModule;
import org.rapporteur.account.AccountService;
import org.rapporteur.account.AccountsConfig;
import org.rapporteur.account.Registration;
import org.rapporteur.platform.audit.AuditEntry;
import org.rapporteur.platform.audit.AuditStore;
import org.rapporteur.platform.audit.StoredAuditTrail;
import org.rapporteur.platform.mail.MailConfig;
import org.rapporteur.platform.mail.Mailer;
import org.rapporteur.platform.errors.NotFoundException;
import org.rapporteur.platform.events.Addresses;
import org.rapporteur.platform.mongo.EmbeddedMongo;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.GlobalRole;

/**
 * The workspace service over its stores and the embedded database, without the HTTP server: the
 * pattern docs/architecture.md describes for fast tests of a service's rules.
 */
@ExtendWith(VertxExtension.class)
class WorkspaceServiceTest {
  @TempDir
  Path dataDir;
  EmbeddedMongo embedded;
  MongoClient mongo;
  WorkerExecutor hashing;
  AuditStore audit;
  AccountService accounts;
  WorkspaceService workspaces;
  Actor secretariat;

  @BeforeEach
  void start(Vertx vertx) {
    embedded = EmbeddedMongo.start(dataDir.resolve("db"), false, EmbeddedMongo.DEFAULT_CACHE_MIB);
    mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", embedded.connectionString())
        .put("db_name", "rapporteur"));
    hashing = vertx.createSharedWorkerExecutor("test-password-hashing", 1);
    audit = new AuditStore(mongo);
    StoredAuditTrail trail = new StoredAuditTrail(audit);
    AccountModule account = new AccountModule(mongo, hashing, trail,
        AccountsConfig.fromJson(new JsonObject().put("pbkdf2Iterations", 1000)),
        new Mailer(vertx, MailConfig.fromJson(new JsonObject())), () -> "http://127.0.0.1");
    accounts = account.accounts();
    workspaces = new WorkspaceService(vertx, new GroupStore(mongo), new QuestionStore(mongo),
        new MembershipStore(mongo), accounts, trail);
    audit.createIndexes().compose(v -> account.start()).compose(v -> workspaces.start()).await();
    secretariat = person("officer@itu.example", EnumSet.of(GlobalRole.SECRETARIAT));
  }

  @AfterEach
  void stop() {
    hashing.close().await();
    mongo.close().await();
    embedded.close();
  }

  @Test
  @DisplayName("Removing a member announces the change of access at once, takes the access away and is audited")
  void removingAMemberAnnouncesAndTakesAccessAway(Vertx vertx) {
    Group group = workspaces.createGroup(secretariat, restricted("SG3RG-AFR")).await();
    Actor member = person("delegate@example.org", Set.of());
    workspaces.addMember(secretariat, group.id(), new Membership.Addition(member.userId(), null, GroupRole.MEMBER))
        .await();
    assertThat(workspaces.access(member, group.id()).await().isParticipant()).isTrue();
    List<JsonObject> announced = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.ROOM_ACCESS_CHANGED, m -> announced.add(m.body()))
        .completion().await();

    workspaces.removeMember(secretariat, group.id(), member.userId()).await();

    assertThat(announced).extracting(body -> body.getString("userId")).containsExactly(member.userId());
    assertThatThrownBy(() -> workspaces.access(member, group.id()).await()).isInstanceOf(NotFoundException.class);
    List<AuditEntry> trail = audit.find(group.id(), null, 10).await();
    assertThat(trail).extracting(AuditEntry::action).containsExactly("member.remove", "member.add", "group.create");
  }

  @Test
  @DisplayName("A restricted group is invisible to an outsider and listed for the secretariat")
  void restrictedGroupIsInvisibleToOutsiders() {
    Group group = workspaces.createGroup(secretariat, restricted("SG5RG-ARB")).await();
    Actor outsider = person("outsider@example.org", Set.of());

    assertThatThrownBy(() -> workspaces.access(outsider, group.id()).await()).isInstanceOf(NotFoundException.class);
    assertThat(workspaces.listGroups(outsider, new GroupFilter(null, null, null, null)).await()).isEmpty();
    assertThat(workspaces.listGroups(secretariat, new GroupFilter(null, null, null, null)).await())
        .extracting(Group::code).containsExactly("SG5RG-ARB");
  }

  private Actor person(String email, Set<GlobalRole> roles) {
    return accounts.provision(new Registration(email, "a-password-for-tests", email, "Kenya", "Test"), roles)
        .await().toActor();
  }

  private static NewGroup restricted(String code) {
    return new NewGroup(code, Sector.ITU_T, Region.AFR, GroupKind.REGIONAL_GROUP, "Regional group " + code, null,
        null, Visibility.RESTRICTED);
  }
}
