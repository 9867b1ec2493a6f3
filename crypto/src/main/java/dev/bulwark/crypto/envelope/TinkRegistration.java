package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;

/**
 * Registers Tink's AEAD and streaming AEAD key managers once, so that {@code KeysetHandle.generateNew} can create
 * keys; primitives are then obtained through {@code ConfigurationV0}.
 */
final class TinkRegistration {

  private static volatile boolean registered;

  private TinkRegistration() {
  }

  static void ensure() throws GeneralSecurityException {
    if (!registered) {
      synchronized (TinkRegistration.class) {
        if (!registered) {
          AeadConfig.register();
          StreamingAeadConfig.register();
          registered = true;
        }
      }
    }
  }
}
