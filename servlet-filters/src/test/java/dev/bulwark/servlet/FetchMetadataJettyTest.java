package dev.bulwark.servlet;

/** {@link FetchMetadataFilter} in embedded Jetty 12 (ee10). */
class FetchMetadataJettyTest extends FetchMetadataContainerTest {

  @Override
  EmbeddedContainer newContainer() {
    return new JettyContainer();
  }
}
