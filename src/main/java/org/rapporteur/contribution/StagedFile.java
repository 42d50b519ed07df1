package org.rapporteur.contribution;

import java.nio.file.Path;

/** An uploaded file waiting on local disk to be stored: where it is, its size and what the client called it. */
public record StagedFile(Path path, long size, String clientFilename, String declaredType) {}
