// A room's messages as its events left them. Edits and deletions apply in sequence order, also when
// the history arrives newest page first: a change to a message not loaded yet (or trimmed from the
// page) waits for it, and only the newest change of each message is kept.

export class RoomMessages {
  constructor() {
    this.bySeq = new Map(); // seq -> message
    this.changes = new Map(); // seq -> newest edit or deletion of a message not loaded
    this.oldest = null; // lowest seq loaded, where earlier history continues
  }

  get(seq) {
    return this.bySeq.get(seq);
  }

  values() {
    return this.bySeq.values();
  }

  authors() {
    return [...this.bySeq.values()].filter((m) => m.author).map((m) => m.author);
  }

  /** A page of history starting at seq was loaded. */
  loadedFrom(seq) {
    this.oldest = Math.min(this.oldest ?? Infinity, seq);
  }

  /** Applies one event; answers the seq of the message it adds or changes, or null. */
  take(seq, event) {
    if (event.kind === 'message') {
      const message = { ...event, seq, changedAt: seq };
      const change = this.changes.get(seq);
      if (change) {
        this.changes.delete(seq);
        applyChange(message, change);
      }
      this.bySeq.set(seq, message);
      return seq;
    }
    if (event.kind !== 'edit' && event.kind !== 'delete') return null;
    const change = { ...event, seq };
    const target = this.bySeq.get(event.target);
    if (target) {
      if (seq <= target.changedAt || target.deleted) return null;
      applyChange(target, change);
      return event.target;
    }
    const waiting = this.changes.get(event.target);
    if (!waiting || waiting.seq < seq) this.changes.set(event.target, change);
    return null;
  }

  /** Drops the messages before seq from memory, keeping what changed them for when they load again. */
  forgetBefore(seq) {
    for (const message of [...this.bySeq.values()]) {
      if (message.seq >= seq) continue;
      if (message.changedAt > message.seq) this.changes.set(message.seq, changeOf(message));
      this.bySeq.delete(message.seq);
    }
    this.oldest = seq;
  }
}

/** Applies an edit or a deletion to a message (a deletion is final: the server refuses later edits). */
function applyChange(message, change) {
  if (change.kind === 'delete') {
    message.deleted = true;
    message.text = undefined;
  } else {
    message.text = change.text;
    message.editedAt = change.at;
  }
  message.changedAt = change.seq;
}

/** The change that made a message what it is. */
function changeOf(message) {
  return message.deleted
    ? { kind: 'delete', seq: message.changedAt }
    : { kind: 'edit', seq: message.changedAt, text: message.text, at: message.editedAt };
}
