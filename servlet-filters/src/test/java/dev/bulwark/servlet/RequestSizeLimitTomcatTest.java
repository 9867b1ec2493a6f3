package dev.bulwark.servlet;

class RequestSizeLimitTomcatTest extends RequestSizeLimitContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new TomcatContainer();
  }
}
