/**
 * Envelope encryption on Google Tink: each message is encrypted under a fresh AES-256-GCM data
 * key, and the data key is wrapped by a key-encryption key (a Tink {@code Aead}, a KMS key or a
 * local keyset file protected by a master secret or a passphrase, {@code LocalKeyset}).
 *
 * <p>Start with {@link dev.bulwark.crypto.envelope.EnvelopeEncryptor#builder()}:
 *
 * <pre>{@code
 * EnvelopeEncryptor envelope = EnvelopeEncryptor.builder()
 *     .localKeyset(Path.of("kek.keyset"), masterSecret)   // or .keyEncryptionKey(kmsAead)
 *     .build();
 * byte[] ciphertext = envelope.encrypt(plaintext, tenantId);
 * byte[] back = envelope.decrypt(ciphertext, tenantId);    // GeneralSecurityException if tampered
 * }</pre>
 *
 * <p>Large data goes through {@code encrypt(InputStream, OutputStream, byte[])}, on Tink's
 * {@code StreamingAead}, in constant memory.
 *
 * <p>Guarantees: the wrapped data key and the payload are both bound to the associated data; the
 * wire format (see {@code docs/formats.md}) is versioned and every length read is capped; every
 * failure to decrypt is a {@link java.security.GeneralSecurityException} whose message says
 * nothing about the input or the keys. The guide is {@code docs/encryption.md}.
 */
@NullMarked
package dev.bulwark.crypto.envelope;

import org.jspecify.annotations.NullMarked;
