package org.rapporteur.initiative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The IATI code lists this feature checks input against (countries, currencies, SDG targets,
 * organisation types), read once from {@code codelists/} on the class path at start-up. Withdrawn
 * codes are left out: nobody should start using them.
 */
public record CodeLists(Map<String, String> countries, Map<String, String> currencies,
    Map<String, String> sdgTargets, Map<String, String> organisationTypes) {
  private static final Pattern WSIS = Pattern.compile("C([1-9]|1[01])");

  /** Blocking: call it on a worker thread, once. */
  public static CodeLists load() {
    return new CodeLists(read("Country"), read("Currency"), read("UNSDG-Targets"), read("OrganisationType"));
  }

  public boolean isCountry(String code) {
    return code != null && countries.containsKey(code);
  }

  public boolean isCurrency(String code) {
    return code != null && currencies.containsKey(code);
  }

  public boolean isSdgTarget(String code) {
    return code != null && sdgTargets.containsKey(code);
  }

  public boolean isOrganisationType(String code) {
    return code != null && organisationTypes.containsKey(code);
  }

  /** WSIS action lines C1 to C11. */
  public static boolean isWsisLine(String code) {
    return code != null && WSIS.matcher(code).matches();
  }

  public static final Set<String> WSIS_LINES = Set.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10",
      "C11");

  private static Map<String, String> read(String name) {
    try (InputStream in = CodeLists.class.getClassLoader().getResourceAsStream("codelists/" + name + ".xml")) {
      if (in == null) {
        throw new IllegalStateException("codelists/" + name + ".xml is missing from the class path");
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(in);
      Map<String, String> codes = new LinkedHashMap<>();
      NodeList items = doc.getElementsByTagName("codelist-item");
      for (int i = 0; i < items.getLength(); i++) {
        Element item = (Element) items.item(i);
        if ("withdrawn".equals(item.getAttribute("status"))) {
          continue;
        }
        String code = item.getElementsByTagName("code").item(0).getTextContent().strip();
        NodeList narratives = item.getElementsByTagName("narrative");
        codes.put(code, narratives.getLength() == 0 ? code : narratives.item(0).getTextContent().strip());
      }
      return Map.copyOf(codes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("codelists/" + name + ".xml cannot be read", e);
    }
  }
}
