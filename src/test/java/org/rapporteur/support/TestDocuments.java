package org.rapporteur.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real documents made in the tests: DOCX with POI, PDF with PDFBox, ODT and a zip bomb by hand. */
public final class TestDocuments {
  private TestDocuments() {}

  public static byte[] docx(String title, String author, List<String> paragraphs) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getProperties().getCoreProperties().setTitle(title);
      doc.getProperties().getCoreProperties().setCreator(author);
      for (String text : paragraphs) {
        doc.createParagraph().createRun().setText(text);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] pdf(String title, String author, List<String> lines, String userPassword) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getDocumentInformation().setTitle(title);
      doc.getDocumentInformation().setAuthor(author);
      for (int page = 0; page < 2; page++) {
        PDPage p = new PDPage();
        doc.addPage(p);
        try (PDPageContentStream content = new PDPageContentStream(doc, p)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
          content.newLineAtOffset(50, 700);
          for (String line : lines) {
            content.showText(line);
            content.newLineAtOffset(0, -16);
          }
          content.endText();
        }
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
            new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal OpenDocument text, written entry by entry as the ODF specification lays it out. */
  public static byte[] odt(String title, String author, List<String> paragraphs) {
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      body.append("<text:p>").append(escape(p)).append("</text:p>");
    }
    String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
        + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
    String meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
        + " office:version=\"1.2\"><office:meta><dc:title>" + escape(title) + "</dc:title>"
        + "<dc:creator>" + escape(author) + "</dc:creator></office:meta></office:document-meta>";
    String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
        + "</manifest:manifest>";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mimetype);
      zip.closeEntry();
      put(zip, "content.xml", content);
      put(zip, "meta.xml", meta);
      put(zip, "META-INF/manifest.xml", manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A DOCX whose document.xml inflates to about {@code megabytes} MB of paragraphs: small on the
   * wire, far too big for a heap-capped extractor.
   */
  public static byte[] docxBomb(int megabytes) {
    return withDocumentXml(docx("Bomb", "Nobody", List.of("x")), out -> writeHugeBody(out, megabytes));
  }

  /**
   * A DOCX whose document.xml declares an external entity (the server's /etc/passwd) and nested
   * entities that would expand a billion-fold, and uses both in its text.
   */
  public static byte[] docxWithEntities() {
    String laughs = "<!ENTITY a \"lollollollollollollollollollol\">"
        + java.util.stream.IntStream.range(1, 10).mapToObj(i -> "<!ENTITY " + (char) ('a' + i) + " \""
            + ("&" + (char) ('a' + i - 1) + ";").repeat(10) + "\">").collect(java.util.stream.Collectors.joining());
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">" + laughs + "]>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        + "<w:p><w:r><w:t>Entity attack &xxe; and &j;</w:t></w:r></w:p></w:body></w:document>";
    return withDocumentXml(docx("Entities", "Nobody", List.of("x")), out -> out.write(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  /** The DOCX with its word/document.xml written anew. */
  private static byte[] withDocumentXml(byte[] template, BodyWriter body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(template));
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(9);
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("word/document.xml")) {
          body.write(zip);
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeHugeBody(OutputStream out, int megabytes) throws IOException {
    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
        .getBytes(StandardCharsets.UTF_8));
    byte[] paragraph = "<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>"
        .repeat(1000).getBytes(StandardCharsets.UTF_8);
    long target = megabytes * 1024L * 1024L;
    for (long written = 0; written < target; written += paragraph.length) {
      out.write(paragraph);
    }
    out.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
