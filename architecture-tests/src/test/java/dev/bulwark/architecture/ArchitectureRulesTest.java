package dev.bulwark.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.bulwark.architecture.fixture.alpha.SameModuleUser;
import dev.bulwark.architecture.fixture.alpha.internal.Hidden;
import dev.bulwark.architecture.fixture.beta.OtherModuleUser;
import dev.bulwark.architecture.fixture.core.ImportsJakarta;
import dev.bulwark.architecture.fixture.unmarked.Unmarked;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves each rule fails on a planted violation, so a green {@link ArchitectureTest} means something. */
class ArchitectureRulesTest {

  private static JavaClasses importClasses(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  @Test
  void coreRule_jakartaImport_isViolation() {
    assertThatThrownBy(() -> ArchitectureRules.coreNeverImportsJakarta()
            .check(importClasses(ImportsJakarta.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ImportsJakarta")
        .hasMessageContaining("jakarta.servlet.ServletRequest");
  }

  @Test
  void coreRule_cleanClass_passes() {
    assertThatCode(() -> ArchitectureRules.coreNeverImportsJakarta()
            .check(importClasses(Hidden.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void servletRule_servletImport_isViolation() {
    assertThatThrownBy(() -> ArchitectureRules.noServletApiOutsideAdapters()
            .check(importClasses(ImportsJakarta.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ImportsJakarta");
  }

  @Test
  void internalRule_otherModuleUsesInternal_isViolation() {
    Modules modules = Modules.of(Map.of(
        "alpha", importClasses(Hidden.class, SameModuleUser.class),
        "beta", importClasses(OtherModuleUser.class)));
    assertThatThrownBy(() -> ArchitectureRules.noModuleUsesAnotherModulesInternals(modules)
            .check(modules.all()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("OtherModuleUser")
        .hasMessageContaining("module beta uses an internal class of module alpha")
        .hasMessageNotContaining("SameModuleUser");
  }

  @Test
  void internalRule_sameModuleUsesInternal_passes() {
    Modules modules = Modules.of(Map.of(
        "alpha", importClasses(Hidden.class, SameModuleUser.class)));
    assertThatCode(() -> ArchitectureRules.noModuleUsesAnotherModulesInternals(modules)
            .check(modules.all()))
        .doesNotThrowAnyException();
  }

  @Test
  void nullMarkedRule_packageWithoutPackageInfo_isViolation() {
    assertThatThrownBy(() -> ArchitectureRules.everyPackageIsNullMarked()
            .check(importClasses(Unmarked.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("fixture.unmarked.Unmarked has no package-info.java annotated @NullMarked");
  }

  @Test
  void nullMarkedRule_markedPackage_passes() {
    assertThatCode(() -> ArchitectureRules.everyPackageIsNullMarked()
            .check(new ClassFileImporter().importPackagesOf(ImportsJakarta.class)))
        .doesNotThrowAnyException();
  }
}
