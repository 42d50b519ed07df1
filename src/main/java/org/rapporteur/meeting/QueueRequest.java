package org.rapporteur.meeting;

import org.rapporteur.platform.json.JsonInput;

/** Asking for the floor for oneself (no name), or a chair adding someone by name. */
public record QueueRequest(ParticipationMode mode, String name, String country) {
  public static QueueRequest from(JsonInput in) {
    ParticipationMode mode = in.requiredChoice("mode", ParticipationMode.class);
    String name = in.optionalString("name", 120);
    String country = in.optionalString("country", 80);
    if (country != null && name == null) {
      in.fail("name", "is required when a country is given");
    }
    in.done();
    return new QueueRequest(mode, name, country);
  }
}
