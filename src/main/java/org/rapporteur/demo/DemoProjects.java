package org.rapporteur.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.initiative.InitiativeModule;
import org.rapporteur.initiative.Project;
import org.rapporteur.initiative.ProjectParts;
import org.rapporteur.platform.json.JsonInput;

/**
 * Twenty demo projects, through the project service: last cycle's closed with results and lessons,
 * this cycle's in pipeline or implementation. Some are alike across regions on purpose (early
 * warning in the Pacific and the Caribbean; a national cybersecurity strategy in West Africa and in
 * Central Asia; school connectivity in South-East Asia and East Africa), some share only common
 * words, so that a similarity finder has true pairs to find and false friends to rank below them.
 * A project whose code exists is left alone.
 */
final class DemoProjects {
  private final InitiativeModule module;
  private final Actor secretariat;
  private final DemoInitiatives.Loaded loaded;

  DemoProjects(InitiativeModule module, Actor secretariat, DemoInitiatives.Loaded loaded) {
    this.module = module;
    this.secretariat = secretariat;
    this.loaded = loaded;
  }

  /** One project: where it sits, what it says, and the lessons it left (closed ones). */
  record Spec(String code, String initiative, String status, Object title, Object description, Map<String, Integer> countries,
      List<Object[]> partners, String budgetCurrency, int budget, String year, List<String> sdg, List<String> wsis,
      String result, int baseline, int target, int actual, String replicatedFrom, List<String[]> lessons) {}

  static final String C22 = DemoInitiatives.LAST + "/";
  static final String C25 = DemoInitiatives.CURRENT + "/";

  static JsonObject text(String original, String... langAndValue) {
    JsonObject values = new JsonObject();
    for (int i = 0; i < langAndValue.length; i += 2) {
      values.put(langAndValue[i], langAndValue[i + 1]);
    }
    return new JsonObject().put("original", original).put("values", values);
  }

  static List<Object[]> parts(Object[]... partners) {
    return java.util.Arrays.asList(partners);
  }

  static List<String[]> lessons(String[]... lessons) {
    return java.util.Arrays.asList(lessons);
  }

  static final List<Spec> PROJECTS = List.of(
      new Spec("9RAS10001-01", C22 + "ASP2", "closed", "Early warning system for disasters in Pacific island States",
          "Multi-hazard early warning over mobile networks and community radio for cyclones and tsunamis, with "
              + "national emergency telecommunication plans, in Fiji, Tonga and Vanuatu.",
          Map.of("FJ", 40, "TO", 30, "VU", 30), parts(new Object[] {"PITA", "implementing", "in-kind", 40000, "AUD"},
              new Object[] {"MIC", "funding", "cash", 60000000, "JPY"}), "USD", 650000, "2023",
          List.of("13.1", "1.5", "9.1"), List.of("C2", "C7"), "Cell broadcast alerts operational", 0, 3, 3, null,
          lessons(new String[] {"Cell broadcast reached remote islands faster than SMS; drills with communities made "
              + "people trust the alerts.", "Satellite back-up links were ordered too late for the first cyclone season.",
              "A national emergency telecommunication plan and an agreement with every mobile operator on alert "
                  + "formats; community radio for islands without coverage."})),
      new Spec("9RAF10002-01", C22 + "AFR3", "closed",
          text("fr", "fr", "Stratégie nationale de cybersécurité en Afrique de l'Ouest",
              "en", "National cybersecurity strategy in West Africa"),
          text("fr", "fr", "Appui à l'élaboration de stratégies nationales de cybersécurité et à la création d'équipes "
              + "nationales de réponse aux incidents (CIRT) au Sénégal, en Gambie et en Guinée-Bissau.",
              "en", "Support for national cybersecurity strategies and national computer incident response teams "
                  + "(CIRTs) in Senegal, the Gambia and Guinea-Bissau."),
          Map.of("SN", 50, "GM", 25, "GW", 25), parts(new Object[] {"ECOWAS", "funding", "cash", 150000000, "XOF"},
              new Object[] {"ESMT", "implementing", "in-kind", 20000, "XOF"}), "USD", 420000, "2023",
          List.of("16.a", "9.c"), List.of("C5"), "National CIRTs in operation", 0, 3, 2, null,
          lessons(new String[] {"A national CIRT assessment first gave each ministry a shared picture of the gaps.",
              "Staff trained abroad left for the private sector within a year.",
              "A legal basis for the CIRT and a budget line before training staff; a regional peer network "
                  + "(such as WATRA's) to keep skills."})),
      new Spec("9RAF10003-01", C22 + "AFR1", "closed", "National digital transformation strategies in East Africa",
          "Policy support for national digital transformation strategies and action plans with digital KPIs in "
              + "Rwanda, Kenya and Uganda.",
          Map.of("RW", 34, "KE", 33, "UG", 33), parts(new Object[] {"EAC", "accountable", "cash", 100000, "USD"},
              new Object[] {"AfDB", "funding", "cash", 250000, "USD"}), "USD", 500000, "2023",
          List.of("9.c", "17.8"), List.of("C1", "C6"), "Strategies adopted with KPIs", 0, 3, 3, null,
          lessons(new String[] {"Digital KPIs agreed with the statistics office were measured on time.",
              "Strategies written by consultants alone were not owned by the ministries.",
              "A steering committee chaired by the head of government's office and a national statistics partner."})),
      new Spec("9RAM10004-01", C22 + "AMS2", "closed", "Spectrum management training for Central America",
          "Training of regulators' engineers in spectrum monitoring and planning for the transition to digital "
              + "television.",
          Map.of("GT", 25, "HN", 25, "SV", 25, "NI", 25), parts(new Object[] {"CITEL", "implementing", "in-kind",
              30000, "USD"}), "USD", 180000, "2024", List.of("4.4", "9.c"), List.of("C4", "C2"),
          "Engineers certified", 0, 60, 72, null,
          lessons(new String[] {"Hands-on monitoring exercises with real equipment.", "Online modules had low completion.",
              "Monitoring equipment on loan and a regional regulators' network to host the course."})),
      new Spec("9RAR10005-01", C22 + "ARB1", "closed",
          text("ar", "ar", "إطار تنظيمي عربي للنفايات الإلكترونية", "en", "Arab regulatory framework for e-waste"),
          text("ar", "ar", "وضع إطار تنظيمي للنفايات الإلكترونية وجمع البيانات في الدول العربية.",
              "en", "A regulatory framework and data collection on e-waste in the Arab States."),
          Map.of("EG", 40, "JO", 30, "TN", 30), parts(new Object[] {"AICTO", "implementing", "cash", 80000, "USD"}),
          "USD", 300000, "2024", List.of("12.5", "11.6"), List.of("C7"), "E-waste statistics published", 0, 3, 3, null,
          lessons(new String[] {"Regional data templates made national e-waste statistics comparable.",
              "Informal collectors were not consulted at first.", "A national e-waste inventory and the informal sector "
                  + "at the table from the start."})),
      new Spec("9RCI10006-01", C22 + "CIS2", "closed", "Child online protection in the CIS region",
          "National child online protection frameworks and awareness campaigns for parents and teachers.",
          Map.of("AM", 50, "KZ", 50), parts(new Object[] {"RCC", "implementing", "in-kind", 25000, "EUR"}), "USD",
          200000, "2024", List.of("16.2", "4.4"), List.of("C5", "C10"), "Teachers trained", 0, 500, 640, null,
          lessons(new String[] {"Campaign material in national languages reached many parents.",
              "Platforms answered takedown requests slowly.", "A national helpline and agreements with platforms."})),
      new Spec("9REU10007-01", C22 + "EUR1", "closed", "Broadband mapping in the Western Balkans",
          "Open broadband coverage maps to target public funding for rural broadband.",
          Map.of("AL", 25, "BA", 25, "ME", 25, "MK", 25), parts(new Object[] {"EU", "funding", "cash", 300000, "EUR"},
              new Object[] {"BEREC", "extending", "in-kind", 20000, "EUR"}), "EUR", 400000, "2025",
          List.of("9.1", "9.c"), List.of("C2"), "National maps online", 0, 4, 4, null,
          lessons(new String[] {"Operators' data shared under a regulator's confidentiality rules.",
              "Crowdsourced speed tests were too few in rural areas.", "A legal duty for operators to report coverage."})),
      new Spec("9RAS10008-01", C22 + "ASP1", "closed", "School connectivity in Lao PDR and Cambodia",
          "Connecting rural schools to broadband with mapping of schools, aggregated demand and teacher training.",
          Map.of("LA", 50, "KH", 50), parts(new Object[] {"MSIT", "funding", "cash", 500000, "USD"},
              new Object[] {"APT", "implementing", "in-kind", 30000, "USD"}), "USD", 900000, "2025",
          List.of("4.a", "9.c"), List.of("C2", "C7"), "Schools connected", 0, 200, 236, null,
          lessons(new String[] {"Mapping schools first and aggregating their demand cut prices by a third.",
              "Solar power was missing in a quarter of the schools.", "A school map, a universal service fund that "
                  + "pays for schools, and power before connectivity."})),
      new Spec("9RAF10009-01", C22 + "AFR2", "closed", "Digital skills for women and girls in East Africa",
          "Coding camps and digital literacy training for girls and women entrepreneurs.",
          Map.of("TZ", 50, "KE", 50), parts(new Object[] {"AFRALTI", "implementing", "in-kind", 1000000, "KES"}),
          "USD", 150000, "2024", List.of("5.b", "4.4"), List.of("C4"), "Women and girls trained", 0, 2000, 2450, null,
          lessons(new String[] {"Mentors from local companies kept participants coming.", "Rural girls lacked devices.",
              "Device lending and training in local languages."})),
      new Spec("9RAM10010-01", C22 + "AMS1", "closed",
          text("es", "es", "Aldeas inteligentes en los Andes", "en", "Smart villages in the Andes"),
          text("es", "es", "Conectividad comunitaria y servicios digitales de salud y educación en aldeas andinas.",
              "en", "Community connectivity and digital health and education services in Andean villages."),
          Map.of("PE", 50, "BO", 50), parts(new Object[] {"CITEL", "accountable", "cash", 50000, "USD"}), "USD",
          250000, "2025", List.of("9.c", "3.8"), List.of("C7", "C3"), "Villages with services", 0, 10, 8, null,
          lessons(new String[] {"Community ownership of the network.", "Health services needed staff the villages did "
              + "not have.", "A local operator licence for communities."})),
      new Spec("9RAM20011-01", C25 + "AMS3", "implementation", "Early warning system for disasters in Caribbean island States",
          "Multi-hazard early warning for hurricanes over mobile networks (cell broadcast) and community radio, with "
              + "national emergency telecommunication plans, in Jamaica, Dominica and Saint Lucia.",
          Map.of("JM", 40, "DM", 30, "LC", 30), parts(new Object[] {"CTU", "implementing", "in-kind", 30000, "USD"},
              new Object[] {"WB", "funding", "cash", 400000, "USD"}), "USD", 700000, "2026",
          List.of("13.1", "1.5"), List.of("C2", "C7"), "Cell broadcast alerts operational", 0, 3, 1, "9RAS10001-01",
          List.of()),
      new Spec("9RCI20012-01", C25 + "CIS3", "implementation",
          text("ru", "ru", "Национальная стратегия кибербезопасности в Центральной Азии",
              "en", "National cybersecurity strategy in Central Asia"),
          text("ru", "ru", "Поддержка национальных стратегий кибербезопасности и создания национальных групп реагирования "
              + "на компьютерные инциденты в Кыргызстане и Таджикистане.",
              "en", "Support for national cybersecurity strategies and national computer incident response teams "
                  + "in Kyrgyzstan and Tajikistan."),
          Map.of("KG", 50, "TJ", 50), parts(new Object[] {"RCC", "implementing", "in-kind", 20000, "EUR"}), "USD",
          380000, "2026", List.of("16.a"), List.of("C5"), "National CIRTs in operation", 0, 2, 0, null, List.of()),
      new Spec("9RAF20013-01", C25 + "AFR4", "implementation", "School connectivity in Kenya and Rwanda",
          "Connecting rural schools to broadband: school mapping, demand aggregation with the universal service fund "
              + "and teacher training.",
          Map.of("KE", 60, "RW", 40), parts(new Object[] {"AfDB", "funding", "cash", 600000, "USD"},
              new Object[] {"ATU", "implementing", "in-kind", 30000, "USD"}), "USD", 1200000, "2026",
          List.of("4.a", "9.c"), List.of("C2", "C7"), "Schools connected", 0, 300, 40, "9RAS10008-01", List.of()),
      new Spec("9RAF20014-01", C25 + "AFR1", "pipeline", "Digital economy indicators for Africa",
          "Measuring the digital economy: a common set of digital KPIs and national statistics.",
          Map.of("SN", 50, "CI", 50), parts(new Object[] {"ATU", "accountable", "in-kind", 10000, "USD"}), "USD",
          200000, "2026", List.of("17.8"), List.of("C1"), "KPIs published", 0, 2, 0, null, List.of()),
      new Spec("9RAR20015-01", C25 + "ARB2", "pipeline", "Arab regional cybersecurity exercises",
          "Regional cyber drills for national incident response teams of the Arab States.",
          Map.of("OM", 50, "MA", 50), parts(new Object[] {"AICTO", "implementing", "cash", 50000, "USD"}), "USD",
          250000, "2026", List.of("16.a"), List.of("C5"), "Drills held", 0, 2, 0, null, List.of()),
      new Spec("9REU20016-01", C25 + "EUR2", "implementation", "Digital accessibility for persons with disabilities",
          "Accessible public websites and procurement rules for accessible ICT in Eastern Europe.",
          Map.of("MD", 50, "UA", 50), parts(new Object[] {"EaPeReg", "implementing", "in-kind", 15000, "EUR"}), "USD",
          180000, "2026", List.of("10.2", "9.c"), List.of("C3", "C10"), "Public websites made accessible", 0, 50, 12,
          null, List.of()),
      new Spec("9RAS20017-01", C25 + "ASP4", "pipeline", "Satellite broadband spectrum for Pacific islands",
          "Spectrum planning and licensing for satellite broadband to remote Pacific islands.",
          Map.of("KI", 50, "TV", 50), parts(new Object[] {"PITA", "implementing", "in-kind", 10000, "AUD"}), "USD",
          150000, "2026", List.of("9.1"), List.of("C2"), "Licences granted", 0, 2, 0, null, List.of()),
      new Spec("9RAM20018-01", C25 + "AMS1", "implementation", "Community networks for rural connectivity",
          "Licensing and support for community-operated networks in rural Latin America.",
          Map.of("MX", 50, "CO", 50), parts(new Object[] {"CITEL", "extending", "in-kind", 20000, "USD"}), "USD",
          300000, "2026", List.of("9.c"), List.of("C2"), "Community networks licensed", 0, 10, 3, "9RAM10010-01",
          List.of()),
      new Spec("9RCI20019-01", C25 + "CIS1", "pipeline", "Digital skills training for youth in the CIS",
          "Training in coding and digital entrepreneurship for young people.",
          Map.of("UZ", 50, "AZ", 50), parts(new Object[] {"RCC", "implementing", "in-kind", 10000, "CHF"}), "USD",
          120000, "2026", List.of("4.4", "8.6"), List.of("C4"), "Young people trained", 0, 1000, 0, null, List.of()),
      new Spec("9REU20020-01", C25 + "EUR4", "pipeline", "E-waste and circular economy in the Eastern Partnership",
          "E-waste statistics and extended producer responsibility rules.",
          Map.of("GE", 50, "AM", 50), parts(new Object[] {"EU", "funding", "cash", 200000, "EUR"}), "EUR", 250000,
          "2026", List.of("12.5"), List.of("C7"), "E-waste statistics published", 0, 2, 0, null, List.of()));

  Future<Void> load() {
    Future<Void> chain = Future.succeededFuture();
    for (Spec spec : PROJECTS) {
      chain = chain.compose(v -> module.projects().findByCode(spec.code())).compose(found -> found.isPresent()
          ? Future.succeededFuture() : create(spec));
    }
    return chain;
  }

  private Future<Void> create(Spec s) {
    Future<String> source = s.replicatedFrom() == null ? Future.succeededFuture(null)
        : module.projects().findByCode(s.replicatedFrom()).map(found -> found.map(Project::id).orElse(null));
    return source.compose(sourceId -> module.projects().create(secretariat,
            Project.Draft.read(JsonInput.of(body(s, sourceId)), module.codes(), module.config(), true)))
        .compose(project -> lessons(project, s));
  }

  private JsonObject body(Spec s, String sourceId) {
    boolean closed = s.status().equals("closed");
    String start = s.year() + "-01-15";
    int years = closed ? 2 : 3;
    JsonArray countries = new JsonArray();
    s.countries().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> countries.add(new JsonObject().put("code", e.getKey()).put("share", e.getValue())));
    JsonArray partners = new JsonArray();
    for (Object[] p : s.partners()) {
      partners.add(new JsonObject().put("partnerId", loaded.partners().get((String) p[0]).id()).put("role", p[1])
          .put("contributions", new JsonArray().add(new JsonObject().put("kind", p[2]).put("amount", p[3])
              .put("currency", p[4]).put("date", s.year() + "-03-01"))));
    }
    int baseYear = Integer.parseInt(s.year()) - 1;
    JsonArray actuals = new JsonArray().add(new JsonObject().put("year", Integer.parseInt(s.year()))
        .put("value", s.actual()));
    JsonObject body = new JsonObject()
        .put("code", s.code())
        .put("initiativeIds", new JsonArray().add(loaded.initiatives().get(s.initiative()).id()))
        .put("title", s.title())
        .put("description", s.description())
        .put("status", s.status())
        .put("dates", closed
            ? new JsonObject().put("plannedStart", start).put("plannedEnd", (Integer.parseInt(s.year()) + years) + "-06-30")
                .put("actualStart", start).put("actualEnd", (Integer.parseInt(s.year()) + 1) + "-12-15")
            : new JsonObject().put("plannedStart", start).put("plannedEnd", (Integer.parseInt(s.year()) + years) + "-12-31"))
        .put("countries", countries)
        .put("partners", partners)
        .put("budget", new JsonObject().put("amount", s.budget()).put("currency", s.budgetCurrency())
            .put("date", start))
        .put("expenditure", closed ? new JsonArray().add(new JsonObject().put("year", Integer.parseInt(s.year()))
            .put("amount", s.budget() / 2).put("currency", s.budgetCurrency()))
            .add(new JsonObject().put("year", Integer.parseInt(s.year()) + 1).put("amount", s.budget() / 2 - 10000)
                .put("currency", s.budgetCurrency())) : new JsonArray())
        .put("results", new JsonArray().add(new JsonObject().put("title", s.result())
            .put("indicators", new JsonArray().add(new JsonObject().put("name", s.result())
                .put("baseline", new JsonObject().put("value", s.baseline()).put("year", baseYear))
                .put("target", s.target()).put("targetYear", Integer.parseInt(s.year()) + years)
                .put("actuals", s.status().equals("pipeline") ? new JsonArray() : actuals)))))
        .put("sdgTargets", new JsonArray(s.sdg()))
        .put("wsisLines", new JsonArray(s.wsis()))
        .put("seekingPartners", !closed)
        .put("replicable", closed)
        .put("published", true);
    if (sourceId != null) {
      body.put("replicatedFrom", sourceId);
    }
    return body;
  }

  private Future<Void> lessons(Project project, Spec s) {
    Future<Void> chain = Future.succeededFuture();
    for (String[] lesson : s.lessons()) {
      JsonObject body = new JsonObject().put("worked", lesson[0]).put("didNotWork", lesson[1])
          .put("toReplicate", lesson[2]);
      chain = chain.compose(v -> module.projects().addLesson(secretariat, project.id(),
          ProjectParts.Lesson.read(JsonInput.of(body), module.config().maxTextLength())).mapEmpty());
    }
    return chain;
  }
}
