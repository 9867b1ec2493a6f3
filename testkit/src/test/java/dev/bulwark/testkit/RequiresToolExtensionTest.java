package dev.bulwark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

class RequiresToolExtensionTest {

  @Test
  void evaluate_allToolsPresent_isEnabled() {
    ConditionEvaluationResult result =
        RequiresToolExtension.evaluate(List.of("a", "b"), tool -> true, false);
    assertThat(result.isDisabled()).isFalse();
  }

  @Test
  void evaluate_toolMissingOutsideCi_isSkippedNamingTheTool() {
    ConditionEvaluationResult result =
        RequiresToolExtension.evaluate(List.of("present", "redis-server"), "present"::equals, false);
    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason())
        .hasValue(RequiresToolExtension.SKIP_PREFIX + " redis-server");
  }

  @Test
  void evaluate_toolMissingUnderCi_failsInsteadOfSkipping() {
    assertThatThrownBy(
            () -> RequiresToolExtension.evaluate(List.of("chromium"), tool -> false, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chromium")
        .hasMessageContaining(".ci/run");
  }

  @Test
  void evaluate_allPresentUnderCi_isEnabled() {
    assertThat(RequiresToolExtension.evaluate(List.of("x"), tool -> true, true).isDisabled())
        .isFalse();
  }

  @Test
  void isOnPath_findsExecutableInLaterDirectory(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path bin = Files.createDirectory(dir.resolve("bin"));
    executable(bin.resolve("my-tool"));
    String path = empty + File.pathSeparator + File.pathSeparator + bin;
    assertThat(RequiresToolExtension.isOnPath("my-tool", path)).isTrue();
  }

  @Test
  void isOnPath_nonExecutableFile_isNotATool(@TempDir Path dir) throws IOException {
    Path file = Files.createFile(dir.resolve("data"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(RequiresToolExtension.isOnPath("data", dir.toString())).isFalse();
  }

  @Test
  void isOnPath_directoryWithToolName_isNotATool(@TempDir Path dir) throws IOException {
    Files.createDirectory(dir.resolve("tool"));
    assertThat(RequiresToolExtension.isOnPath("tool", dir.toString())).isFalse();
  }

  @Test
  void isOnPath_nameWithSlashOrEmpty_isNeverLookedUp(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    executable(sub.resolve("tool"));
    assertThat(RequiresToolExtension.isOnPath("sub/tool", dir.toString())).isFalse();
    assertThat(RequiresToolExtension.isOnPath("", dir.toString())).isFalse();
  }

  @Test
  void isOnPath_emptyPath_findsNothing() {
    assertThat(RequiresToolExtension.isOnPath("sh", "")).isFalse();
  }

  @Test
  void isOnPath_malformedPathEntry_isIgnored(@TempDir Path dir) throws IOException {
    executable(dir.resolve("tool"));
    String path = "bad\0entry" + File.pathSeparator + dir;
    assertThat(RequiresToolExtension.isOnPath("tool", path)).isTrue();
  }

  @RequiresTool("sh")
  @Test
  void annotation_withToolPresent_runsTheTest() {
    // /bin/sh exists on every POSIX machine this project builds on; reaching this line is the
    // assertion that the condition enabled the test.
    assertThat(RequiresToolExtension.isOnPath("sh", System.getenv("PATH"))).isTrue();
  }

  private static void executable(Path file) throws IOException {
    Files.createFile(file);
    Files.setPosixFilePermissions(file, Set.of(
        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
        java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
  }
}
