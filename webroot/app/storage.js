// JSON in localStorage, for what a page keeps across reloads (outboxes, what the reader has seen).
// Storage that is full or disabled (some private windows) is not an error: the page then keeps less.

export function readJson(key, fallback) {
  try {
    const value = localStorage.getItem(key);
    return value ? JSON.parse(value) : fallback;
  } catch {
    return fallback;
  }
}

export function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // kept only as long as the page
  }
}
