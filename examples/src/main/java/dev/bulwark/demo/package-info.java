/**
 * The Bulwark demo application: embedded Jetty 12 serving a small comment board over HTTP and
 * HTTPS with every Bulwark part in use. Start with {@link dev.bulwark.demo.DemoMain} (the
 * command line) or {@link dev.bulwark.demo.Demo#start(DemoOptions)} (tests); the wiring of the
 * filters is in {@link dev.bulwark.demo.SecurityChain}. {@code docs/demo.md} walks through it.
 */
@NullMarked
package dev.bulwark.demo;

import org.jspecify.annotations.NullMarked;
