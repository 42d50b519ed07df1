package org.rapporteur.initiative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.json.MongoTime;
import org.rapporteur.platform.json.WireEnum;
import org.rapporteur.platform.mongo.Ids;
import org.rapporteur.workspace.Region;

/**
 * A body the platform works with outside its groups: a regional telecommunication organization, a
 * regulators' network, a financial institution, a Member State... One registry, used by projects
 * (partners) and by liaison statements (addressees).
 */
public record PartnerOrganization(String id, String name, String acronym, PartnerKind kind, String organisationType,
    List<Region> regions, List<String> countries, List<Contact> contacts, String website, Instant createdAt,
    Instant updatedAt) {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  public record Contact(String name, String email, String role) {
    JsonObject toJson() {
      return new JsonObject().put("name", name).put("email", email).put("role", role);
    }

    static Contact fromJson(JsonObject j) {
      return new Contact(j.getString("name"), j.getString("email"), j.getString("role"));
    }
  }

  /** What a create or change sends; null fields are left as they are. */
  public record Draft(String name, String acronym, PartnerKind kind, String organisationType, List<Region> regions,
      List<String> countries, List<Contact> contacts, String website) {

    public static Draft read(JsonInput in, CodeLists codes, InitiativesConfig config, boolean create) {
      String name = create ? in.requiredString("name", 300) : in.optionalString("name", 300);
      String acronym = in.optionalString("acronym", 40);
      PartnerKind kind = create ? in.requiredChoice("kind", PartnerKind.class) : in.optionalChoice("kind", PartnerKind.class);
      String type = create ? in.requiredString("organisationType", 3) : in.optionalString("organisationType", 3);
      if (type != null && !codes.isOrganisationType(type)) {
        in.fail("organisationType", "is not an IATI organisation type code such as 40 (multilateral)");
      }
      List<Region> regions = null;
      if (in.has("regions")) {
        List<String> names = in.stringList("regions", 6, 3);
        regions = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
          Region region = WireEnum.parse(Region.class, names.get(i));
          if (region == null) {
            in.fail("regions[" + i + "]", "must be one of AFR, AMS, ARB, ASP, CIS, EUR");
          } else {
            regions.add(region);
          }
        }
      }
      List<String> countries = null;
      if (in.has("countries")) {
        countries = in.stringList("countries", 260, 2);
        for (int i = 0; i < countries.size(); i++) {
          if (!codes.isCountry(countries.get(i))) {
            in.fail("countries[" + i + "]", "is not an ISO 3166-1 alpha-2 country code");
          }
        }
      }
      List<Contact> contacts = in.has("contacts") ? in.objectList("contacts", config.maxListItems(), c -> {
        String contactName = c.requiredString("name", 200);
        String email = c.optionalMatching("email", EMAIL, "must be an e-mail address");
        return new Contact(contactName, email, c.optionalString("role", 200));
      }) : null;
      String website = in.optionalMatching("website", Pattern.compile("https?://[^\\s]{1,300}"),
          "must be an http or https address");
      in.done();
      return new Draft(name, acronym, kind, type, regions, countries, contacts, website);
    }
  }

  static PartnerOrganization create(Draft d, Instant now) {
    return new PartnerOrganization(Ids.newId(), d.name(), d.acronym(), d.kind(), d.organisationType(),
        or(d.regions(), List.of()), or(d.countries(), List.of()), or(d.contacts(), List.of()), d.website(), now, now);
  }

  PartnerOrganization apply(Draft d, Instant now) {
    return new PartnerOrganization(id, or(d.name(), name), or(d.acronym(), acronym), or(d.kind(), kind),
        or(d.organisationType(), organisationType), or(d.regions(), regions), or(d.countries(), countries),
        or(d.contacts(), contacts), or(d.website(), website), createdAt, now);
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  JsonObject toDocument() {
    return new JsonObject()
        .put("_id", id)
        .put("name", name)
        .put("nameKey", name.toLowerCase(java.util.Locale.ROOT))
        .put("acronym", acronym)
        .put("kind", kind.wire())
        .put("organisationType", organisationType)
        .put("regions", new JsonArray(regions.stream().map(Region::wire).toList()))
        .put("countries", new JsonArray(countries))
        .put("contacts", new JsonArray(contacts.stream().map(Contact::toJson).toList()))
        .put("website", website)
        .put("createdAt", MongoTime.of(createdAt))
        .put("updatedAt", MongoTime.of(updatedAt));
  }

  static PartnerOrganization fromDocument(JsonObject doc) {
    return new PartnerOrganization(doc.getString("_id"), doc.getString("name"), doc.getString("acronym"),
        WireEnum.parse(PartnerKind.class, doc.getString("kind")), doc.getString("organisationType"),
        RegionalInitiative.strings(doc.getJsonArray("regions")).stream()
            .map(r -> WireEnum.parse(Region.class, r)).toList(),
        RegionalInitiative.strings(doc.getJsonArray("countries")),
        doc.getJsonArray("contacts", new JsonArray()).stream().map(c -> Contact.fromJson((JsonObject) c)).toList(),
        doc.getString("website"), MongoTime.read(doc, "createdAt"), MongoTime.read(doc, "updatedAt"));
  }

  /** Contacts are people's addresses: only signed-in readers get them. */
  public JsonObject toJson(boolean withContacts) {
    JsonObject json = toDocument();
    json.remove("_id");
    json.remove("nameKey");
    if (!withContacts) {
      json.remove("contacts");
    }
    return json.put("id", id).put("createdAt", createdAt.toString()).put("updatedAt", updatedAt.toString());
  }
}
