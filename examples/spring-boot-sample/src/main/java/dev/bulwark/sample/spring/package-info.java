/**
 * A minimal Spring Boot application secured by Bulwark. Start with {@link
 * dev.bulwark.sample.spring.BulwarkFilterConfiguration}, which registers Bulwark's Servlet
 * filters with {@code FilterRegistrationBean} in the order they must run, then {@link
 * dev.bulwark.sample.spring.AccountController}, which signs users up and in with {@code
 * PasswordHasher}.
 */
@org.jspecify.annotations.NullMarked
package dev.bulwark.sample.spring;
