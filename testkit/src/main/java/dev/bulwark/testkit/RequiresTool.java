package dev.bulwark.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs external programs on the {@code PATH}, such as
 * {@code redis-server} or {@code chromium}.
 *
 * <p>When every named program is found, the test runs. When one is missing:
 *
 * <ul>
 *   <li>on a developer machine the test is <em>skipped</em>, with a reason that starts with
 *       {@value RequiresToolExtension#SKIP_PREFIX} and names the missing programs;
 *   <li>when the environment variable {@code CI} is {@code true}, the test <em>fails</em>: CI
 *       must install what the tests need, and a gate that silently skips is no gate.
 * </ul>
 *
 * <pre>{@code
 * @RequiresTool("redis-server")
 * class RedisStoreTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresToolExtension.class)
public @interface RequiresTool {

  /**
   * The executable names that must be found on the {@code PATH}.
   *
   * @return program names, without directories
   */
  String[] value();
}
