package dev.bulwark.servlet;

/** {@link PathRuleContainerTest} in embedded Jetty. */
class PathRuleJettyTest extends PathRuleContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new JettyContainer();
  }
}
