package dev.bulwark.demo;

/**
 * A request the demo refuses: carries the status and a message meant for the client, which
 * never holds request data, server details or a stack trace. Thrown by request-reading helpers
 * and turned into a response by {@link DemoServlet}.
 */
final class ClientError extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;

  ClientError(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  static ClientError badRequest(String detail) {
    return new ClientError(400, "Bad Request", detail);
  }

  static ClientError unauthorized(String detail) {
    return new ClientError(401, "Unauthorized", detail);
  }

  static ClientError tooLarge(String detail) {
    return new ClientError(413, "Content Too Large", detail);
  }
}
