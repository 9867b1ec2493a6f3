package dev.bulwark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.regex.Pattern;

/** The architecture rules of DESIGN.md and STYLE.md that a compiler cannot check. */
final class ArchitectureRules {

  private static final Pattern INTERNAL_PACKAGE = Pattern.compile("(^|.*\\.)internal(\\..*|$)");

  private ArchitectureRules() {}

  /** Core is framework-neutral: no Jakarta (or legacy javax.servlet) type anywhere in it. */
  static ArchRule coreNeverImportsJakarta() {
    return noClasses()
        .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.servlet..")
        .because("bulwark-core is framework-neutral: Servlet types belong in bulwark-servlet,"
            + " other frameworks implement dev.bulwark.http instead");
  }

  /** Only the Servlet adapter module may use the Servlet API. */
  static ArchRule noServletApiOutsideAdapters() {
    return noClasses()
        .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "javax.servlet..")
        .because("only bulwark-servlet adapts to the Servlet API");
  }

  /** A module may use its own internal packages, never another module's. */
  static ArchRule noModuleUsesAnotherModulesInternals(Modules modules) {
    return classes()
        .should(notDependOnInternalsOfOtherModules(modules))
        .because("internal packages are implementation details of the module that owns them");
  }

  private static ArchCondition<JavaClass> notDependOnInternalsOfOtherModules(Modules modules) {
    return new ArchCondition<>("not depend on another module's internal packages") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> originModule = modules.moduleOf(origin.getName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          if (!INTERNAL_PACKAGE.matcher(target.getPackageName()).matches()) {
            continue;
          }
          Optional<String> targetModule = modules.moduleOf(target.getName());
          if (targetModule.isPresent() && !targetModule.equals(originModule)) {
            events.add(SimpleConditionEvent.violated(dependency,
                dependency.getDescription() + " (module " + originModule.orElse("?")
                    + " uses an internal class of module " + targetModule.get() + ")"));
          }
        }
      }
    };
  }

  /**
   * Every package holds a {@code package-info.java} with {@code @NullMarked}: the null policy is
   * stated once per package (STYLE.md, guideline 5).
   */
  static ArchRule everyPackageIsNullMarked() {
    return classes()
        .should(new ArchCondition<>("reside in a package annotated @NullMarked") {
          @Override
          public void check(JavaClass javaClass, ConditionEvents events) {
            boolean marked = javaClass.getPackage()
                .isAnnotatedWith("org.jspecify.annotations.NullMarked");
            if (!marked) {
              events.add(SimpleConditionEvent.violated(javaClass,
                  "package " + javaClass.getPackageName() + " of " + javaClass.getName()
                      + " has no package-info.java annotated @NullMarked"));
            }
          }
        });
  }
}
