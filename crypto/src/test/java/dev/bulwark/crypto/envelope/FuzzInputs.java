package dev.bulwark.crypto.envelope;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Arrays;

/** Shared input shaping for the envelope and CLI fuzz tests. */
public final class FuzzInputs {

  private FuzzInputs() {
  }

  /**
   * Either {@code valid} with up to four bytes overwritten and its length changed (to get past
   * the header checks, to the KEK and the payload), or raw fuzzer bytes.
   *
   * @param data the fuzzer's data
   * @param valid a valid ciphertext
   * @return the input to try
   */
  public static byte[] mutatedOrRaw(FuzzedDataProvider data, byte[] valid) {
    if (!data.consumeBoolean()) {
      return data.consumeRemainingAsBytes();
    }
    byte[] input = valid.clone();
    int edits = data.consumeInt(0, 4);
    for (int i = 0; i < edits; i++) {
      input[data.consumeInt(0, input.length - 1)] = data.consumeByte();
    }
    return Arrays.copyOf(input, data.consumeInt(0, input.length + 2));
  }
}
