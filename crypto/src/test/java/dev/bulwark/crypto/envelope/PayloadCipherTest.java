package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-place payload cipher must stay exactly Tink's AES-GCM ciphertext for the same key: Tink's
 * public {@code Aead} decrypts what it writes and the reverse. This guards the Tink-internal class
 * it builds on across Tink upgrades.
 */
class PayloadCipherTest {

  private static final byte[] AD = "header|2|tenant".getBytes(StandardCharsets.US_ASCII);

  private static byte[] message(int size) {
    byte[] m = new byte[size];
    for (int i = 0; i < size; i++) {
      m[i] = (byte) (i * 7 + 3);
    }
    return m;
  }

  private static Aead tinkAead(DataKeys.DataKey key) throws GeneralSecurityException {
    KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(key.serialized,
        InsecureSecretKeyAccess.get());
    return handle.getPrimitive(ConfigurationV0.get(), Aead.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 16, 1000, 70_000})
  void output_afterTheOffset_isTinkCiphertextForTheKey(int size) throws Exception {
    DataKeys.DataKey key = DataKeys.generate();
    byte[] out = key.cipher.encrypt(message(size), 9, AD);
    assertThat(Arrays.copyOf(out, 9)).containsOnly(0);
    byte[] tinkView = Arrays.copyOfRange(out, 9, out.length);
    assertThat(tinkAead(key).decrypt(tinkView, AD)).isEqualTo(message(size));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 16, 1000, 70_000})
  void tinkCiphertext_atAnOffset_decrypts(int size) throws Exception {
    DataKeys.DataKey key = DataKeys.generate();
    byte[] tink = tinkAead(key).encrypt(message(size), AD);
    byte[] shifted = new byte[tink.length + 13];
    System.arraycopy(tink, 0, shifted, 13, tink.length);
    assertThat(key.cipher.decrypt(shifted, 13, AD)).isEqualTo(message(size));
    assertThat(DataKeys.parse(key.serialized).decrypt(shifted, 13, AD)).isEqualTo(message(size));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 5, 16, 32})
  void decrypt_tooShortForPrefixIvAndTag_throwsCleanException(int length) throws Exception {
    DataKeys.DataKey key = DataKeys.generate();
    byte[] full = key.cipher.encrypt(new byte[0], 0, AD); // 5 + 12 + 16 = 33 bytes
    assertThat(full).hasSize(33);
    byte[] cut = Arrays.copyOf(full, length);
    assertThatThrownBy(() -> key.cipher.decrypt(cut, 0, AD))
        .isInstanceOf(GeneralSecurityException.class).hasMessage(EnvelopeFormat.INVALID);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 5, 16, 17, 32})
  void decrypt_anyByteFlipped_fails(int at) throws Exception {
    DataKeys.DataKey key = DataKeys.generate();
    byte[] out = key.cipher.encrypt(new byte[] {1}, 0, AD);
    out[at] ^= 0x40;
    assertThatThrownBy(() -> key.cipher.decrypt(out, 0, AD))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void decrypt_otherKeysPrefixOrOtherAssociatedData_fails(int which) throws Exception {
    DataKeys.DataKey key = DataKeys.generate();
    DataKeys.DataKey other = DataKeys.generate();
    byte[] out = key.cipher.encrypt(new byte[] {1}, 0, AD);
    assertThatThrownBy(() -> {
      if (which == 0) {
        other.cipher.decrypt(out, 0, AD);
      } else {
        key.cipher.decrypt(out, 0, "other".getBytes(StandardCharsets.US_ASCII));
      }
    }).isInstanceOf(GeneralSecurityException.class);
  }
}
