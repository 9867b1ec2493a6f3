package dev.bulwark.sample.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot entry point: {@code ./mvnw -pl examples/spring-boot-sample spring-boot:run}
 * or {@code java -jar examples/spring-boot-sample/target/bulwark-spring-boot-sample-*-exec.jar}.
 */
@SpringBootApplication
public class SampleApplication {

  /**
   * Starts the application.
   *
   * @param args Spring Boot arguments, such as {@code --server.port=8080}
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
