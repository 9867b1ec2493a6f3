package dev.bulwark.http;

import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Set;

/**
 * Observes forwarding headers that {@link ClientResolver} had to ignore. Called on the request
 * thread; implementations must be thread-safe and fast. Never receives header values, which
 * are client-controlled and unsafe to log verbatim.
 */
@FunctionalInterface
public interface ResolutionListener {

  /**
   * Reports a problem.
   *
   * @param problem what was wrong
   * @param peer the TCP peer that sent the request
   */
  void onProblem(ForwardedProblem problem, IpAddress peer);

  /**
   * The default listener: logs each kind of problem once at {@code WARNING} through
   * {@link System.Logger} {@code dev.bulwark.http.ClientResolver}, and later occurrences at
   * {@code DEBUG}, so a flood of bad requests cannot flood the log.
   *
   * @return a new listener with its own memory of what it logged
   */
  static ResolutionListener logOncePerProblem() {
    System.Logger logger = System.getLogger("dev.bulwark.http.ClientResolver");
    Set<ForwardedProblem> seen = EnumSet.noneOf(ForwardedProblem.class);
    return (problem, peer) -> {
      boolean first;
      synchronized (seen) {
        first = seen.add(problem);
      }
      logger.log(first ? Level.WARNING : Level.DEBUG,
          "ignored forwarding headers from trusted peer {0}: {1}; using the peer''s own address,"
              + " scheme and host (further occurrences of this problem are logged at DEBUG)",
          peer, problem);
    };
  }

  /**
   * A listener that does nothing.
   *
   * @return the silent listener
   */
  static ResolutionListener silent() {
    return (problem, peer) -> { };
  }
}
