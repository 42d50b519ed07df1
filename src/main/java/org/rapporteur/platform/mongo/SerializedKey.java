package org.rapporteur.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique-index key held as its Java-serialized bytes. The H2 backend stores index keys through
 * H2's {@link ObjectDataType}, which orders objects that are not {@link Comparable} by serializing
 * both sides on every comparison: a single lookup serialized some 30 keys and took most of the
 * embedded database's time under chat load. Serializing the key once and comparing bytes gives the
 * same order and the same bytes on disk, so files written before keep working.
 */
final class SerializedKey {
  /** The tag {@link ObjectDataType} writes before a serialized object. */
  private static final byte SERIALIZED_OBJECT = 19;

  static final Type TYPE = new Type();

  private final byte[] bytes;
  private KeyValue value;

  private SerializedKey(byte[] bytes, KeyValue value) {
    this.bytes = bytes;
    this.value = value;
  }

  static SerializedKey of(KeyValue value) {
    return new SerializedKey(ObjectDataType.serialize(value), value);
  }

  KeyValue value() {
    if (value == null) {
      value = (KeyValue) ObjectDataType.deserialize(bytes);
    }
    return value;
  }

  /** Same encoding and order as {@link ObjectDataType} uses for a serialized object. */
  static final class Type extends BasicDataType<SerializedKey> {
    private static final SerializedKey[] EMPTY = new SerializedKey[0];

    private Type() {
    }

    @Override
    public int compare(SerializedKey a, SerializedKey b) {
      return Integer.signum(Arrays.compareUnsigned(a.bytes, b.bytes));
    }

    @Override
    public int getMemory(SerializedKey key) {
      return 48 + key.bytes.length;
    }

    @Override
    public void write(WriteBuffer buffer, SerializedKey key) {
      buffer.put(SERIALIZED_OBJECT).putVarInt(key.bytes.length).put(key.bytes);
    }

    @Override
    public SerializedKey read(ByteBuffer buffer) {
      byte tag = buffer.get();
      if (tag != SERIALIZED_OBJECT) {
        throw new IllegalStateException("index key with tag " + tag + " where a serialized object was expected");
      }
      byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
      buffer.get(bytes);
      return new SerializedKey(bytes, null);
    }

    @Override
    public SerializedKey[] createStorage(int size) {
      return size == 0 ? EMPTY : new SerializedKey[size];
    }
  }
}
