package dev.bulwark.testkit;

import java.io.File;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit condition behind {@link RequiresTool}. Registered by the annotation; users do not
 * reference this class directly.
 */
public final class RequiresToolExtension implements ExecutionCondition {

  /** Every skip reason starts with this text, so CI scripts can find such skips in reports. */
  public static final String SKIP_PREFIX = "requires tool not on PATH:";

  /** Creates the extension; JUnit calls this. */
  public RequiresToolExtension() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<AnnotatedElement> element = context.getElement();
    Optional<RequiresTool> annotation =
        element.flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresTool.class));
    if (annotation.isEmpty()) {
      return ConditionEvaluationResult.enabled("no @RequiresTool");
    }
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    boolean ci = "true".equals(System.getenv("CI"));
    return evaluate(List.of(annotation.get().value()), tool -> isOnPath(tool, path), ci);
  }

  /**
   * Decides whether a test runs, is skipped or fails.
   *
   * @throws IllegalStateException under CI when a tool is missing, which fails the test
   */
  static ConditionEvaluationResult evaluate(
      List<String> tools, Predicate<String> available, boolean ci) {
    List<String> missing = new ArrayList<>();
    for (String tool : tools) {
      if (!available.test(tool)) {
        missing.add(tool);
      }
    }
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("found on PATH: " + String.join(", ", tools));
    }
    if (ci) {
      throw new IllegalStateException(
          "CI=true and this test needs " + String.join(", ", missing)
              + " on PATH; a missing tool fails under CI instead of skipping."
              + " Fix: make .ci/run install it.");
    }
    return ConditionEvaluationResult.disabled(SKIP_PREFIX + " " + String.join(", ", missing));
  }

  /**
   * Whether {@code tool} names an executable regular file in one of the {@code path}
   * directories. Names containing a path separator are never looked up.
   */
  static boolean isOnPath(String tool, String path) {
    if (tool.isEmpty() || tool.contains("/") || tool.contains(File.separator)) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator, -1)) {
      if (dir.isEmpty()) {
        continue;
      }
      try {
        Path candidate = Path.of(dir, tool);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return true;
        }
      } catch (InvalidPathException e) {
        // A malformed PATH entry cannot hold the tool; keep looking in the others.
      }
    }
    return false;
  }
}
