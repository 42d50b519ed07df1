package org.rapporteur.meeting;

import java.util.List;
import org.rapporteur.platform.json.JsonInput;

/** A whole new agenda made on {@code version}: what the chair's editor sends after each change. */
public record AgendaEdit(long version, List<AgendaItem> items) {
  public static AgendaEdit from(JsonInput in) {
    Integer version = in.optionalInt("version", 0, Integer.MAX_VALUE);
    if (version == null && !in.has("version")) {
      in.fail("version", "is required: the version this change was made on");
    }
    List<AgendaItem> items = AgendaItem.readAll(in, "items", 1);
    in.optionalString("status", 16);
    in.optionalString("meetingId", 24);
    in.optionalString("updatedAt", 40);
    in.optionalString("updatedBy", 200);
    in.optionalInt("approvedVersion", 0, Integer.MAX_VALUE);
    in.done();
    return new AgendaEdit(version == null ? 0 : version, items);
  }

  /** Moving one item: under {@code parentId} (null for the top level) at {@code position}. */
  public record Move(long version, String itemId, String parentId, int position) {
    public static Move from(JsonInput in) {
      Integer version = in.optionalInt("version", 0, Integer.MAX_VALUE);
      if (version == null) {
        in.fail("version", "is required");
      }
      String itemId = in.requiredString("itemId", 40);
      String parentId = in.optionalString("parentId", 40);
      Integer position = in.optionalInt("position", 0, AgendaItem.MAX_CHILDREN);
      in.done();
      return new Move(version == null ? 0 : version, itemId, parentId, position == null ? 0 : position);
    }
  }

  /** Approving the agenda as it stands at {@code version}. */
  public static long versionOnly(JsonInput in) {
    Integer version = in.optionalInt("version", 0, Integer.MAX_VALUE);
    if (version == null) {
      in.fail("version", "is required");
    }
    in.done();
    return version == null ? 0 : version;
  }
}
