/**
 * The {@code bulwark-crypto} command-line tool for encrypted backups: {@code keygen},
 * {@code encrypt}, {@code decrypt}, {@code rotate} and {@code rewrap} over the streaming
 * envelope of {@link dev.bulwark.crypto.envelope.EnvelopeEncryptor}. The entry point is
 * {@link dev.bulwark.crypto.cli.Main}; the guide, with exit codes, is {@code docs/backups.md}.
 */
@NullMarked
package dev.bulwark.crypto.cli;

import org.jspecify.annotations.NullMarked;
