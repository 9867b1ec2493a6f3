package dev.bulwark.secrets;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** System properties (a snapshot taken at build time, or an injected map), keyed as given. */
final class PropertiesSource implements Source {

  private final Map<String, String> properties;

  PropertiesSource(Map<String, String> properties) {
    this.properties = Map.copyOf(properties);
  }

  @Override
  public @Nullable Found lookup(SecretName name, List<String> placesLooked) {
    String place = "system property " + name.name();
    placesLooked.add(place);
    String value = properties.get(name.name());
    return value == null ? null : Found.ofText(place, value);
  }

  @Override
  public String description() {
    return "system properties";
  }
}
