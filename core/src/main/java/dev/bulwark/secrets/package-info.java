/**
 * Loading secrets and configuration values from the places a deployment puts them, without ever
 * printing a value.
 *
 * <p>Start with {@link dev.bulwark.secrets.Secrets#builder()}: choose the sources, then ask for a
 * {@link dev.bulwark.secrets.Secret} with {@link dev.bulwark.secrets.Secrets#require(String)} or
 * for a typed, non-secret value with {@code getInt}, {@code getDuration} and their siblings.
 *
 * <pre>{@code
 * Secrets secrets = Secrets.builder()
 *     .systemProperties()
 *     .environment()
 *     .secretsDirectory(Path.of("/run/secrets"))
 *     .dotenv(Path.of(".env"))
 *     .refusePlaceholders()
 *     .build();
 * Secret dbPassword = secrets.require("db.password");
 * int poolSize = secrets.getInt("db.pool.size", 10);
 * }</pre>
 *
 * <p>Sources are consulted in a fixed order, whatever order the builder methods were called in:
 * system properties, environment variables (and {@code NAME_FILE} variables naming a file), the
 * secrets directory, the {@code .env} file, and last the default passed at the call site. The
 * user guide {@code docs/secrets.md} describes the name mapping, the {@code .env} syntax, and
 * Docker and Kubernetes set-ups.
 *
 * <p>Every failure is a {@link dev.bulwark.secrets.SecretsException}: its message names the key,
 * the places looked at and the expected form, never a value.
 */
@NullMarked
package dev.bulwark.secrets;

import org.jspecify.annotations.NullMarked;
