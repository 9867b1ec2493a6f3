package dev.bulwark.servlet;

/** {@link FetchMetadataFilter} in embedded Tomcat 11 (own surefire execution). */
class FetchMetadataTomcatTest extends FetchMetadataContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new TomcatContainer();
  }
}
