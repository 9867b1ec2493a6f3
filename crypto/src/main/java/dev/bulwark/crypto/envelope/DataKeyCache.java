package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The optional data-key cache. Encryption side: one data key per associated data (the wrapped
 * key is bound to it), reused while it is younger than {@code maxAge}, has protected fewer than
 * {@code maxMessages} messages and fewer than {@code maxBytes} plaintext bytes. Decryption side:
 * unwrapped keys, keyed by the exact KEK associated data and wrapped bytes that the KEK
 * authenticated, so a hit never skips a check that a miss would make. Both maps are LRU-bounded
 * by {@code capacity}. Thread-safe: every method holds this object's lock.
 */
final class DataKeyCache {

  /** An encryption data key in use, with its usage counters. */
  static final class Lease {
    final Aead aead;
    final byte[] wrappedKey;
    final Instant created;
    long messages;
    long bytes;

    Lease(Aead aead, byte[] wrappedKey, Instant created) {
      this.aead = aead;
      this.wrappedKey = wrappedKey;
      this.created = created;
    }
  }

  private static final class Unwrapped {
    final Aead aead;
    final Instant created;

    Unwrapped(Aead aead, Instant created) {
      this.aead = aead;
      this.created = created;
    }
  }

  private final Duration maxAge;
  private final long maxMessages;
  private final long maxBytes;
  private final InstantSource clock;
  private final Map<ByteBuffer, Lease> encrypting;
  private final Map<ByteBuffer, Unwrapped> decrypting;

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
    ByteBuffer key = ByteBuffer.wrap(associatedData.clone());
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

  synchronized @Nullable Aead unwrapped(byte[] lookupKey) {
    ByteBuffer key = ByteBuffer.wrap(lookupKey);
    Unwrapped hit = decrypting.get(key);
    if (hit == null) {
      return null;
    }
    if (expired(hit.created, clock.instant())) {
      decrypting.remove(key);
      return null;
    }
    return hit.aead;
  }

  synchronized void putUnwrapped(byte[] lookupKey, Aead aead) {
    decrypting.put(ByteBuffer.wrap(lookupKey), new Unwrapped(aead, clock.instant()));
  }

  synchronized void flush() {
    encrypting.clear();
    decrypting.clear();
  }
}
