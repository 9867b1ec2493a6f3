package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsBuilderTest {

  @TempDir Path tmp;

  @Test
  void build_noSource_isRejectedNamingTheChoices() {
    assertThatThrownBy(() -> Secrets.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no source chosen; call systemProperties(), environment(),"
            + " secretsDirectory(Path) or dotenv(Path)");
  }

  @Test
  void sources_setTwice_areRejected() {
    assertThatThrownBy(() -> Secrets.builder().environment(Map.of()).environment(Map.of()))
        .isInstanceOf(IllegalStateException.class).hasMessage("environment was already set");
    assertThatThrownBy(() -> Secrets.builder().systemProperties().systemProperties(Map.of()))
        .hasMessage("systemProperties was already set");
    assertThatThrownBy(() -> Secrets.builder().secretsDirectory(tmp).secretsDirectory(tmp))
        .hasMessage("secretsDirectory was already set");
    assertThatThrownBy(() -> Secrets.builder().dotenv(tmp).dotenv(tmp))
        .hasMessage("dotenv was already set");
    assertThatThrownBy(() -> Secrets.builder().permissionCheck(PermissionCheck.WARN)
        .permissionCheck(PermissionCheck.OFF))
        .hasMessage("permissionCheck was already set");
  }

  @Test
  void setters_null_areRejectedByName() {
    SecretsBuilder builder = Secrets.builder();
    assertThatThrownBy(() -> builder.environment(null)).hasMessage("environment");
    assertThatThrownBy(() -> builder.systemProperties(null)).hasMessage("properties");
    assertThatThrownBy(() -> builder.secretsDirectory(null)).hasMessage("directory");
    assertThatThrownBy(() -> builder.dotenv(null)).hasMessage("file");
    assertThatThrownBy(() -> builder.permissionCheck(null)).hasMessage("check");
  }

  @Test
  void systemProperties_readsTheRealPropertiesWithoutChangingThem() {
    Secrets secrets = Secrets.builder().systemProperties().build();

    assertThat(secrets.getString("java.specification.version"))
        .isEqualTo(System.getProperty("java.specification.version"));
  }

  @Test
  void environment_realProcessEnvironment_canBeChosen() {
    assertThat(Secrets.builder().environment().build()).hasToString(
        "Secrets[environment, permission check REFUSE]");
  }

  @Test
  void toString_listsSourcesAndSettingsButNoKeyOrValue() {
    Path dotenv = SecretFixtures.write(tmp.resolve(".env"), "DOTENV_KEY=dotenv-value\n");
    Secrets secrets = Secrets.builder()
        .systemProperties(Map.of("prop.key", "prop-value"))
        .environment(Map.of("ENV_KEY", "env-value"))
        .secretsDirectory(tmp.resolve("secrets"))
        .dotenv(dotenv)
        .allowGroupRead()
        .refusePlaceholders()
        .build();

    assertThat(secrets).hasToString("Secrets[system properties, environment, secrets directory "
        + tmp.resolve("secrets") + ", .env " + dotenv + ", permission check REFUSE,"
        + " group read allowed, placeholders refused]");
    assertThat(secrets.toString()).doesNotContain("value").doesNotContain("KEY")
        .doesNotContain("prop.key");
  }

  @Test
  void toString_controlCharactersInPaths_areReplaced() {
    Secrets secrets = Secrets.builder().secretsDirectory(tmp.resolve("a\nb")).build();

    assertThat(secrets.toString()).contains("a?b").doesNotContain("\n");
  }
}
