package org.rapporteur.contribution.extract;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.util.List;

/**
 * Language detection with the Optimaize profiles that tika-langdetect-optimaize ships, loading only
 * the languages this platform meets. Tika's own wrapper loads all 70 profiles in a static
 * initialiser, which takes about 10 s and most of a 256 MB heap in the child JVM.
 */
final class Languages {
  private static final List<String> LOADED = List.of("ar", "zh-CN", "zh-TW", "en", "fr", "ru", "es", "pt", "de",
      "it", "nl", "sw", "so", "fa", "ur", "uk", "tr", "id", "hi", "bn", "vi", "th", "ko", "ja", "he");
  private static final double MIN_PROBABILITY = 0.5;

  private final LanguageDetector detector;

  Languages() throws IOException {
    List<LdLocale> locales = LOADED.stream().map(LdLocale::fromString).toList();
    detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
        .withProfiles(new LanguageProfileReader().readBuiltIn(locales))
        .build();
  }

  /** An ISO 639-1 code (Chinese as {@code zh}), or null when the text says too little. */
  String detect(String text) {
    List<DetectedLanguage> found = detector.getProbabilities(text);
    if (found.isEmpty() || found.get(0).getProbability() < MIN_PROBABILITY) {
      return null;
    }
    return found.get(0).getLocale().getLanguage();
  }
}
