package dev.bulwark.secrets;

/**
 * Validates UTF-8 (RFC 3629: shortest form, no surrogates, at most U+10FFFF) without decoding,
 * so that checking a secret leaves no decoded copy of it on the heap.
 */
final class Utf8 {

  private Utf8() {}

  static boolean isValid(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int continuations;
      int min = 0x80;
      int max = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        continuations = 1;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuations = 2;
        if (lead == 0xE0) {
          min = 0xA0; // overlong below U+0800
        } else if (lead == 0xED) {
          max = 0x9F; // U+D800..U+DFFF are surrogates
        }
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuations = 3;
        if (lead == 0xF0) {
          min = 0x90; // overlong below U+10000
        } else if (lead == 0xF4) {
          max = 0x8F; // above U+10FFFF
        }
      } else {
        return false; // a continuation byte, an overlong C0/C1 lead, or F5..FF
      }
      if (i + continuations >= bytes.length) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < min || second > max) {
        return false;
      }
      for (int k = 2; k <= continuations; k++) {
        int next = bytes[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
      i += continuations + 1;
    }
    return true;
  }
}
