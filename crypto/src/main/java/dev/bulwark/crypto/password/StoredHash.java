package dev.bulwark.crypto.password;

import at.favre.lib.crypto.bcrypt.Radix64Encoder;
import dev.bulwark.crypto.password.PasswordVerification.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A parsed stored hash, and the parser for every format a {@link PasswordHasher} reads.
 *
 * <p>Formats (after an optional Spring {@code {bcrypt}} or {@code {argon2}} prefix):
 * <ul>
 *   <li>{@code $2a$}, {@code $2b$}, {@code $2y$} + two-digit cost 04..31 + {@code $} + 22
 *       characters of salt + 31 of hash, in bcrypt's base64 alphabet (60 characters).</li>
 *   <li>{@code $bulwark-bcrypt$v=1$} + a {@code $2b$} string: bcrypt over
 *       base64(HMAC-SHA-384(fixed public key, password)) (long-password mode).</li>
 *   <li>{@code $bulwark-bcrypt$v=1,k=ID$} + a {@code $2b$} string: bcrypt over
 *       base64(HMAC-SHA-384(pepper ID, password)).</li>
 *   <li>{@code $argon2id$v=19$m=M,t=T,p=P[,keyid=B64]$SALT$HASH} (PHC string format, base64
 *       without padding; {@code keyid} names the pepper used as Argon2's secret input).</li>
 * </ul>
 * Refused on purpose: {@code $2x$} (crypt_blowfish's sign-extension bug: its hashes of
 * non-ASCII passwords are wrong), {@code $2$} (the original, before the 2a fixes), every other
 * {@code $id$} and Argon2 other than id version 19. Every length read is capped.
 */
abstract sealed class StoredHash permits StoredHash.Bcrypt, StoredHash.Argon2id {

  /** Longer stored values are refused without being read further. */
  static final int MAX_LENGTH = 512;

  static final String SPRING_BCRYPT = "{bcrypt}";
  static final String SPRING_ARGON2 = "{argon2}";
  static final String BULWARK_BCRYPT = "$bulwark-bcrypt$";
  static final String BCRYPT_ALPHABET =
      "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final int BCRYPT_LENGTH = 60;

  /** Whether a Spring {@code {id}} prefix was present. */
  final boolean springPrefix;

  private StoredHash(boolean springPrefix) {
    this.springPrefix = springPrefix;
  }

  /** A parsed bcrypt hash, plain or pre-hashed. */
  static final class Bcrypt extends StoredHash {
    /** {@code a}, {@code b} or {@code y}. */
    final char minor;
    final int cost;
    final byte[] salt;
    /** The 31 characters of the hash, ASCII. */
    final byte[] hashChars;
    /** Whether the password was pre-hashed ({@code $bulwark-bcrypt$}). */
    final boolean preHashed;
    /** The pepper id if pre-hashed with a pepper. */
    final @Nullable String keyId;

    Bcrypt(boolean springPrefix, char minor, int cost, byte[] salt, byte[] hashChars,
        boolean preHashed, @Nullable String keyId) {
      super(springPrefix);
      this.minor = minor;
      this.cost = cost;
      this.salt = salt;
      this.hashChars = hashChars;
      this.preHashed = preHashed;
      this.keyId = keyId;
    }
  }

  /** A parsed Argon2id PHC string. */
  static final class Argon2id extends StoredHash {
    final int memoryKiB;
    final int iterations;
    final int parallelism;
    final @Nullable String keyId;
    final byte[] salt;
    final byte[] hash;

    Argon2id(boolean springPrefix, int memoryKiB, int iterations, int parallelism,
        @Nullable String keyId, byte[] salt, byte[] hash) {
      super(springPrefix);
      this.memoryKiB = memoryKiB;
      this.iterations = iterations;
      this.parallelism = parallelism;
      this.keyId = keyId;
      this.salt = salt;
      this.hash = hash;
    }
  }

  /** Why a stored value was not parsed; carries a {@link Reason} and no material. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final Reason reason;

    Refused(Reason reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }
  }

  /**
   * Parses {@code stored}.
   *
   * @throws Refused with {@link Reason#MALFORMED_HASH} or {@link Reason#UNSUPPORTED_ALGORITHM}
   */
  static StoredHash parse(String stored) throws Refused {
    if (stored.length() > MAX_LENGTH) {
      throw malformed();
    }
    if (stored.startsWith(SPRING_BCRYPT)) {
      String rest = stored.substring(SPRING_BCRYPT.length());
      if (!rest.startsWith("$2")) {
        throw malformed();
      }
      return parseBcrypt(rest, true, false, null);
    }
    if (stored.startsWith(SPRING_ARGON2)) {
      return parseArgon2id(stored.substring(SPRING_ARGON2.length()), true);
    }
    if (stored.startsWith(BULWARK_BCRYPT)) {
      return parseBulwarkBcrypt(stored.substring(BULWARK_BCRYPT.length()));
    }
    if (stored.startsWith("$2")) {
      return parseBcrypt(stored, false, false, null);
    }
    if (stored.startsWith("$argon2id$")) {
      return parseArgon2id(stored, false);
    }
    if (stored.matches("\\$[a-z0-9-]{1,32}\\$.*")) {
      throw new Refused(Reason.UNSUPPORTED_ALGORITHM); // $1$, $5$, $6$, $argon2i$, $y$, ...
    }
    throw malformed();
  }

  private static Bcrypt parseBulwarkBcrypt(String rest) throws Refused {
    int end = rest.indexOf('$');
    if (end < 0) {
      throw malformed();
    }
    String params = rest.substring(0, end);
    String keyId = null;
    if (params.startsWith("v=1,k=")) {
      keyId = params.substring("v=1,k=".length());
      if (!Pepper.ID.matcher(keyId).matches()) {
        throw malformed();
      }
    } else if (!params.equals("v=1")) {
      throw params.startsWith("v=") && !params.startsWith("v=1,")
          ? new Refused(Reason.UNSUPPORTED_ALGORITHM) : malformed();
    }
    String inner = rest.substring(end);
    if (!inner.startsWith("$2b$")) {
      throw malformed();
    }
    return parseBcrypt(inner, false, true, keyId);
  }

  private static Bcrypt parseBcrypt(String s, boolean spring, boolean preHashed,
      @Nullable String keyId) throws Refused {
    // s starts with "$2".
    if (s.startsWith("$2x$") || s.startsWith("$2$")) {
      throw new Refused(Reason.UNSUPPORTED_ALGORITHM);
    }
    if (s.length() != BCRYPT_LENGTH) {
      throw malformed();
    }
    char minor = s.charAt(2);
    if ((minor != 'a' && minor != 'b' && minor != 'y') || s.charAt(3) != '$') {
      throw malformed();
    }
    char tens = s.charAt(4);
    char ones = s.charAt(5);
    if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
      throw malformed();
    }
    int cost = (tens - '0') * 10 + (ones - '0');
    if (cost < 4 || cost > 31) {
      throw malformed();
    }
    if (s.charAt(6) != '$') {
      throw malformed();
    }
    for (int i = 7; i < BCRYPT_LENGTH; i++) {
      if (BCRYPT_ALPHABET.indexOf(s.charAt(i)) < 0) {
        throw malformed();
      }
    }
    Radix64Encoder radix64 = new Radix64Encoder.Default();
    byte[] salt = radix64.decode(s.substring(7, 29).getBytes(StandardCharsets.US_ASCII));
    if (salt.length != 16) {
      throw malformed();
    }
    byte[] hash = s.substring(29).getBytes(StandardCharsets.US_ASCII);
    return new Bcrypt(spring, minor, cost, salt, hash, preHashed, keyId);
  }

  private static Argon2id parseArgon2id(String s, boolean spring) throws Refused {
    // $argon2id$v=19$m=..,t=..,p=..[,keyid=..]$salt$hash -> "", "argon2id", "v=19", params, ...
    String[] parts = s.split("\\$", -1);
    if (parts.length != 6 || !parts[0].isEmpty()) {
      throw parts.length == 5 && parts[0].isEmpty() && parts[1].equals("argon2id")
          ? new Refused(Reason.UNSUPPORTED_ALGORITHM) // no v= field: version 0x10
          : malformed();
    }
    if (!parts[1].equals("argon2id")) {
      throw malformed();
    }
    if (!parts[2].equals("v=19")) {
      throw parts[2].matches("v=[0-9]{1,3}") ? new Refused(Reason.UNSUPPORTED_ALGORITHM)
          : malformed();
    }
    String[] params = parts[3].split(",", -1);
    if (params.length != 3 && params.length != 4) {
      throw malformed();
    }
    int m = number(params[0], "m=");
    int t = number(params[1], "t=");
    int p = number(params[2], "p=");
    if (t < 1 || p < 1 || p > 255 || m < 8 * p) {
      throw malformed();
    }
    String keyId = null;
    if (params.length == 4) {
      if (!params[3].startsWith("keyid=")) {
        throw malformed();
      }
      keyId = new String(base64(params[3].substring(6), 1, 32), StandardCharsets.US_ASCII);
      if (!Pepper.ID.matcher(keyId).matches()) {
        throw malformed();
      }
    }
    byte[] salt = base64(parts[4], 8, 64);
    byte[] hash = base64(parts[5], 16, 64);
    return new Argon2id(spring, m, t, p, keyId, salt, hash);
  }

  private static int number(String field, String name) throws Refused {
    if (!field.startsWith(name)) {
      throw malformed();
    }
    String digits = field.substring(name.length());
    if (digits.isEmpty() || digits.length() > 10 || (digits.length() > 1 && digits.charAt(0) == '0')) {
      throw malformed();
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw malformed();
      }
      value = value * 10 + (c - '0');
    }
    if (value > Integer.MAX_VALUE) {
      throw malformed();
    }
    return (int) value;
  }

  /** Decodes unpadded standard base64 of {@code min..max} bytes. */
  private static byte[] base64(String text, int min, int max) throws Refused {
    if (text.indexOf('=') >= 0 || text.length() > (max * 4 + 2) / 3) {
      throw malformed();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (bytes.length < min || bytes.length > max
        || !Base64.getEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
      throw malformed(); // also refuses non-canonical trailing bits
    }
    return bytes;
  }

  private static Refused malformed() {
    return new Refused(Reason.MALFORMED_HASH);
  }
}
