package dev.bulwark.servlet;

/** {@link PathRuleContainerTest} in embedded Tomcat. */
class PathRuleTomcatTest extends PathRuleContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new TomcatContainer();
  }
}
