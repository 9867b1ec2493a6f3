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
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Verifying a password with Bulwark's Argon2id {@link PasswordHasher} next to Spring Security's
 * {@code Argon2PasswordEncoder}, at the same parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@BenchmarkDescription({
    "**What is measured.** One verification of a correct 28-character ASCII password against"
        + " a stored Argon2id hash at m=19456 KiB, t=2, p=1, 16-byte salt, 32-byte hash"
        + " (Bulwark's defaults, OWASP's minimum; Spring's"
        + " `Argon2PasswordEncoder(16, 32, 1, 19456, 2)`), on one thread. Both run Argon2 on"
        + " Bouncy Castle; Bulwark's time also includes NFC normalisation, the PHC parser and"
        + " the login-flood guard's permit.",
    "",
    "**How to read it.** Figures come from a shared 2-core machine with short runs: read them"
        + " as orders of magnitude; a ratio within the error columns is a tie."
})
public class Argon2idBenchmark {

  private static final String PASSWORD = "correct horse battery staple";

  private final PasswordHasher bulwark = PasswordHasher.argon2id().memoryKiB(19456).iterations(2)
      .parallelism(1).build();
  private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
  private String bulwarkHash;
  private String springHash;

  /** Builds the hashers and one stored hash for each. */
  @Setup
  public void setUp() {
    bulwarkHash = bulwark.hash(PASSWORD.toCharArray());
    springHash = spring.encode(PASSWORD);
    if (!bulwark.verify(PASSWORD.toCharArray(), bulwarkHash).matches()
        || !spring.matches(PASSWORD, springHash)) {
      throw new IllegalStateException("a set-up hash does not verify");
    }
  }

  /**
   * Bulwark Argon2id.
   *
   * @return the verification
   */
  @Benchmark
  public PasswordVerification verify() {
    return bulwark.verify(PASSWORD.toCharArray(), bulwarkHash);
  }

  /**
   * Spring Security Argon2PasswordEncoder.
   *
   * @return whether it matched
   */
  @Benchmark
  @Peer("Spring Security Argon2PasswordEncoder 6.5")
  public boolean verifySpring() {
    return spring.matches(PASSWORD, springHash);
  }
}
