package dev.bulwark.headers;

import java.security.SecureRandom;

/**
 * A SecureRandom that counts: it returns the byte stream 1, 2, 3, ... (modulo 256) across calls,
 * and counts its calls. For tests only.
 */
final class FixedRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  private int calls;
  private int next = 1;

  @Override
  public void nextBytes(byte[] bytes) {
    calls++;
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) next++;
    }
  }

  int calls() {
    return calls;
  }

  /** The {@code n}-th (from 1) run of {@code length} bytes of the stream. */
  static byte[] run(int n, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) ((n - 1) * length + i + 1);
    }
    return bytes;
  }
}
