package org.rapporteur.workspace;

import java.util.regex.Pattern;
import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.mongo.Ids;

/** A group as the secretariat creates it. */
public record NewGroup(String code, Sector sector, Region region, GroupKind kind, String title, String mandate,
    String parentId, Visibility visibility) {
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,31}");
  static final String CODE_RULE = "must be 2 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit";

  public static NewGroup from(JsonInput in) {
    String code = in.requiredMatching("code", CODE, CODE_RULE);
    Sector sector = in.requiredChoice("sector", Sector.class);
    Region region = in.optionalChoice("region", Region.class);
    GroupKind kind = in.requiredChoice("kind", GroupKind.class);
    String title = in.requiredString("title", 300);
    String mandate = in.optionalString("mandate", 20_000);
    String parentId = in.optionalString("parentId", 24);
    if (parentId != null && !Ids.isValid(parentId)) {
      in.fail("parentId", "must be an id of 24 hexadecimal digits");
    }
    Visibility visibility = in.optionalChoice("visibility", Visibility.class);
    in.done();
    return new NewGroup(code, sector, region, kind, title, mandate, parentId,
        visibility == null ? Visibility.PUBLIC : visibility);
  }
}
