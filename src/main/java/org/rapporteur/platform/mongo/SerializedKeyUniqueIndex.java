package org.rapporteur.platform.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map.Entry;
import org.h2.mvstore.MVMap;

/** The H2 backend's unique index, over keys serialized once per operation (see {@link SerializedKey}). */
final class SerializedKeyUniqueIndex extends AbstractUniqueIndex<Object> {
  private final MVMap<SerializedKey, Object> map;

  SerializedKeyUniqueIndex(MVMap<SerializedKey, Object> map, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.map = map;
  }

  @Override
  protected Object removeDocument(KeyValue key) {
    return map.remove(SerializedKey.of(key));
  }

  @Override
  protected boolean putKeyPosition(KeyValue key, Object position) {
    return map.putIfAbsent(SerializedKey.of(key), Missing.ofNullable(position)) == null;
  }

  @Override
  protected Iterable<Entry<KeyValue, Object>> getIterable() {
    return () -> map.entrySet().stream()
        .<Entry<KeyValue, Object>>map(e -> new SimpleImmutableEntry<>(e.getKey().value(), e.getValue()))
        .iterator();
  }

  @Override
  protected Object getPosition(KeyValue key) {
    return map.get(SerializedKey.of(key));
  }

  @Override
  public long getCount() {
    return map.sizeAsLong();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }
}
