package org.rapporteur.workspace;

/** Narrows the group list; null fields do not filter. */
public record GroupFilter(Sector sector, Region region, GroupKind kind, String text) {}
