package org.rapporteur.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.initiative.InitiativeModule;
import org.rapporteur.initiative.PartnerOrganization;
import org.rapporteur.initiative.RegionalInitiative;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.workspace.Group;
import org.rapporteur.workspace.WorkspaceService;

/**
 * Resolution 17 demo data, through the services: the partner registry, monthly exchange rates for
 * 2023 to 2026, and the five initiatives per region of the last cycle (WTDC-22, Kigali) and of the
 * current one (WTDC-25, Baku). AFR1's title and objective are the real ones; the others are
 * illustrative, built on the themes every region comes back to. Whatever exists is left alone.
 */
final class DemoInitiatives {
  static final String LAST = "WTDC-22";
  static final String CURRENT = "WTDC-25";

  private final InitiativeModule module;
  private final WorkspaceService workspaces;
  private final Actor secretariat;

  DemoInitiatives(InitiativeModule module, WorkspaceService workspaces, Actor secretariat) {
    this.module = module;
    this.workspaces = workspaces;
    this.secretariat = secretariat;
  }

  record PartnerSpec(String name, String acronym, String kind, String type, List<String> regions,
      List<String> countries) {}

  static final List<PartnerSpec> PARTNERS = List.of(
      p("African Telecommunications Union", "ATU", "regional-telecom-organization", "40", "AFR", "KE"),
      p("Inter-American Telecommunication Commission", "CITEL", "regional-telecom-organization", "40", "AMS", "US"),
      p("Arab Spectrum Management Group", "ASMG", "regional-telecom-organization", "40", "ARB", "EG"),
      p("Arab ICT Organization", "AICTO", "regional-telecom-organization", "40", "ARB", "TN"),
      p("Asia-Pacific Telecommunity", "APT", "regional-telecom-organization", "40", "ASP", "TH"),
      p("Regional Commonwealth in the Field of Communications", "RCC", "regional-telecom-organization", "40", "CIS", "RU"),
      p("European Conference of Postal and Telecommunications Administrations", "CEPT",
          "regional-telecom-organization", "40", "EUR", "DK"),
      p("Caribbean Telecommunications Union", "CTU", "regional-telecom-organization", "40", "AMS", "TT"),
      p("Pacific Islands Telecommunications Association", "PITA", "regional-telecom-organization", "23", "ASP", "FJ"),
      p("Economic Community of West African States", "ECOWAS", "regional-economic-community", "40", "AFR", "NG"),
      p("Southern African Development Community", "SADC", "regional-economic-community", "40", "AFR", "BW"),
      p("East African Community", "EAC", "regional-economic-community", "40", "AFR", "TZ"),
      p("Association of Southeast Asian Nations", "ASEAN", "regional-economic-community", "40", "ASP", "ID"),
      p("Caribbean Community", "CARICOM", "regional-economic-community", "40", "AMS", "GY"),
      p("West Africa Telecommunications Regulators Assembly", "WATRA", "regulators-network", "40", "AFR", "NG"),
      p("Communications Regulators' Association of Southern Africa", "CRASA", "regulators-network", "40", "AFR", "NA"),
      p("Arab Regulators Network", "AREGNET", "regulators-network", "40", "ARB", "AE"),
      p("Body of European Regulators for Electronic Communications", "BEREC", "regulators-network", "40", "EUR", "LV"),
      p("Eastern Partnership Electronic Communications Regulators Network", "EaPeReg", "regulators-network", "40",
          "EUR", "GE"),
      p("World Bank", "WB", "financial-institution", "40", null, "US"),
      p("African Development Bank", "AfDB", "financial-institution", "40", "AFR", "CI"),
      p("European Union", "EU", "financial-institution", "40", "EUR", "BE"),
      p("African Advanced Level Telecommunications Institute", "AFRALTI", "training-institution", "80", "AFR", "KE"),
      p("Ecole Supérieure Multinationale des Télécommunications", "ESMT", "training-institution", "80", "AFR", "SN"),
      p("Republic of Korea, Ministry of Science and ICT", "MSIT", "member-state", "10", "ASP", "KR"),
      p("Japan, Ministry of Internal Affairs and Communications", "MIC", "member-state", "10", "ASP", "JP"));

  private static PartnerSpec p(String name, String acronym, String kind, String type, String region, String country) {
    return new PartnerSpec(name, acronym, kind, type, region == null ? List.of() : List.of(region), List.of(country));
  }

  /** Units per US dollar, one set per year, used for every month of that year. */
  static final Map<Integer, Map<String, Double>> RATES = Map.of(
      2023, Map.of("EUR", 0.93, "CHF", 0.90, "XOF", 608.0, "JPY", 140.0, "AUD", 1.50, "KES", 140.0),
      2024, Map.of("EUR", 0.92, "CHF", 0.88, "XOF", 605.0, "JPY", 151.0, "AUD", 1.52, "KES", 130.0),
      2025, Map.of("EUR", 0.90, "CHF", 0.85, "XOF", 590.0, "JPY", 148.0, "AUD", 1.55, "KES", 129.0),
      2026, Map.of("EUR", 0.86, "CHF", 0.80, "XOF", 565.0, "JPY", 150.0, "AUD", 1.53, "KES", 129.0));

  /** Region → the five initiative titles (AFR1 real, the others illustrative). */
  static final Map<String, List<String>> THEMES = new LinkedHashMap<>();

  static {
    THEMES.put("AFR", List.of(
        "Supporting digital transformation to usher in a rapid transition to a digital economy while accelerating "
            + "innovation in Africa",
        "Digital inclusion and skills for women, girls, youth and persons with disabilities in Africa",
        "Building confidence and security in the use of ICTs in Africa",
        "Broadband infrastructure and meaningful connectivity for rural and remote areas of Africa",
        "Emergency telecommunications, environment and climate in Africa"));
    THEMES.put("AMS", List.of(
        "Meaningful connectivity for rural communities in the Americas",
        "Spectrum management and the transition to digital broadcasting in the Americas",
        "Disaster risk reduction and emergency telecommunications in the Americas and the Caribbean",
        "Digital inclusion of persons with disabilities and older persons in the Americas",
        "Affordable access and enabling regulatory frameworks in the Americas"));
    THEMES.put("ARB", List.of(
        "Environment, e-waste and climate change in the Arab States",
        "Cybersecurity and trust in the Arab States",
        "Digital transformation and smart cities in the Arab States",
        "Innovation ecosystems and entrepreneurship in the Arab States",
        "Digital inclusion and skills in the Arab States"));
    THEMES.put("ASP", List.of(
        "Broadband infrastructure for rural and remote areas of Asia and the Pacific",
        "Emergency telecommunications and disaster risk reduction for small island developing States",
        "Digital skills and capacity building in Asia and the Pacific",
        "Spectrum management and satellite connectivity in Asia and the Pacific",
        "Innovation and digital transformation in Asia and the Pacific"));
    THEMES.put("CIS", List.of(
        "Digital skills for youth in the CIS region",
        "Child online protection and trust in the CIS region",
        "Cybersecurity capacity in the CIS region",
        "Smart cities and communities in the CIS region",
        "Broadband infrastructure and connectivity in the CIS region"));
    THEMES.put("EUR", List.of(
        "Meaningful broadband connectivity in Europe",
        "Accessibility and digital inclusion in Europe",
        "Innovation ecosystems in Europe",
        "Environment, e-waste and the circular economy in Europe",
        "Trust and cybersecurity in Europe"));
  }

  /** Partners by acronym, initiatives by {@code cycle/code}. */
  record Loaded(Map<String, PartnerOrganization> partners, Map<String, RegionalInitiative> initiatives) {}

  Future<Loaded> load() {
    Map<String, PartnerOrganization> partners = new LinkedHashMap<>();
    Map<String, RegionalInitiative> initiatives = new LinkedHashMap<>();
    Future<Void> chain = rates();
    for (PartnerSpec spec : PARTNERS) {
      chain = chain.compose(v -> ensurePartner(spec)).map(p -> {
        partners.put(spec.acronym(), p);
        return null;
      });
    }
    chain = chain.compose(v -> workspaces.allGroups()).compose(groups -> {
      Future<Void> inner = Future.succeededFuture();
      for (String cycle : List.of(LAST, CURRENT)) {
        for (Map.Entry<String, List<String>> region : THEMES.entrySet()) {
          for (int i = 0; i < 5; i++) {
            String code = region.getKey() + (i + 1);
            String title = region.getValue().get(i);
            inner = inner.compose(v -> ensureInitiative(cycle, region.getKey(), code, title, groups))
                .map(found -> {
                  initiatives.put(cycle + "/" + code, found);
                  return null;
                });
          }
        }
      }
      return inner;
    });
    return chain.map(v -> new Loaded(partners, initiatives));
  }

  private Future<Void> rates() {
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<Integer, Map<String, Double>> year : RATES.entrySet()) {
      for (int month = 1; month <= 12; month++) {
        String key = String.format("%04d-%02d", year.getKey(), month);
        chain = chain.compose(v -> module.rates().month(key).<Void>mapEmpty()
            .recover(missing -> module.rates().put(secretariat, key, year.getValue()).mapEmpty()));
      }
    }
    return chain;
  }

  private Future<PartnerOrganization> ensurePartner(PartnerSpec spec) {
    return module.partners().findByName(spec.name()).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : module.partners().create(secretariat, PartnerOrganization.Draft.read(JsonInput.of(new JsonObject()
            .put("name", spec.name()).put("acronym", spec.acronym()).put("kind", spec.kind())
            .put("organisationType", spec.type()).put("regions", new JsonArray(spec.regions()))
            .put("countries", new JsonArray(spec.countries()))
            .put("contacts", new JsonArray().add(new JsonObject().put("name", "Focal point for ITU-D")
                .put("email", "itu-d@" + spec.acronym().toLowerCase() + ".example")))),
            module.codes(), module.config(), true)));
  }

  private Future<RegionalInitiative> ensureInitiative(String cycle, String region, String code, String title,
      List<Group> groups) {
    return module.initiatives().findByCode(cycle, code).compose(found -> {
      if (found.isPresent()) {
        return Future.succeededFuture(found.get());
      }
      JsonObject body = new JsonObject().put("region", region).put("cycle", cycle).put("code", code)
          .put("title", title).put("objective", objective(code, title))
          .put("expectedResults", results(code))
          .put("questions", new JsonArray(questions(code)))
          .put("groupIds", new JsonArray(groups.stream().filter(g -> g.region() != null
              && g.region().wire().equals(region)).map(Group::id).toList()));
      return module.initiatives().create(secretariat, RegionalInitiative.Draft.read(JsonInput.of(body),
          module.config(), true));
    });
  }

  private static String objective(String code, String title) {
    if (code.equals("AFR1")) {
      return "To help Member States of the region reap the benefits of digital transformation by addressing policy "
          + "and regulatory challenges and formulating strategies for digital technologies across the economy.";
    }
    return "To assist Member States of the region in: " + Character.toLowerCase(title.charAt(0)) + title.substring(1)
        + " (illustrative objective for the demo).";
  }

  private static JsonArray results(String code) {
    List<String> texts = code.equals("AFR1")
        ? List.of("National digital transformation strategies and action plans with digital KPIs",
            "Research on the digitalization of industries",
            "Partnerships to exchange best practice among Member States")
        : List.of("Policy and regulatory guidelines adopted by Member States",
            "Capacity built in the institutions concerned",
            "Regional partnerships and shared best practice");
    return new JsonArray(texts.stream().map(t -> new JsonObject().put("text", t)).toList());
  }

  private static List<String> questions(String code) {
    return switch (code.substring(3)) {
      case "1" -> List.of("Q1/1", "Q1/2");
      case "2" -> List.of("Q7/1");
      case "3" -> List.of("Q3/2");
      case "4" -> List.of("Q5/1");
      default -> List.of("Q5/2", "Q6/2");
    };
  }

  static Optional<RegionalInitiative> find(Loaded loaded, String cycleAndCode) {
    return Optional.ofNullable(loaded.initiatives().get(cycleAndCode));
  }
}
