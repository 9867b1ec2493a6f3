package dev.bulwark.crypto.envelope;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The optional data-key cache. Encryption side: one data key per associated data (the wrapped
 * key is bound to it), reused while it is younger than {@code maxAge}, has protected fewer than
 * {@code maxMessages} messages and fewer than {@code maxBytes} plaintext bytes. Decryption side:
 * unwrapped keys, keyed by the exact wrapped bytes and associated data that the KEK
 * authenticated (the envelope header is fixed per encryptor, so this is the KEK's whole
 * associated data), so a hit never skips a check that a miss would make. Lookups compare the
 * bytes where they lie in the caller's arrays; only entries own copies. Both maps are
 * LRU-bounded by {@code capacity}. Thread-safe: every method holds this object's lock.
 */
final class DataKeyCache {

  /** A data key ready for one associated data: its cipher and the payload's associated data. */
  static class Keyed {
    final PayloadCipher cipher;
    /** {@code header || LABEL_PAYLOAD || associatedData}, built once per entry. */
    final byte[] payloadAssociatedData;
    final Instant created;

    Keyed(PayloadCipher cipher, byte[] payloadAssociatedData, Instant created) {
      this.cipher = cipher;
      this.payloadAssociatedData = payloadAssociatedData;
      this.created = created;
    }
  }

  /** An encryption data key in use, with its wrapped bytes and usage counters. */
  static final class Lease extends Keyed {
    final byte[] wrappedKey;
    long messages;
    long bytes;

    Lease(PayloadCipher cipher, byte[] payloadAssociatedData, byte[] wrappedKey,
        Instant created) {
      super(cipher, payloadAssociatedData, created);
      this.wrappedKey = wrappedKey;
    }
  }

  /**
   * The decryption side's key: wrapped bytes (a slice of an envelope for lookups, a copy in
   * entries) and the associated data.
   */
  private static final class WrappedKey {
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final byte[] associatedData;
    private final int hash;

    WrappedKey(byte[] bytes, int from, int to, byte[] associatedData) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
      this.associatedData = associatedData;
      int h = 1;
      for (int i = from; i < to; i++) {
        h = 31 * h + bytes[i];
      }
      this.hash = 31 * h + Arrays.hashCode(associatedData);
    }

    WrappedKey copy() {
      return new WrappedKey(Arrays.copyOfRange(bytes, from, to), 0, to - from,
          associatedData.clone());
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof WrappedKey other && hash == other.hash
          && Arrays.equals(bytes, from, to, other.bytes, other.from, other.to)
          && Arrays.equals(associatedData, other.associatedData);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final Duration maxAge;
  private final long maxMessages;
  private final long maxBytes;
  private final InstantSource clock;
  private final Map<ByteBuffer, Lease> encrypting;
  private final Map<WrappedKey, Keyed> decrypting;

  DataKeyCache(Duration maxAge, long maxMessages, long maxBytes, int capacity,
      InstantSource clock) {
    this.maxAge = maxAge;
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.encrypting = lru(capacity);
    this.decrypting = lru(capacity);
  }

  /** A map that drops its least recently used entry beyond {@code capacity}; not thread-safe. */
  static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  private boolean expired(Instant created, Instant now) {
    return !now.isBefore(created.plus(maxAge)) || now.isBefore(created);
  }

  /** Returns a cached data key that may protect {@code length} more bytes, counting the use. */
  synchronized @Nullable Lease lease(byte[] associatedData, long length) {
    ByteBuffer key = ByteBuffer.wrap(associatedData); // a lookup only: entries hold copies
    Lease lease = encrypting.get(key);
    if (lease == null) {
      return null;
    }
    if (expired(lease.created, clock.instant()) || lease.messages >= maxMessages
        || length > maxBytes - lease.bytes) {
      encrypting.remove(key);
      return null;
    }
    lease.messages++;
    lease.bytes += length;
    return lease;
  }

  /** Starts a lease for a fresh data key that has just protected {@code length} bytes. */
  synchronized void put(byte[] associatedData, Lease lease, long length) {
    lease.messages = 1;
    lease.bytes = length;
    if (lease.messages < maxMessages && length < maxBytes) {
      encrypting.put(ByteBuffer.wrap(associatedData.clone()), lease);
    }
  }

  Instant now() {
    return clock.instant();
  }

  /** Looks up the unwrapped key for {@code envelope[from, to)} wrapped for the given data. */
  synchronized @Nullable Keyed unwrapped(byte[] envelope, int from, int to,
      byte[] associatedData) {
    WrappedKey key = new WrappedKey(envelope, from, to, associatedData);
    Keyed hit = decrypting.get(key);
    if (hit == null) {
      return null;
    }
    if (expired(hit.created, clock.instant())) {
      decrypting.remove(key);
      return null;
    }
    return hit;
  }

  /** Caches an unwrapped key; the slice and the associated data are copied. */
  synchronized void putUnwrapped(byte[] envelope, int from, int to, byte[] associatedData,
      Keyed keyed) {
    decrypting.put(new WrappedKey(envelope, from, to, associatedData).copy(), keyed);
  }

  synchronized void flush() {
    encrypting.clear();
    decrypting.clear();
  }
}
