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

/**
 * Real documents made in the tests: DOCX and XLSX with POI, PDF with PDFBox, ODT, a zip bomb and the
 * headers of old word processors by hand.
 */
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

  /** Words in no pattern a compressor could exploit, so a long text stays under Tika's zip-bomb ratio. */
  public static String words(int chars, long seed) {
    String[] vocabulary = ("broadband rural access network satellite spectrum village cost community operator "
        + "tower fibre licence backhaul mobile regulator tariff coverage").split(" ");
    java.util.Random random = new java.util.Random(seed);
    StringBuilder text = new StringBuilder(chars + 32);
    while (text.length() < chars) {
      text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(1000)).append(' ');
    }
    text.setLength(chars);
    return text.toString();
  }

  /** A spreadsheet with one sheet of rows, written by POI. */
  public static byte[] xlsx(String sheet, List<String> rows) {
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var s = workbook.createSheet(sheet);
      for (int r = 0; r < rows.size(); r++) {
        s.createRow(r).createCell(0).setCellValue(rows.get(r));
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A heading line, then {@code count} random lowercase words of 3 to {@code 2 + lengths} letters,
   * twelve to a line: many distinct short words, so that fuzzy and prefix terms have plenty to expand to.
   */
  public static String randomWords(java.util.Random random, int count, int lengths) {
    StringBuilder text = new StringBuilder("Rural broadband connectivity for remote villages.\n");
    for (int i = 0; i < count; i++) {
      int length = 3 + random.nextInt(lengths);
      for (int c = 0; c < length; c++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(i % 12 == 11 ? ".\n" : " ");
    }
    return text.toString();
  }

  /** The query of the security review: 40 fuzzy terms, 317 characters, the same at every call. */
  public static String fortyFuzzyTerms() {
    java.util.Random random = new java.util.Random(4);
    List<String> terms = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      terms.add("" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26))
          + (char) ('a' + random.nextInt(26)) + "~2");
    }
    return String.join(" | ", terms);
  }

  /** The zip with one entry's bytes replaced, as damage in transit or a broken writer leaves it. */
  public static byte[] withEntry(byte[] zipBytes, String name, byte[] replacement) {
    return withEntry(zipBytes, name, out -> out.write(replacement), java.util.zip.Deflater.DEFAULT_COMPRESSION);
  }

  /**
   * A Word for Windows 2.0 file as Tika recognises it: the header's magic 0xA5DB and nFib 45 (nProduct
   * non-zero), then text. Tika knows the type (application/msword2) and has no parser for it.
   */
  public static byte[] word2(String text) {
    return withHeader(new byte[] {(byte) 0xDB, (byte) 0xA5, 0x2D, 0x00, 0x04, 0x00, 0x09, 0x00}, text);
  }

  /** A WordPerfect 4.2 file as Tika recognises it (0xCB0A01, 0xCB at offset 5), then text. */
  public static byte[] wordPerfect42(String text) {
    return withHeader(new byte[] {(byte) 0xCB, 0x0A, 0x01, 0x00, 0x00, (byte) 0xCB}, text);
  }

  private static byte[] withHeader(byte[] header, String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(header);
    bytes.writeBytes(new byte[128 - header.length]);
    bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    return bytes.toByteArray();
  }

  private interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  /** The DOCX with its word/document.xml written anew. */
  private static byte[] withDocumentXml(byte[] template, BodyWriter body) {
    return withEntry(template, "word/document.xml", body, 9);
  }

  /** The zip copied entry by entry at compression {@code level}, with the entry {@code name} written by {@code body}. */
  private static byte[] withEntry(byte[] zipBytes, String name, BodyWriter body, int level) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipBytes));
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(level);
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals(name)) {
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
