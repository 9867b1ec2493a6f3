package dev.bulwark.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Applies {@link ArchitectureRules} to the classes the build just compiled. */
class ArchitectureTest {

  private static Modules modules;

  @BeforeAll
  static void importModules() {
    modules = Modules.fromBuild();
  }

  @Test
  void core_importsNoJakartaType() {
    ArchitectureRules.coreNeverImportsJakarta().check(modules.of("core"));
  }

  @Test
  void nonAdapterModules_importNoServletType() {
    for (String module : modules.names()) {
      if (!module.equals("servlet-filters")) {
        ArchitectureRules.noServletApiOutsideAdapters().allowEmptyShould(true)
            .check(modules.of(module));
      }
    }
  }

  @Test
  void modules_neverUseAnotherModulesInternalPackages() {
    ArchitectureRules.noModuleUsesAnotherModulesInternals(modules).check(modules.all());
  }

  @Test
  void libraryPackages_areAllNullMarked() {
    ArchitectureRules.everyPackageIsNullMarked().check(modules.all());
  }
}
