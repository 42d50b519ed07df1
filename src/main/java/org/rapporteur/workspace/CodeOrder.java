package org.rapporteur.workspace;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders group codes as people read them: SG3RG-AFR before SG12RG-AFR. */
final class CodeOrder implements Comparator<String> {
  static final CodeOrder INSTANCE = new CodeOrder();
  private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

  @Override
  public int compare(String a, String b) {
    Matcher left = CHUNK.matcher(a.toUpperCase(java.util.Locale.ROOT));
    Matcher right = CHUNK.matcher(b.toUpperCase(java.util.Locale.ROOT));
    while (left.find() && right.find()) {
      String x = left.group();
      String y = right.group();
      boolean numbers = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
      int order = numbers ? Long.compare(Long.parseLong(x), Long.parseLong(y)) : x.compareTo(y);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
