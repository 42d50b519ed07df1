package org.rapporteur.initiative;

import io.vertx.core.json.JsonObject;

/**
 * The settings of the yearly TDAG report and the IATI export, under {@code initiatives} in the
 * configuration: the worker threads that build the files, who the IATI file says reports it, how
 * long a reader may cache it, and the contact printed at the end of the report.
 */
public record ReportsConfig(int workers, String iatiReportingOrg, String iatiReportingOrgName, int iatiMaxAgeSeconds,
    String contact) {
  public static ReportsConfig fromJson(JsonObject json) {
    return new ReportsConfig(
        Math.max(1, json.getInteger("reportWorkers", 1)),
        json.getString("iatiReportingOrg", "XM-DAC-41303"),
        json.getString("iatiReportingOrgName", "International Telecommunication Union"),
        Math.max(0, json.getInteger("iatiMaxAgeSeconds", 3600)),
        json.getString("reportContact", "Telecommunication Development Bureau (BDT), regional presence"));
  }
}
