package org.rapporteur.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.rapporteur.meeting.AgendaEdit;
import org.rapporteur.meeting.MeetingDraft;
import org.rapporteur.platform.json.JsonInput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rapporteur.account.AccountService;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.initiative.InitiativeModule;
import org.rapporteur.liaison.LiaisonService;
import org.rapporteur.meeting.AgendaService;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.workspace.WorkspaceService;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.GlobalRole;
import org.rapporteur.account.Registration;
import org.rapporteur.account.User;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.GroupKind;
import org.rapporteur.workspace.GroupRole;
import org.rapporteur.workspace.NewGroup;
import org.rapporteur.workspace.Question;
import org.rapporteur.workspace.Region;
import org.rapporteur.workspace.Sector;
import org.rapporteur.workspace.Visibility;
import org.rapporteur.platform.json.WireEnum;

/**
 * Real-looking groups, Questions and one person per role, loaded with {@code --demo}. Loading twice
 * changes nothing: existing accounts and groups are kept.
 */
public final class DemoData {
  public static final String PASSWORD = "demo-password-2026";

  private final Vertx vertx;
  private final AccountService accounts;
  private final WorkspaceService workspaces;
  private final MeetingService meetings;
  private final AgendaService agendas;
  private final ContributionService contributions;
  private final LiaisonService liaisons;
  private final InitiativeModule initiatives;
  private final Path dataDir;

  public DemoData(Vertx vertx, AccountService accounts, WorkspaceService workspaces, MeetingService meetings,
      AgendaService agendas, ContributionService contributions, LiaisonService liaisons, InitiativeModule initiatives,
      Path dataDir) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.workspaces = workspaces;
    this.meetings = meetings;
    this.agendas = agendas;
    this.contributions = contributions;
    this.liaisons = liaisons;
    this.initiatives = initiatives;
    this.dataDir = dataDir;
  }

  record Person(String key, String email, String name, String country, String affiliation, Set<GlobalRole> roles) {}

  record GroupSpec(String code, Sector sector, Region region, GroupKind kind, String title, String mandate,
      String parentCode, Visibility visibility, List<Question.Draft> questions) {}

  record Seat(String person, String role) {}

  static final List<Person> PEOPLE = List.of(
      new Person("admin", "admin@demo.example", "Site Administrator", "Switzerland", "Rapporteur operations",
          EnumSet.of(GlobalRole.ADMIN)),
      new Person("secretariat", "helene.martin@demo.example", "Hélène Martin", "Switzerland", "ITU BDT",
          EnumSet.of(GlobalRole.SECRETARIAT)),
      new Person("chair", "aminata.diop@demo.example", "Aminata Diop", "Senegal", "ARTP Sénégal", Set.of()),
      new Person("vice-chair", "joao.silva@demo.example", "João Silva", "Brazil", "Anatel", Set.of()),
      new Person("rapporteur", "ahmed.hassan@demo.example", "Ahmed Hassan", "Egypt", "NTRA Egypt", Set.of()),
      new Person("associate-rapporteur", "nguyen.thi.lan@demo.example", "Nguyễn Thị Lan", "Viet Nam",
          "Ministry of Information and Communications", Set.of()),
      new Person("expert", "aibek.toktogulov@demo.example", "Aibek Toktogulov", "Kyrgyzstan",
          "Kyrgyz State Technical University", Set.of()),
      new Person("observer", "claire.dubois@demo.example", "Claire Dubois", "France", "Orange", Set.of()));

  static final List<GroupSpec> GROUPS = List.of(
      new GroupSpec("ITU-D-SG1", Sector.ITU_D, null, GroupKind.STUDY_GROUP,
          "ITU-D Study Group 1 — Enabling environment for meaningful connectivity",
          "Studies the policy, regulatory, economic and financial environment that lets developing countries "
              + "connect everyone: broadband strategies, digital broadcasting, emerging technologies, costs "
              + "of services, rural connectivity, consumer protection and accessibility.",
          null, Visibility.PUBLIC, List.of(
              q("Q1/1", "Strategies and policies for the deployment of broadband in developing countries"),
              q("Q2/1", "Migration to and adoption of digital broadcasting"),
              q("Q3/1", "Emerging technologies, including cloud computing, m-services and OTTs"),
              q("Q4/1", "Economic policies and methods of determining the costs of telecommunication/ICT services"),
              q("Q5/1", "Telecommunications/ICTs for rural and remote areas"),
              q("Q6/1", "Consumer information, protection and rights"),
              q("Q7/1", "ICT accessibility for persons with disabilities and persons with specific needs"))),
      new GroupSpec("ITU-D-SG2", Sector.ITU_D, null, GroupKind.STUDY_GROUP,
          "ITU-D Study Group 2 — Digital transformation",
          "Studies how ICTs transform economies and societies: smart cities, e-services, cybersecurity, "
              + "conformance, disaster management, environment and human exposure to EMF.",
          null, Visibility.PUBLIC, List.of(
              q("Q1/2", "Smart cities and society: ICTs for sustainable social and economic development"),
              q("Q2/2", "Enabling technologies for e-services and applications (e-health, e-education)"),
              q("Q3/2", "Securing information and communication networks: a culture of cybersecurity"),
              q("Q5/2", "Telecommunications/ICTs for disaster risk reduction and management"),
              q("Q6/2", "ICTs and the environment"))),
      new GroupSpec("SG1RGQ", Sector.ITU_D, null, GroupKind.RAPPORTEUR_GROUP,
          "ITU-D SG1 Rapporteur Group meetings (Questions 1/1 to 7/1)",
          "Rapporteur group meetings between plenaries of Study Group 1.",
          "ITU-D-SG1", Visibility.PUBLIC, List.of(
              q("Q4/1", "Economic policies and methods of determining the costs of telecommunication/ICT services"))),
      new GroupSpec("SG3RG-AFR", Sector.ITU_T, Region.AFR, GroupKind.REGIONAL_GROUP,
          "ITU-T SG3 Regional Group for Africa",
          "Tariff and accounting principles, economic and policy issues in Africa: international roaming, "
              + "OTT services, mobile money.",
          null, Visibility.PUBLIC, List.of()),
      new GroupSpec("SG5RG-ARB", Sector.ITU_T, Region.ARB, GroupKind.REGIONAL_GROUP,
          "ITU-T SG5 Regional Group for the Arab Region",
          "Environment, EMF, e-waste and the circular economy in the Arab States.",
          null, Visibility.PUBLIC, List.of()),
      new GroupSpec("SG12RG-AFR", Sector.ITU_T, Region.AFR, GroupKind.REGIONAL_GROUP,
          "ITU-T SG12 Regional Group for Africa",
          "Performance, quality of service and quality of experience of networks in Africa.",
          null, Visibility.PUBLIC, List.of()),
      new GroupSpec("SG13RG-AMS", Sector.ITU_T, Region.AMS, GroupKind.REGIONAL_GROUP,
          "ITU-T SG13 Regional Group for the Americas",
          "Future networks, cloud computing and IMT-2020 in the Americas.",
          null, Visibility.PUBLIC, List.of()),
      new GroupSpec("SG17RG-AFR", Sector.ITU_T, Region.AFR, GroupKind.REGIONAL_GROUP,
          "ITU-T SG17 Regional Group for Africa",
          "Security: drafts under discussion are shared with members only.",
          null, Visibility.RESTRICTED, List.of()),
      new GroupSpec("ECOWAS", Sector.ITU_D, Region.AFR, GroupKind.SUBREGIONAL_GROUP,
          "Economic Community of West African States — ICT harmonization group",
          "Harmonizes telecommunication/ICT policy and regulation among ECOWAS Member States.",
          null, Visibility.PUBLIC, List.of()));

  /** Who holds which role where. */
  static final Map<String, List<Seat>> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("ITU-D-SG1", List.of(r("chair", "chair"), r("vice-chair", "vice-chair"), r("rapporteur", "rapporteur"),
        r("associate-rapporteur", "associate-rapporteur"), r("expert", "member"), r("observer", "observer"),
        r("secretariat", "secretariat")));
    ROLES.put("SG1RGQ", List.of(r("chair", "chair"), r("rapporteur", "rapporteur"), r("expert", "member")));
    ROLES.put("SG3RG-AFR", List.of(r("chair", "chair"), r("rapporteur", "rapporteur"), r("expert", "member")));
    ROLES.put("SG5RG-ARB", List.of(r("rapporteur", "chair"), r("associate-rapporteur", "member")));
    ROLES.put("SG13RG-AMS", List.of(r("vice-chair", "chair")));
    ROLES.put("SG17RG-AFR", List.of(r("chair", "chair"), r("expert", "member")));
  }

  private static Question.Draft q(String number, String title) {
    return new Question.Draft(number, title);
  }

  private static Seat r(String person, String role) {
    return new Seat(person, role);
  }

  public Future<Void> load() {
    Map<String, User> people = new LinkedHashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (Person person : PEOPLE) {
      chain = chain.compose(v -> ensurePerson(person)).map(user -> {
        people.put(person.key(), user);
        return null;
      });
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    for (GroupSpec spec : GROUPS) {
      chain = chain.compose(v -> ensureGroup(spec, people.get("secretariat").toActor(), groups)).map(group -> {
        groups.put(spec.code(), group);
        return null;
      });
    }
    for (Map.Entry<String, List<Seat>> entry : ROLES.entrySet()) {
      for (Seat seat : entry.getValue()) {
        chain = chain.compose(v -> workspaces.provisionMember(groups.get(entry.getKey()).id(),
            people.get(seat.person()), WireEnum.parse(GroupRole.class, seat.role()))).mapEmpty();
      }
    }
    chain = chain.compose(v -> ensureMeeting(groups.get("SG1RGQ"), people.get("chair").toActor()))
        .compose(v -> new DemoContributions(vertx, contributions, meetings, agendas, dataDir.resolve("uploads").resolve("demo"))
            .load(groups.get("SG1RGQ"), people.get("rapporteur").toActor(), people.get("chair").toActor()));
    return chain.compose(v -> new DemoLiaisons(liaisons, people, groups).load())
        .compose(v -> loadInitiatives(people.get("secretariat").toActor()))
        .onSuccess(v -> printSignIns());
  }

  /** Regional initiatives of two WTDC cycles, the partner registry, exchange rates and projects. */
  public Future<Void> loadInitiatives(Actor secretariat) {
    return new DemoInitiatives(initiatives, workspaces, secretariat).load()
        .compose(loaded -> new DemoProjects(initiatives, secretariat, loaded).load());
  }

  /** A hybrid rapporteur group meeting two weeks ahead, with a draft agenda, so the meeting pages have life. */
  private Future<Void> ensureMeeting(Group group, Actor chair) {
    return meetings.list(chair, group.id()).compose(existing -> {
      if (!existing.isEmpty()) {
        return Future.succeededFuture();
      }
      LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(14);
      JsonObject meeting = new JsonObject()
          .put("title", "SG1 Rapporteur Group meeting on Question 4/1")
          .put("kind", "hybrid")
          .put("start", day + "T09:30").put("end", day.plusDays(2) + "T17:30")
          .put("timeZone", "Europe/Zurich")
          .put("venue", "ITU headquarters, Geneva, room K")
          .put("remoteInstructions", "Join from this page: the agenda and the speaker queue are live here. "
              + "Audio: dial in with the number sent to registered participants. "
              + "On a weak link, read documents in their light text view.")
          .put("contributionDeadline", day.minusDays(12) + "T23:59");
      return meetings.create(chair, group.id(), MeetingDraft.from(JsonInput.of(meeting)))
          .compose(created -> agendas.replace(chair, created.id(), AgendaEdit.from(JsonInput.of(
              new JsonObject().put("version", 0).put("items", new JsonArray()
                  .add(item("Opening of the meeting and adoption of the agenda"))
                  .add(item("Question 4/1: economic policies and costing of services")
                      .put("children", new JsonArray()
                          .add(item("Review of contributions on cost models for mobile broadband"))
                          .add(item("Incoming liaison statements from ITU-T SG3"))))
                  .add(item("Work plan and next meeting"))
                  .add(item("Any other business and closing")))))))
          .mapEmpty();
    });
  }

  private static JsonObject item(String title) {
    return new JsonObject().put("title", title);
  }

  private Future<User> ensurePerson(Person person) {
    return accounts.findByEmail(person.email()).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : accounts.provision(new Registration(person.email(), PASSWORD, person.name(), person.country(),
            person.affiliation()), person.roles()));
  }

  private Future<Group> ensureGroup(GroupSpec spec, Actor secretariat, Map<String, Group> created) {
    return workspaces.findByCode(spec.code()).compose(found -> {
      if (found.isPresent()) {
        return Future.succeededFuture(found.get());
      }
      String parentId = spec.parentCode() == null ? null : created.get(spec.parentCode()).id();
      return workspaces.createGroup(secretariat, new NewGroup(spec.code(), spec.sector(), spec.region(),
              spec.kind(), spec.title(), spec.mandate(), parentId, spec.visibility()))
          .compose(group -> addQuestions(secretariat, group, spec.questions()).map(group));
    });
  }

  private Future<Void> addQuestions(Actor secretariat, Group group, List<Question.Draft> questions) {
    Future<Void> chain = Future.succeededFuture();
    for (Question.Draft question : questions) {
      chain = chain.compose(v -> workspaces.addQuestion(secretariat, group.id(), question).mapEmpty());
    }
    return chain;
  }

  private static void printSignIns() {
    List<String> lines = new ArrayList<>();
    lines.add("Demo accounts (password for all: " + PASSWORD + "):");
    for (Person person : PEOPLE) {
      lines.add(String.format("  %-22s %-34s %s, %s", person.key(), person.email(), person.name(), person.country()));
    }
    System.out.println(String.join(System.lineSeparator(), lines));
  }
}
