package org.rapporteur.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.support.Problems.assertFieldProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.platform.security.GlobalRole;
import org.rapporteur.account.Registration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * The public IATI file: valid against the official IATI 2.03 schema (from ../shared/iati, next to
 * the project), with IATI's codes, published projects only, cacheable, filtered by year.
 */
@ExtendWith(VertxExtension.class)
class IatiExportTest extends InitiativeServerTest {
  static final Path SCHEMA = Path.of("..", "shared", "iati", "iati-activities-schema.xsd");
  static final String PATH = "/api/iati/activities.xml";

  @Test
  void anonymousReadersGetPublishedProjectsOnlyInAValidFileThatMayBeCached() throws Exception {
    fx.createProject(fx.project("9RAF10084-04"));
    fx.createProject(fx.project("9RAF10085-01").put("published", false));
    HttpResponse<Buffer> response = fx.anonymous.get(PATH + "?year=2026");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/xml");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=3600");
    validate(response.body().getBytes());
    Document doc = parse(response.body().getBytes());
    assertThat(texts(doc, "iati-identifier")).containsExactly("XM-DAC-41303-9RAF10084-04");
    Element activity = (Element) doc.getElementsByTagName("iati-activity").item(0);
    assertThat(attribute(activity, "activity-status", "code")).containsExactly("2");
    assertThat(attribute(activity, "participating-org", "role")).containsExactly("2", "4");
    assertThat(attribute(activity, "participating-org", "type")).contains("40");
    assertThat(attribute(activity, "activity-date", "type")).containsExactly("1", "3");
    assertThat(attribute(activity, "recipient-country", "code")).containsExactly("SN", "CI");
    assertThat(attribute(activity, "recipient-country", "percentage")).containsExactly("60", "40");
    assertThat(attribute(activity, "tag", "vocabulary")).containsExactly("3", "3", "99", "99");
    assertThat(attribute(activity, "tag", "code")).containsExactly("9.c", "17.8", "C1", "C7");
    assertThat(attribute(activity, "transaction-type", "code")).containsExactly("1");
    assertThat(attribute(activity, "value", "currency")).containsExactly("USD", "EUR");
    assertThat(attribute(activity, "actual", "value")).containsExactly("1");
    assertThat(attribute(activity, "narrative", "xml:lang")).doesNotContain("");
    assertThat(texts(fx.outsider, PATH)).containsExactly("XM-DAC-41303-9RAF10084-04");
    assertThat(texts(fx.secretariat, PATH)).as("the file is public: staff get no more").hasSize(1);
  }

  @Test
  void theYearKeepsProjectsActiveThatYearAndABadYearIsRefused() throws Exception {
    fx.createProject(fx.project("9RAF10084-04"));
    fx.createProject(fx.project("9RAF10086-01").put("dates", new io.vertx.core.json.JsonObject()
        .put("plannedStart", "2027-01-01").put("plannedEnd", "2028-12-31")));
    assertThat(texts(fx.anonymous, PATH + "?year=2026")).containsExactly("XM-DAC-41303-9RAF10084-04");
    assertThat(texts(fx.anonymous, PATH + "?year=2028")).containsExactly("XM-DAC-41303-9RAF10086-01");
    assertThat(texts(fx.anonymous, PATH)).hasSize(2);
    assertFieldProblem(fx.anonymous.get(PATH + "?year=twenty"), 400, "year");
  }

  @Test
  void theDemoProjectsMakeAValidFileWithTranslatedNarratives(Vertx vertx) throws Exception {
    Actor secretariat = server.app().services().accounts().provision(new Registration("officer@itu.example",
        "a-long-password-1", "Officer", "Switzerland", "BDT"), EnumSet.of(GlobalRole.SECRETARIAT)).await().toActor();
    // the fixture's March 2026 holds three currencies; the demo keeps a month that exists, so give it all six
    InitiativeFixture.ok(fx.secretariat.put("/api/exchange-rates/2026-03", new io.vertx.core.json.JsonObject()
        .put("rates", new io.vertx.core.json.JsonObject().put("EUR", 0.86).put("CHF", 0.80).put("XOF", 565.0)
            .put("JPY", 150.0).put("AUD", 1.53).put("KES", 129.0))), 200);
    server.app().demoData().loadInitiatives(secretariat).await();
    fx.createProject(fx.project("9RAF10084-04"));
    HttpResponse<Buffer> response = fx.anonymous.get(PATH);
    validate(response.body().getBytes());
    Document doc = parse(response.body().getBytes());
    assertThat(doc.getElementsByTagName("iati-activity").getLength()).isEqualTo(21);
    assertThat(attributes(doc.getDocumentElement(), "narrative", "xml:lang")).contains("fr", "en");
    assertThat(attributes(doc.getDocumentElement(), "activity-status", "code")).contains("1", "2", "4");
  }

  /** The official schema, or the test is skipped when ../shared/iati is not next to the project. */
  static void validate(byte[] xml) throws Exception {
    Assumptions.assumeTrue(Files.exists(SCHEMA), "The IATI schema is not at " + SCHEMA.toAbsolutePath()
        + " (../shared/iati next to the project): the IATI file is not validated");
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    Schema schema = factory.newSchema(SCHEMA.toFile());
    Validator validator = schema.newValidator();
    List<String> problems = new ArrayList<>();
    validator.setErrorHandler(new org.xml.sax.ErrorHandler() {
      public void warning(SAXParseException e) {}

      public void error(SAXParseException e) {
        problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      public void fatalError(SAXParseException e) {
        problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }
    });
    validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    assertThat(problems).as("schema errors").isEmpty();
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  static List<String> texts(Document doc, String tag) {
    List<String> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  static List<String> texts(org.rapporteur.support.ApiClient client, String path) throws Exception {
    HttpResponse<Buffer> response = client.get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    return texts(parse(response.body().getBytes()), "iati-identifier");
  }

  static List<String> attribute(Element activity, String tag, String name) {
    return attributes(activity, tag, name);
  }

  static List<String> attributes(Element root, String tag, String name) {
    List<String> out = new ArrayList<>();
    NodeList nodes = root.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(((Element) nodes.item(i)).getAttribute(name));
    }
    return out;
  }
}
