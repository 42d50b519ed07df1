package org.rapporteur.initiative;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.rapporteur.initiative.ProjectParts.ContributionKind;
import org.rapporteur.initiative.ProjectParts.Dates;

/**
 * Published projects as an IATI 2.03 {@code iati-activities} file. Codes are IATI's: activity status
 * and organisation role as the project stores them, organisation type from the partner registry,
 * activity date types 1-4, transaction types 1 (incoming funds: partners' cash and in-kind
 * contributions, the kind named in the description) and 4 (expenditure), budget type 1 (original),
 * tag vocabulary 3 (SDG targets) and 99 (the reporting organisation's own: WSIS action lines).
 * The project data holds no firm commitments, so no commitment transactions are written.
 * Blocking: call on a worker.
 */
final class IatiActivitiesXml {
  static final String WSIS_URI = "https://www.itu.int/net/wsis/docs/geneva/official/poa.html";
  static final Map<String, String> WSIS_LINES = Map.ofEntries(
      Map.entry("C1", "The role of public governance authorities and all stakeholders in the promotion of ICTs for development"),
      Map.entry("C2", "Information and communication infrastructure"),
      Map.entry("C3", "Access to information and knowledge"),
      Map.entry("C4", "Capacity building"),
      Map.entry("C5", "Building confidence and security in the use of ICTs"),
      Map.entry("C6", "Enabling environment"),
      Map.entry("C7", "ICT applications"),
      Map.entry("C8", "Cultural diversity and identity, linguistic diversity and local content"),
      Map.entry("C9", "Media"),
      Map.entry("C10", "Ethical dimensions of the Information Society"),
      Map.entry("C11", "International and regional cooperation"));
  private static final String MULTILATERAL = "40";

  private final XMLStreamWriter xml;
  private final ReportsConfig config;
  private final Map<String, PartnerOrganization> partners;
  private final LocalDate today;

  private IatiActivitiesXml(XMLStreamWriter xml, ReportsConfig config, Map<String, PartnerOrganization> partners,
      Instant now) {
    this.xml = xml;
    this.config = config;
    this.partners = partners;
    this.today = now.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** Whether a project can be an IATI activity: IATI needs at least one activity date. */
  static boolean exportable(Project p) {
    Dates d = p.dates();
    return p.published() && (d.plannedStart() != null || d.actualStart() != null || d.plannedEnd() != null
        || d.actualEnd() != null);
  }

  static byte[] write(List<Project> projects, Map<String, PartnerOrganization> partners, ReportsConfig config,
      Instant now) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("iati-activities");
      xml.writeAttribute("version", "2.03");
      xml.writeAttribute("generated-datetime", now.truncatedTo(ChronoUnit.SECONDS).toString());
      IatiActivitiesXml writer = new IatiActivitiesXml(xml, config, partners, now);
      for (Project p : projects) {
        writer.activity(p);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("The IATI file could not be written", e);
    }
    return out.toByteArray();
  }

  private void activity(Project p) throws XMLStreamException {
    xml.writeStartElement("iati-activity");
    xml.writeAttribute("last-updated-datetime", p.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
    xml.writeAttribute("xml:lang", p.title().original());
    element("iati-identifier", config.iatiReportingOrg() + "-" + p.code());
    xml.writeStartElement("reporting-org");
    xml.writeAttribute("ref", config.iatiReportingOrg());
    xml.writeAttribute("type", MULTILATERAL);
    narrative("en", config.iatiReportingOrgName());
    xml.writeEndElement();
    xml.writeStartElement("title");
    narratives(p.title());
    xml.writeEndElement();
    xml.writeStartElement("description");
    xml.writeAttribute("type", "1");
    narratives(p.description() != null ? p.description() : p.title());
    xml.writeEndElement();
    participants(p);
    empty("activity-status", "code", String.valueOf(p.status().code()));
    dates(p.dates());
    for (ProjectParts.CountryShare c : p.countries()) {
      empty("recipient-country", "code", c.code(), "percentage", decimal(c.share()));
    }
    tags(p);
    budget(p);
    transactions(p);
    for (ProjectParts.Result r : p.results()) {
      result(r);
    }
    xml.writeEndElement();
  }

  private void participants(Project p) throws XMLStreamException {
    boolean accountable = p.partners().stream().anyMatch(x -> x.role() == PartnerRole.ACCOUNTABLE);
    if (!accountable) {
      xml.writeStartElement("participating-org");
      xml.writeAttribute("ref", config.iatiReportingOrg());
      xml.writeAttribute("type", MULTILATERAL);
      xml.writeAttribute("role", String.valueOf(PartnerRole.ACCOUNTABLE.code()));
      narrative("en", config.iatiReportingOrgName());
      xml.writeEndElement();
    }
    for (ProjectParts.ProjectPartner x : p.partners()) {
      PartnerOrganization org = partners.get(x.partnerId());
      xml.writeStartElement("participating-org");
      if (org != null && org.organisationType() != null) {
        xml.writeAttribute("type", org.organisationType());
      }
      xml.writeAttribute("role", String.valueOf(x.role().code()));
      narrative("en", org == null ? x.partnerId() : org.name());
      xml.writeEndElement();
    }
  }

  private void dates(Dates d) throws XMLStreamException {
    date("1", d.plannedStart());
    date("2", d.actualStart());
    date("3", d.plannedEnd());
    date("4", d.actualEnd());
  }

  private void date(String type, LocalDate date) throws XMLStreamException {
    if (date != null) {
      empty("activity-date", "type", type, "iso-date", date.toString());
    }
  }

  private void tags(Project p) throws XMLStreamException {
    for (String target : p.sdgTargets()) {
      empty("tag", "vocabulary", "3", "code", target);
    }
    for (String line : p.wsisLines()) {
      xml.writeStartElement("tag");
      xml.writeAttribute("vocabulary", "99");
      xml.writeAttribute("vocabulary-uri", WSIS_URI);
      xml.writeAttribute("code", line);
      narrative("en", "WSIS action line " + line + ": " + WSIS_LINES.getOrDefault(line, line));
      xml.writeEndElement();
    }
  }

  /** One original budget over the planned period (a year from its date when the project has no planned end). */
  private void budget(Project p) throws XMLStreamException {
    Money budget = p.budget();
    if (budget == null) {
      return;
    }
    LocalDate start = p.dates().plannedStart() != null ? p.dates().plannedStart() : budget.date();
    LocalDate end = p.dates().plannedEnd() != null && !p.dates().plannedEnd().isBefore(start)
        ? p.dates().plannedEnd() : start.plusYears(1).minusDays(1);
    xml.writeStartElement("budget");
    xml.writeAttribute("type", "1");
    xml.writeAttribute("status", "1");
    empty("period-start", "iso-date", start.toString());
    empty("period-end", "iso-date", end.toString());
    value(budget.amount(), budget.currency(), budget.date());
    xml.writeEndElement();
  }

  private void transactions(Project p) throws XMLStreamException {
    for (ProjectParts.ProjectPartner x : p.partners()) {
      PartnerOrganization org = partners.get(x.partnerId());
      for (ProjectParts.Received r : x.contributions()) {
        xml.writeStartElement("transaction");
        empty("transaction-type", "code", "1");
        empty("transaction-date", "iso-date", r.money().date().toString());
        value(r.money().amount(), r.money().currency(), r.money().date());
        xml.writeStartElement("description");
        narrative("en", r.kind() == ContributionKind.CASH ? "Cash contribution" : "In-kind contribution (valued)");
        xml.writeEndElement();
        xml.writeStartElement("provider-org");
        if (org != null && org.organisationType() != null) {
          xml.writeAttribute("type", org.organisationType());
        }
        narrative("en", org == null ? x.partnerId() : org.name());
        xml.writeEndElement();
        xml.writeEndElement();
      }
    }
    for (ProjectParts.Expenditure e : p.expenditure()) {
      LocalDate yearEnd = LocalDate.of(e.year(), 12, 31);
      LocalDate date = yearEnd.isAfter(today) ? today : yearEnd;
      xml.writeStartElement("transaction");
      empty("transaction-type", "code", "4");
      empty("transaction-date", "iso-date", date.toString());
      value(e.amount(), e.currency(), date);
      xml.writeEndElement();
    }
  }

  /** Results with at least one indicator (IATI requires one); a period per year measured, else the target year's. */
  private void result(ProjectParts.Result r) throws XMLStreamException {
    if (r.indicators().isEmpty()) {
      return;
    }
    xml.writeStartElement("result");
    xml.writeAttribute("type", "2");
    xml.writeStartElement("title");
    narratives(r.title());
    xml.writeEndElement();
    for (ProjectParts.Indicator i : r.indicators()) {
      xml.writeStartElement("indicator");
      xml.writeAttribute("measure", "1");
      xml.writeAttribute("ascending", String.valueOf(i.target() >= i.baseline()));
      xml.writeStartElement("title");
      narratives(i.name());
      xml.writeEndElement();
      empty("baseline", "year", String.valueOf(i.baselineYear()), "value", decimal(i.baseline()));
      if (i.actuals().isEmpty() && i.targetYear() != null) {
        period(i.targetYear(), i.target(), null);
      }
      for (ProjectParts.Actual a : i.actuals()) {
        period(a.year(), i.target(), a.value());
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private void period(int year, double target, Double actual) throws XMLStreamException {
    xml.writeStartElement("period");
    empty("period-start", "iso-date", year + "-01-01");
    empty("period-end", "iso-date", year + "-12-31");
    empty("target", "value", decimal(target));
    if (actual != null) {
      empty("actual", "value", decimal(actual));
    }
    xml.writeEndElement();
  }

  private void value(double amount, String currency, LocalDate valueDate) throws XMLStreamException {
    xml.writeStartElement("value");
    xml.writeAttribute("currency", currency);
    xml.writeAttribute("value-date", valueDate.toString());
    xml.writeCharacters(decimal(amount));
    xml.writeEndElement();
  }

  /** The original first, then each translation, each marked with its language. */
  private void narratives(Text text) throws XMLStreamException {
    narrative(text.original(), text.originalText());
    for (String lang : Text.LANGUAGES) {
      if (!lang.equals(text.original()) && text.has(lang)) {
        narrative(lang, text.values().get(lang));
      }
    }
  }

  private void narrative(String lang, String text) throws XMLStreamException {
    xml.writeStartElement("narrative");
    xml.writeAttribute("xml:lang", lang);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private void element(String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private void empty(String name, String... attributes) throws XMLStreamException {
    xml.writeEmptyElement(name);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      xml.writeAttribute(attributes[i], attributes[i + 1]);
    }
  }

  private static String decimal(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
