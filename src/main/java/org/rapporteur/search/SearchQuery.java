package org.rapporteur.search;

/** What someone searches for: words, optional filters and the page of hits. */
public record SearchQuery(String text, String groupId, String question, String meetingId, String status,
    String language, int offset, int limit) {}
