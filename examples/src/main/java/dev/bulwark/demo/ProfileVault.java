package dev.bulwark.demo;

import dev.bulwark.crypto.envelope.EnvelopeEncryptor;
import dev.bulwark.crypto.envelope.LocalKeyset;
import dev.bulwark.secrets.Secret;
import dev.bulwark.secrets.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts the sensitive profile field with {@link EnvelopeEncryptor}: a fresh AES-256-GCM data
 * key per value, wrapped by the local keyset {@code envelope-keyset.tink}, which is itself
 * encrypted under the master secret. The user's id is the associated data, so a ciphertext copied
 * into another user's row does not decrypt.
 *
 * <p>The master secret comes through Bulwark's secrets loader: the environment variable
 * {@value #ENV} (or {@code BULWARK_DEMO_MASTER_SECRET_FILE} naming a file), else the owner-only
 * file {@value #FILE} in the data directory, which the demo generates on first start with a
 * warning (a secret kept beside the data it protects protects nothing against someone who copies
 * the directory).
 */
final class ProfileVault {

  static final String SECRET_NAME = "bulwark.demo.master-secret";
  static final String ENV = "BULWARK_DEMO_MASTER_SECRET";
  static final String FILE = "bulwark_demo_master_secret";
  static final String KEYSET = "envelope-keyset.tink";

  private final EnvelopeEncryptor encryptor;

  private ProfileVault(EnvelopeEncryptor encryptor) {
    this.encryptor = encryptor;
  }

  static ProfileVault open(DataDir dir, SecureRandom random)
      throws IOException, GeneralSecurityException {
    Secret master = masterSecret(dir, random);
    try {
      Path keyset = dir.resolve(KEYSET);
      if (Files.exists(keyset)) {
        dir.say("Reusing the encrypted keyset " + keyset);
      } else {
        LocalKeyset.create(keyset, master);
        dir.makePrivate(keyset);
        dir.say("Created an encrypted keyset (AES-256-GCM, wrapped by the master secret): "
            + keyset);
      }
      return new ProfileVault(EnvelopeEncryptor.builder().localKeyset(keyset, master).build());
    } finally {
      master.destroy();
    }
  }

  private static Secret masterSecret(DataDir dir, SecureRandom random) throws IOException {
    Optional<Secret> found = Secrets.builder().environment().secretsDirectory(dir.root())
        .refusePlaceholders().build().find(SECRET_NAME);
    if (found.isPresent()) {
      boolean fromFile = Files.exists(dir.resolve(FILE)) && System.getenv(ENV) == null
          && System.getenv(ENV + "_FILE") == null;
      dir.say("Using the master secret from " + (fromFile ? dir.resolve(FILE) : "the environment ("
          + ENV + ")"));
      return found.get();
    }
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    byte[] encoded = Base64.getEncoder().encode(raw);
    dir.createPrivate(FILE, encoded, "a generated master secret");
    dir.say("WARNING: the master secret lives beside the data it protects. Outside a demo, set "
        + ENV + " (or " + ENV + "_FILE) from a secrets manager instead.");
    return Secret.ofBytes(encoded);
  }

  /**
   * Encrypts a user's profile note.
   *
   * @param userId the owner, bound as associated data
   * @param plaintext the note
   * @return a URL-safe token to store
   */
  String encrypt(long userId, String plaintext) throws GeneralSecurityException {
    return encryptor.encryptToString(plaintext, associatedData(userId));
  }

  /**
   * Decrypts a user's profile note.
   *
   * @param userId the owner
   * @param token the stored token
   * @return the note
   * @throws GeneralSecurityException if the token was tampered with or belongs to another user
   */
  String decrypt(long userId, String token) throws GeneralSecurityException {
    return encryptor.decryptToString(token, associatedData(userId));
  }

  private static byte[] associatedData(long userId) {
    return ("bulwark-demo/profile/user/" + userId).getBytes(StandardCharsets.US_ASCII);
  }
}
