package dev.bulwark.secrets;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One place values come from. Implementations are immutable and thread-safe. */
interface Source {

  /**
   * Looks {@code name} up, adding a description of every place it looked at (never a value) to
   * {@code placesLooked}.
   *
   * @return the value, or {@code null} if this source does not have it
   * @throws SecretsException if the source has the key but cannot provide it safely
   */
  @Nullable Found lookup(SecretName name, List<String> placesLooked);

  /** Describes the source for {@link Secrets#toString()}, without any value. */
  String description();
}
