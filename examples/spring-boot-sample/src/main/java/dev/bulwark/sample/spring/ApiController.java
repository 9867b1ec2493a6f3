package dev.bulwark.sample.spring;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints a browser calls from another origin ({@code /api/*}, behind Bulwark's CORS filter
 * and the {@code api} rate limit) and the health probe ({@code /health}, reachable over plain
 * HTTP and never rate-limited).
 */
@RestController
public class ApiController {

  /** Creates the controller. */
  public ApiController() {}

  /**
   * A JSON greeting.
   *
   * @return {@code {"message": "hello from Bulwark"}}
   */
  @GetMapping("/api/greeting")
  public Map<String, String> greeting() {
    return Map.of("message", "hello from Bulwark");
  }

  /**
   * The health probe.
   *
   * @return {@code ok}
   */
  @GetMapping(value = "/health", produces = "text/plain")
  public String health() {
    return "ok";
  }
}
