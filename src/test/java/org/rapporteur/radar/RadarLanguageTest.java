package org.rapporteur.radar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RadarLanguageTest {
  @TempDir
  Path dir;

  static final RadarDocument FRENCH_ROAMING = doc(1, "ITU-D", "fr",
      "Coûts et tarifs de l'itinérance mobile internationale en Afrique de l'Ouest",
      "La Commission d'études 1 examine les modèles de coûts utilisés par les régulateurs pour fixer des tarifs de "
          + "gros d'itinérance internationale orientés vers les coûts, ainsi que la transparence des prix de détail "
          + "pour les voyageurs dans l'espace de la CEDEAO.");
  static final RadarDocument FRENCH_ROAMING_AGAIN = doc(2, "ITU-T", "fr",
      "Tarification de l'itinérance internationale mobile en Afrique occidentale",
      "Le groupe régional étudie le modèle de coût employé par les autorités de régulation pour fixer le tarif de gros "
          + "de l'itinérance internationale orienté vers le coût, et la transparence du prix de détail pour le "
          + "voyageur dans la CEDEAO.");
  static final RadarDocument FRENCH_EWASTE = doc(3, "ITU-T", "fr",
      "Gestion des déchets d'équipements électriques et électroniques en Afrique de l'Ouest",
      "Lignes directrices sur la collecte, le démantèlement et le recyclage des déchets électroniques, et sur la "
          + "responsabilité élargie des producteurs de téléphones mobiles.");
  static final RadarDocument ENGLISH_ROAMING = doc(4, "ITU-T", null,
      "Cost models for international mobile roaming in West Africa",
      "Wholesale international mobile roaming rates oriented to costs, and transparency of retail prices for "
          + "travellers in ECOWAS.");
  static final RadarDocument ARABIC_QOS = doc(5, "ITU-D", null,
      "جودة الخدمة في شبكات النطاق العريض المتنقل في أفريقيا",
      "تدرس لجنة الدراسات الأولى عتبات الحد الأدنى لجودة الخدمة التي تفرضها الهيئات التنظيمية على مشغلي الشبكات "
          + "المتنقلة وأثرها على تكلفة النطاق العريض للمستهلكين.");
  static final RadarDocument ARABIC_QOS_AGAIN = doc(6, "ITU-T", null,
      "عتبات جودة الخدمة لشبكات النطاق العريض المتنقلة في أفريقيا",
      "يبحث الفريق الإقليمي الحد الأدنى من عتبات جودة الخدمة التي تفرضها الهيئة التنظيمية على المشغلين للشبكة "
          + "المتنقلة وأثر ذلك في تكاليف النطاق العريض للمستهلك.");
  static final RadarDocument ARABIC_EWASTE = doc(7, "ITU-T", null,
      "إدارة المخلفات الإلكترونية والاقتصاد الدائري في المنطقة العربية",
      "مبادئ توجيهية بشأن جمع المعدات الكهربائية والإلكترونية المستعملة وتفكيكها وإعادة تدويرها ومسؤولية المنتجين "
          + "عن الهواتف المتنقلة في أفريقيا.");
  static final RadarDocument ENGLISH_QOS = doc(8, "ITU-T", null,
      "Quality of service thresholds for mobile broadband networks in Africa",
      "Minimum quality of service thresholds that regulators impose on mobile network operators, and their effect "
          + "on the cost of broadband for consumers.");
  static final List<RadarDocument> ALL = List.of(FRENCH_ROAMING, FRENCH_ROAMING_AGAIN, FRENCH_EWASTE, ENGLISH_ROAMING,
      ARABIC_QOS, ARABIC_QOS_AGAIN, ARABIC_EWASTE, ENGLISH_QOS);

  static RadarDocument doc(int n, String sector, String language, String title, String text) {
    return new RadarDocument(RadarDocument.QUESTION, String.format("%024x", n), sector, null, sector + "-G", null,
        title, text, null, language);
  }

  @Test
  @DisplayName("A French text is compared with French documents only, and its near-duplicate comes first")
  void frenchNearDuplicateRanksFirst() {
    try (RadarIndex index = RadarIndex.open(dir.resolve("radar"))) {
      index.indexAll(ALL);
      List<RadarMatch> top = index.similar(FRENCH_ROAMING.title(), FRENCH_ROAMING.text(), "fr", "ITU-D",
          List.of(FRENCH_ROAMING.key()), 5);
      assertThat(top).isNotEmpty();
      assertThat(top.get(0).document().key()).isEqualTo(FRENCH_ROAMING_AGAIN.key());
      assertThat(top.get(0).score()).isGreaterThan(0.4);
      assertThat(top).allSatisfy(m -> assertThat(m.document().language()).isEqualTo("fr"));
      assertThat(String.join(" ", top.get(0).sharedTerms())).contains("itinérance");
    }
  }

  @Test
  @DisplayName("An Arabic text, recognised by its script, finds its Arabic near-duplicate first")
  void arabicNearDuplicateRanksFirst() {
    try (RadarIndex index = RadarIndex.open(dir.resolve("radar"))) {
      index.indexAll(ALL);
      List<RadarMatch> top = index.similar(ARABIC_QOS.title(), ARABIC_QOS.text(), "ITU-D", List.of(ARABIC_QOS.key()),
          5);
      assertThat(top).isNotEmpty();
      assertThat(top.get(0).document().key()).isEqualTo(ARABIC_QOS_AGAIN.key());
      assertThat(top.get(0).score()).isGreaterThan(0.4);
      assertThat(top).allSatisfy(m -> assertThat(m.document().language()).isEqualTo("ar"));
    }
  }

  @Test
  @DisplayName("The overview pairs the French and the Arabic near-duplicates, and never two languages")
  void overviewPairsLikeWithLike() {
    try (RadarIndex index = RadarIndex.open(dir.resolve("radar"))) {
      index.indexAll(ALL);
      List<RadarPair> pairs = index.overlaps(10, 0);
      assertThat(pairs).allSatisfy(p -> assertThat(p.a().language()).isEqualTo(p.b().language()));
      assertThat(pairs).extracting(p -> List.of(p.a().key(), p.b().key()))
          .contains(List.of(FRENCH_ROAMING.key(), FRENCH_ROAMING_AGAIN.key()),
              List.of(ARABIC_QOS.key(), ARABIC_QOS_AGAIN.key()));
    }
  }

  @Test
  void languageIsDeclaredOrGuessedFromTheScript() {
    assertThat(RadarLanguage.choose("fr", "Roaming charges")).isEqualTo("fr");
    assertThat(RadarLanguage.choose("es-ES", "Tarifas de itinerancia")).isEqualTo("es");
    assertThat(RadarLanguage.choose("de", "Roaming-Gebühren in Afrika")).isEqualTo("en");
    assertThat(RadarLanguage.choose(null, "Tarifs d'itinérance")).isEqualTo("en");
    assertThat(RadarLanguage.choose(null, "ITU-D SG1 جودة الخدمة في شبكات النطاق العريض")).isEqualTo("ar");
    assertThat(RadarLanguage.choose(null, "ITU-T SG3 国际漫游费用")).isEqualTo("zh");
    assertThat(RadarLanguage.choose(null, "МСЭ-Д: тарифы на международный роуминг")).isEqualTo("ru");
    assertThat(RadarLanguage.choose(null, "2026")).isEqualTo("en");
  }

  @Test
  @DisplayName("An index written before documents had languages is emptied at opening, so the service rebuilds it")
  void indexOfAnOlderSchemaIsEmptied() throws IOException {
    Path path = dir.resolve("radar");
    try (FSDirectory directory = FSDirectory.open(path);
        IndexWriter old = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      Document doc = new Document();
      doc.add(new StringField(RadarIndex.KEY, "question:" + "a".repeat(24), Field.Store.YES));
      doc.add(new TextField("text", "Cost models for international mobile roaming", Field.Store.YES));
      old.addDocument(doc);
      old.commit();
    }
    try (RadarIndex index = RadarIndex.open(path)) {
      assertThat(index.size()).isZero();
      index.indexAll(ALL);
    }
    try (RadarIndex index = RadarIndex.open(path)) {
      assertThat(index.size()).isEqualTo(ALL.size());
    }
  }
}
