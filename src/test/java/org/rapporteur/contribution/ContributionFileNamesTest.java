package org.rapporteur.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContributionFileNamesTest {
  @Test
  void pathsControlCharactersAndLeadingDotsAreRemoved() {
    assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.sanitize("..\\..\\windows\\system.ini")).isEqualTo("system.ini");
    assertThat(FileNames.sanitize("report\u0000.docx\u0007")).isEqualTo("report.docx");
    assertThat(FileNames.sanitize("..hidden\u202Etxt.exe")).isEqualTo("hiddentxt.exe");
    assertThat(FileNames.sanitize("../")).isEqualTo("file");
    assertThat(FileNames.sanitize(null)).isEqualTo("file");
    assertThat(FileNames.sanitize("تقرير المساهمة.docx")).isEqualTo("تقرير المساهمة.docx");
    assertThat(FileNames.sanitize("x".repeat(300))).hasSize(200);
  }

  @Test
  void contentDispositionCarriesAnAsciiFallbackAndTheExactNameEncoded() {
    assertThat(FileNames.contentDisposition("贡献 \"1\".pdf"))
        .isEqualTo("attachment; filename=\"__ _1_.pdf\"; filename*=UTF-8''%E8%B4%A1%E7%8C%AE%20%221%22.pdf");
  }

  @Test
  void byteRangesFollowRfc9110() {
    assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 9));
    assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99));
    assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange(90, 99));
    assertThat(ByteRange.parse("bytes=50-500", 100)).isEqualTo(new ByteRange(50, 99));
    assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isNull();
    assertThat(ByteRange.parse("items=0-1", 100)).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
  }
}
