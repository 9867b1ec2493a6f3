package dev.bulwark.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A value found by a {@link Source}: where it was found and its UTF-8 bytes. The bytes are owned
 * by whoever holds this object, who wipes them or hands them to a {@link Secret}.
 */
final class Found {

  final String place;
  final byte[] utf8;

  private Found(String place, byte[] utf8) {
    this.place = place;
    this.utf8 = utf8;
  }

  static Found ofText(String place, String value) {
    return new Found(place, value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Takes a file's bytes: trims one trailing newline and checks they are UTF-8 text.
   *
   * @throws SecretSourceException if they are not UTF-8 (the bytes are wiped first)
   */
  static Found ofFile(String place, byte[] content) {
    byte[] trimmed = SecretFiles.trimOneNewline(content);
    if (!Utf8.isValid(trimmed)) {
      Arrays.fill(trimmed, (byte) 0);
      throw new SecretSourceException(place + " is not UTF-8 text;"
          + " store a binary key encoded (base64 or hex) and decode it after reading");
    }
    return new Found(place, trimmed);
  }

  /** Returns the value as text and wipes the bytes. */
  String takeText() {
    String text = new String(utf8, StandardCharsets.UTF_8);
    wipe();
    return text;
  }

  void wipe() {
    Arrays.fill(utf8, (byte) 0);
  }
}
