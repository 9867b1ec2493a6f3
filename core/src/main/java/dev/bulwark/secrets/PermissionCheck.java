package dev.bulwark.secrets;

/**
 * What {@link Secrets} does when a secret file or {@code .env} file may be read or written by
 * the file's group or by others, on a POSIX file system.
 *
 * <p>A file is unsafe when any of the bits {@code group-read}, {@code group-write},
 * {@code others-read} or {@code others-write} is set ({@code group-read} is tolerated after
 * {@link SecretsBuilder#allowGroupRead()}). Execute bits are ignored. Symbolic links are
 * followed: the target's permissions count, which is what Kubernetes secret volumes need. On a
 * file system without POSIX permissions (Windows) no check is possible and none is made.
 *
 * <p>The default is {@link #REFUSE}.
 */
public enum PermissionCheck {
  /** Refuse the file with an {@link UnsafeSecretException}; the default. */
  REFUSE,
  /** Log a warning through {@link System.Logger} (never the value) and use the file. */
  WARN,
  /** Do not look at permissions. */
  OFF
}
