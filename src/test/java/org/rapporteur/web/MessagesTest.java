package org.rapporteur.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language has every message, and every message the front end asks for exists. */
class MessagesTest {
  private static final Path WEBROOT = Path.of("webroot");
  private static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");
  private static final Pattern KEY_IN_CODE = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'");

  static Set<String> keys(String language) throws IOException {
    return new TreeSet<>(new JsonObject(Files.readString(WEBROOT.resolve("i18n/" + language + ".json"))).fieldNames());
  }

  private static final Pattern PLURAL_FORM = Pattern.compile("(.+)\\.(zero|one|two|few|many|other)");

  /**
   * The keys with each plural message counted once: a language has the forms its plural rules need
   * (Arabic six, Chinese one), so 'x.one' or 'x.few' stand for 'x' when the language also has 'x.other'.
   */
  static Set<String> messages(String language) throws IOException {
    Set<String> all = keys(language);
    Set<String> folded = new TreeSet<>();
    for (String key : all) {
      Matcher plural = PLURAL_FORM.matcher(key);
      folded.add(plural.matches() && all.contains(plural.group(1) + ".other") ? plural.group(1) + " (plural)" : key);
    }
    return folded;
  }

  @Test
  void everyLanguageHasTheSameMessages() throws IOException {
    Set<String> english = messages("en");
    for (String language : LANGUAGES) {
      assertThat(messages(language)).as(language).isEqualTo(english);
    }
  }

  @Test
  void everyMessageTheCodeUsesExists() throws IOException {
    Set<String> english = keys("en");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(WEBROOT.resolve("app"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        Matcher matcher = KEY_IN_CODE.matcher(Files.readString(file));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(english).containsAll(used);
  }

  private static final Pattern PLURAL_IN_CODE = Pattern.compile("\\bplural\\('([A-Za-z0-9_.-]+)'");
  /** The categories of Intl.PluralRules for whole numbers in each language (CLDR). */
  private static final java.util.Map<String, List<String>> PLURAL_FORMS = java.util.Map.of(
      "ar", List.of("zero", "one", "two", "few", "many", "other"), "ru", List.of("one", "few", "many", "other"),
      "en", List.of("one", "other"), "fr", List.of("one", "other"), "es", List.of("one", "other"), "zh", List.of("other"));

  @Test
  void everyCountTheCodeShowsHasThePluralFormsOfEachLanguage() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(WEBROOT.resolve("app"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        Matcher matcher = PLURAL_IN_CODE.matcher(Files.readString(file));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
    }
    assertThat(used).contains("groups.count", "search.count", "chat.newBelow", "notifications.unread");
    for (String language : LANGUAGES) {
      Set<String> keys = keys(language);
      for (String key : used) {
        for (String form : PLURAL_FORMS.get(language)) {
          assertThat(keys).as(language + " " + key).contains(key + "." + form);
        }
      }
    }
  }

  @Test
  void translationsAreNotLeftInEnglish() throws IOException {
    JsonObject english = new JsonObject(Files.readString(WEBROOT.resolve("i18n/en.json")));
    for (String language : List.of("ar", "zh", "ru")) {
      JsonObject other = new JsonObject(Files.readString(WEBROOT.resolve("i18n/" + language + ".json")));
      long same = english.fieldNames().stream()
          .filter(k -> english.getString(k).equals(other.getString(k)) && english.getString(k).matches(".*[a-z]{4,}.*"))
          .count();
      assertThat(same).as(language + " messages identical to English").isLessThanOrEqualTo(3);
    }
  }
}
