/** Tests of the Spring Boot sample over real HTTP. */
@org.jspecify.annotations.NullMarked
package dev.bulwark.sample.spring;
