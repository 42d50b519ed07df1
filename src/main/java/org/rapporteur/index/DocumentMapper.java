package org.rapporteur.index;

/** Turns a feed's item (an event, or a record read during a rebuild) into the write it makes. */
@FunctionalInterface
public interface DocumentMapper<E> {
  IndexChange change(E item);
}
