package dev.bulwark.benchmarks;

import dev.bulwark.crypto.password.PasswordHasher;
import dev.bulwark.crypto.password.PasswordVerification;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Verifying a password (the login path) with Bulwark's bcrypt {@link PasswordHasher} next to
 * Spring Security's {@code BCryptPasswordEncoder} and jBCrypt, at the same cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@BenchmarkDescription({
    "**What is measured.** One verification of a correct 28-character ASCII password against"
        + " a stored bcrypt hash at cost 10, on one thread: `$2b$` for Bulwark, `$2a$` for"
        + " Spring Security's `BCryptPasswordEncoder(10)` and jBCrypt 0.4. Bulwark's time"
        + " includes NFC normalisation, the 72-byte check, the hash-string parser and taking a"
        + " permit from the login-flood guard.",
    "",
    "**How to read it.** bcrypt's time is almost all Blowfish key setup (2^10 rounds), so the"
        + " rows should differ by little. Figures come from a shared 2-core machine with short"
        + " runs: read them as orders of magnitude; a ratio within the error columns is a tie."
})
public class BcryptBenchmark {

  private static final String PASSWORD = "correct horse battery staple";

  private final PasswordHasher bulwark = PasswordHasher.bcrypt().cost(10).build();
  private final BCryptPasswordEncoder spring = new BCryptPasswordEncoder(10);
  private String bulwarkHash;
  private String springHash;
  private String jbcryptHash;

  /** Builds the hashers and one stored hash for each. */
  @Setup
  public void setUp() {
    bulwarkHash = bulwark.hash(PASSWORD.toCharArray());
    springHash = spring.encode(PASSWORD);
    jbcryptHash = org.mindrot.jbcrypt.BCrypt.hashpw(PASSWORD,
        org.mindrot.jbcrypt.BCrypt.gensalt(10));
    if (!bulwark.verify(PASSWORD.toCharArray(), bulwarkHash).matches()
        || !spring.matches(PASSWORD, springHash)
        || !org.mindrot.jbcrypt.BCrypt.checkpw(PASSWORD, jbcryptHash)) {
      throw new IllegalStateException("a set-up hash does not verify");
    }
  }

  /**
   * Bulwark bcrypt, cost 10.
   *
   * @return the verification
   */
  @Benchmark
  public PasswordVerification verify() {
    return bulwark.verify(PASSWORD.toCharArray(), bulwarkHash);
  }

  /**
   * Spring Security BCryptPasswordEncoder, cost 10.
   *
   * @return whether it matched
   */
  @Benchmark
  @Peer("Spring Security BCryptPasswordEncoder 6.5")
  public boolean verifySpring() {
    return spring.matches(PASSWORD, springHash);
  }

  /**
   * jBCrypt, cost 10.
   *
   * @return whether it matched
   */
  @Benchmark
  @Peer("jBCrypt 0.4")
  public boolean verifyJbcrypt() {
    return org.mindrot.jbcrypt.BCrypt.checkpw(PASSWORD, jbcryptHash);
  }
}
