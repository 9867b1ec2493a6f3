package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Build-time refusals of the bcrypt builder. */
class BcryptBuilderTest {

  @Test
  void build_costBelowTen_isRefusedNamingMinimumAndFix() {
    assertThatThrownBy(() -> PasswordHasher.bcrypt().cost(9).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bcrypt cost is 9").hasMessageContaining("cost(12)");
  }

  @Test
  void build_costAbove31_isRefused() {
    assertThatThrownBy(() -> PasswordHasher.bcrypt().cost(32).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31");
  }

  @Test
  void cost_afterInsecureTestCost_restoresMinimum() {
    assertThatThrownBy(() -> PasswordHasher.bcrypt().insecureCostForTests(4).cost(4).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_maxVerifyCostBelowCost_isRefused() {
    assertThatThrownBy(() -> PasswordHasher.bcrypt().cost(12).maxVerifyCost(11).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxVerifyCost");
  }

  @Test
  void build_cost10_isAccepted() {
    assertThat(PasswordHasher.bcrypt().cost(10).build().toString())
        .isEqualTo("PasswordHasher[bcrypt cost=10]");
  }

  @Test
  void build_longPasswords_isShownInToString() {
    assertThat(PasswordHasher.bcrypt().insecureCostForTests(4).longPasswords().build().toString())
        .isEqualTo("PasswordHasher[bcrypt cost=4, longPasswords]");
  }
}
