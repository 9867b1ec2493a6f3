package dev.bulwark.servlet;

class RequestSizeLimitJettyTest extends RequestSizeLimitContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new JettyContainer();
  }
}
