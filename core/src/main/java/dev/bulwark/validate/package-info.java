/**
 * Input validation: types, ranges, lengths, patterns, enums, e-mail and URLs, collected
 * per field into one result, plus the security validators.
 *
 * <p>Start with {@link dev.bulwark.validate.Validation#builder()}: name each field, give its
 * value and the {@link dev.bulwark.validate.Rules} it must pass; the
 * {@link dev.bulwark.validate.ValidationResult} holds every error of every field. Security
 * validators: {@link dev.bulwark.validate.RedirectPolicy} (safe redirect targets),
 * {@link dev.bulwark.validate.FileNames} (safe file names),
 * {@link dev.bulwark.validate.SqlIdentifierAllowList} and {@link dev.bulwark.validate.SqlLike}
 * (the parts of SQL that cannot be bound parameters), {@link dev.bulwark.validate.UnicodeText}
 * (normalisation and control characters) and {@link dev.bulwark.validate.Canonicalizer}
 * (double and mixed encoding).
 */
@NullMarked
package dev.bulwark.validate;

import org.jspecify.annotations.NullMarked;
