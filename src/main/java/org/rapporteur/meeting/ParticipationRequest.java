package org.rapporteur.meeting;

import org.rapporteur.platform.json.JsonInput;
import org.rapporteur.platform.mongo.Ids;

/** Registering or checking in: how one takes part, and for whom (a chair may check in others). */
public record ParticipationRequest(ParticipationMode mode, String userId) {
  public static ParticipationRequest from(JsonInput in) {
    ParticipationMode mode = in.requiredChoice("mode", ParticipationMode.class);
    String userId = in.optionalString("userId", 24);
    if (userId != null && !Ids.isValid(userId)) {
      in.fail("userId", "must be an id of 24 hexadecimal digits");
    }
    in.done();
    return new ParticipationRequest(mode, userId);
  }
}
