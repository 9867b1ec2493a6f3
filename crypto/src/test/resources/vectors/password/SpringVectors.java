// Run by make-interop-vectors.sh (java SpringVectors.java, Java 11+ single-file launch) with
// spring-security-crypto, spring-jcl and bcprov on the class path. Reads passwords, one per
// line (UTF-8), and prints one JSON object per line: Spring Security's BCryptPasswordEncoder(5)
// with DelegatingPasswordEncoder's {bcrypt} prefix, and Argon2PasswordEncoder(16, 32, 1, 1024, 2)
// with {argon2}. Not compiled by the build.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

public class SpringVectors {
  public static void main(String[] args) throws Exception {
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(5);
    Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 1024, 2);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String pw; (pw = in.readLine()) != null; ) {
      out.println("bcrypt\t" + pw + "\t{bcrypt}" + bcrypt.encode(pw));
      out.println("argon2\t" + pw + "\t{argon2}" + argon2.encode(pw));
    }
  }
}
