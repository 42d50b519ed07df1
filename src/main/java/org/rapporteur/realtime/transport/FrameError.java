package org.rapporteur.realtime.transport;

/** A failure of a feature that names the {@code code} of its error frame itself (chat's {@code muted}). */
public interface FrameError {
  String code();
}
