/**
 * CORS conformance vectors: start with {@link dev.bulwark.testkit.cors.CorsVectors#all()}.
 */
@NullMarked
package dev.bulwark.testkit.cors;

import org.jspecify.annotations.NullMarked;
