package org.rapporteur.realtime.room;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers that every message asks for (room access, mutes), kept for a while. Once an answer has
 * expired it is reloaded in the background while callers keep the one they have: a reload under
 * load can take a while, and every message would wait for it. An answer removed meanwhile is not put
 * back. The futures are bound to no event loop, so a caller goes on in its own thread instead of
 * hopping onto the loop that first asked.
 */
public final class RefreshingCache<K, V> {
  private record Entry<V>(Future<V> value, long at) {}

  private final long ttlMillis;
  private final int maxEntries;
  private final Function<K, Future<V>> loader;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public RefreshingCache(long ttlMillis, int maxEntries, Function<K, Future<V>> loader) {
    this.ttlMillis = ttlMillis;
    this.maxEntries = maxEntries;
    this.loader = loader;
  }

  public Future<V> get(K key) {
    long now = System.currentTimeMillis();
    if (entries.size() > maxEntries) {
      entries.clear();
    }
    Entry<V> cached = entries.computeIfAbsent(key, k -> new Entry<>(load(k), now));
    if (now - cached.at() >= ttlMillis && cached.value().isComplete()) {
      refresh(key, cached, now);
    }
    return cached.value().onFailure(e -> entries.remove(key, cached));
  }

  public void remove(K key) {
    entries.remove(key);
  }

  public void removeIf(Predicate<K> which) {
    entries.keySet().removeIf(which);
  }

  private void refresh(K key, Entry<V> expired, long now) {
    Entry<V> refreshing = new Entry<>(expired.value(), now);
    if (entries.replace(key, expired, refreshing)) {
      Future<V> fresh = load(key);
      fresh.onComplete(done -> entries.replace(key, refreshing, new Entry<>(fresh, System.currentTimeMillis())));
    }
  }

  private Future<V> load(K key) {
    Promise<V> loaded = Promise.promise();
    loader.apply(key).onComplete(loaded);
    return loaded.future();
  }
}
