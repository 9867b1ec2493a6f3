package dev.bulwark.headers;

import java.security.SecureRandom;

/** A SecureRandom that counts: the n-th call fills every byte with n. For tests only. */
final class FixedRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  private int calls;

  @Override
  public void nextBytes(byte[] bytes) {
    calls++;
    java.util.Arrays.fill(bytes, (byte) calls);
  }

  int calls() {
    return calls;
  }
}
