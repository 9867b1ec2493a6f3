package dev.bulwark.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The compiled classes of each Bulwark library module, attributed to the module that compiled
 * them. The build passes each module's {@code target/classes} directory as a system property
 * {@code bulwark.module.<name>}; a module without code yet has no such directory and no classes.
 */
final class Modules {

  static final String PROPERTY_PREFIX = "bulwark.module.";

  private final Map<String, JavaClasses> byModule;
  private final Map<String, String> moduleByClassName;
  private final JavaClasses all;

  private Modules(Map<String, JavaClasses> byModule, JavaClasses all) {
    this.byModule = byModule;
    this.all = all;
    this.moduleByClassName = new HashMap<>();
    byModule.forEach((module, classes) -> {
      for (JavaClass c : classes) {
        moduleByClassName.put(c.getName(), module);
      }
    });
  }

  /** Reads the modules configured by the build. */
  static Modules fromBuild() {
    Map<String, Path> dirs = new TreeMap<>();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith(PROPERTY_PREFIX)) {
        dirs.put(key.substring(PROPERTY_PREFIX.length()), Path.of(System.getProperty(key)));
      }
    }
    if (!dirs.containsKey("core")) {
      throw new IllegalStateException(
          "system property " + PROPERTY_PREFIX + "core is not set; run these tests through"
              + " Maven from the repository root (./mvnw verify)");
    }
    Map<String, JavaClasses> byModule = new TreeMap<>();
    List<Path> existing = new ArrayList<>();
    ClassFileImporter importer = new ClassFileImporter();
    dirs.forEach((module, dir) -> {
      if (Files.isDirectory(dir)) {
        byModule.put(module, importer.importPath(dir));
        existing.add(dir);
      } else {
        byModule.put(module, importer.importClasses(List.of()));
      }
    });
    if (byModule.get("core").isEmpty()) {
      throw new IllegalStateException(
          "no classes found for module core at " + dirs.get("core")
              + "; build the reactor first (./mvnw verify from the repository root)");
    }
    return new Modules(byModule, importer.importPaths(existing));
  }

  /** Builds a module map from explicit class sets; used by the rules' own tests. */
  static Modules of(Map<String, JavaClasses> byModule) {
    List<Class<?>> none = List.of();
    JavaClasses all = new ClassFileImporter().importClasses(none);
    List<JavaClass> every = new ArrayList<>();
    byModule.values().forEach(classes -> classes.forEach(every::add));
    if (!every.isEmpty()) {
      all = new ClassFileImporter().importClasses(
          every.stream().map(JavaClass::reflect).toArray(Class<?>[]::new));
    }
    return new Modules(new TreeMap<>(byModule), all);
  }

  JavaClasses all() {
    return all;
  }

  JavaClasses of(String module) {
    return Objects.requireNonNull(byModule.get(module), () -> "unknown module " + module);
  }

  Optional<String> moduleOf(String className) {
    return Optional.ofNullable(moduleByClassName.get(className));
  }

  Iterable<String> names() {
    return byModule.keySet();
  }
}
