package dev.bulwark.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Who is signed in: two attributes of the container's session. The session cookie is
 * {@code __Host-bulwark-session} (Secure, HttpOnly, SameSite=Lax, Path=/); an unknown or tampered
 * cookie finds no session, which is "signed out".
 *
 * @param id the user's id
 * @param username the user's name
 */
record SignedIn(long id, String username) {

  private static final String ID = "dev.bulwark.demo.user.id";
  private static final String NAME = "dev.bulwark.demo.user.name";

  static Optional<SignedIn> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    try {
      Object id = session.getAttribute(ID);
      Object name = session.getAttribute(NAME);
      if (id instanceof Long userId && name instanceof String username) {
        return Optional.of(new SignedIn(userId, username));
      }
    } catch (IllegalStateException invalidated) {
      // invalidated by a concurrent log-out
    }
    return Optional.empty();
  }

  static SignedIn require(HttpServletRequest request) throws ClientError {
    return of(request).orElseThrow(() -> ClientError.unauthorized("Sign in first."));
  }

  /** Starts a fresh session (a new id, so a planted session id is worthless). */
  static void start(HttpServletRequest request, long id, String username) {
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(ID, id);
    session.setAttribute(NAME, username);
  }

  static void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
