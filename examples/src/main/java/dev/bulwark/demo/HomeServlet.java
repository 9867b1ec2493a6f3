package dev.bulwark.demo;

import dev.bulwark.encode.Encoders;
import dev.bulwark.sanitize.Sanitizers;
import dev.bulwark.servlet.SecurityHeadersFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.security.GeneralSecurityException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /}: the home page, and 404 for every path no other servlet serves. Every piece of
 * text from a user goes through {@link Encoders} for its context; comment bodies through
 * {@link Sanitizers#RICH_TEXT}. The one inline script carries the response's CSP nonce (the
 * request attribute {@value SecurityHeadersFilter#NONCE_ATTRIBUTE}): it counts the comment's
 * characters and marks {@code <body data-demo-script="ran">}, so a browser test can see that the
 * nonce lets it run while the CSP blocks every other script.
 */
final class HomeServlet extends DemoServlet {

  static final String SCRIPT = String.join("\n",
      "document.body.dataset.demoScript = 'ran';",
      "const box = document.getElementById('comment-body');",
      "const count = document.getElementById('comment-count');",
      "if (box && count) {",
      "  const show = () => { count.textContent = box.value.length + ' / "
          + Comments.MAX_BODY + "'; };",
      "  box.addEventListener('input', show);",
      "  show();",
      "}");

  private final Comments comments;
  private final ProfileServlet profiles;

  HomeServlet(Comments comments, ProfileServlet profiles) {
    super("GET", "HEAD");
    this.comments = comments;
    this.profiles = profiles;
  }

  @Override
  void handle(String method, HttpServletRequest request, HttpServletResponse response)
      throws ClientError, IOException, SQLException, GeneralSecurityException {
    if (!Requests.path(request).equals("/")) {
      throw new ClientError(404, "Not Found", "There is nothing at this address.");
    }
    Optional<SignedIn> user = SignedIn.of(request);
    StringBuilder html = new StringBuilder(4096);
    html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Bulwark demo</title></head>\n<body>\n<h1>Bulwark demo</h1>\n");
    if (user.isPresent()) {
      signedIn(html, user.get());
    } else {
      signedOut(html);
    }
    html.append("<h2>Comments</h2>\n");
    List<Comments.Comment> latest = comments.latest();
    if (latest.isEmpty()) {
      html.append("<p>No comments yet.</p>\n");
    }
    for (Comments.Comment comment : latest) {
      html.append("<article class=\"comment\" id=\"comment-").append(comment.id())
          .append("\"><p><strong>").append(Encoders.forHtmlContent(comment.author()))
          .append("</strong> <time datetime=\"")
          .append(Encoders.forHtmlAttribute(comment.createdAt().toString())).append("\">")
          .append(Encoders.forHtmlContent(comment.createdAt().toString()))
          .append("</time></p>\n<div class=\"comment-body\">")
          .append(Sanitizers.RICH_TEXT.sanitize(comment.body())).append("</div></article>\n");
    }
    Object nonce = request.getAttribute(SecurityHeadersFilter.NONCE_ATTRIBUTE);
    if (nonce instanceof String value) {
      html.append("<script nonce=\"").append(Encoders.forHtmlAttribute(value)).append("\">\n")
          .append(SCRIPT).append("\n</script>\n");
    }
    html.append("</body></html>\n");
    Responses.write(response, "text/html;charset=utf-8", html.toString());
  }

  private void signedIn(StringBuilder html, SignedIn user)
      throws ClientError, SQLException, GeneralSecurityException {
    String note = profiles.note(user);
    html.append("<p id=\"signed-in\">Signed in as <strong>")
        .append(Encoders.forHtmlContent(user.username())).append("</strong>.</p>\n")
        .append("<form method=\"post\" action=\"/logout\"><button>Log out</button></form>\n")
        .append("<p>Your private note (stored encrypted; change it with PUT /api/profile): ")
        .append(note == null ? "<em>none</em>"
            : "<span id=\"note\">" + Encoders.forHtmlContent(note) + "</span>")
        .append("</p>\n<h2>Write a comment</h2>\n")
        .append("<form id=\"comment-form\" method=\"post\" action=\"/comments\">")
        .append("<p>Rich text: <code>b i em strong a[href^=https:] img[src^=https:] ul ol li")
        .append(" pre code blockquote table</code>; everything else is removed.</p>")
        .append("<textarea id=\"comment-body\" name=\"body\" rows=\"5\" cols=\"60\" maxlength=\"")
        .append(Comments.MAX_BODY).append("\" required></textarea>")
        .append("<p><span id=\"comment-count\"></span> <button>Post</button></p></form>\n");
  }

  private static void signedOut(StringBuilder html) {
    html.append("<p>Sign up or log in to comment.</p>\n");
    for (String[] form : new String[][] {{"signup", "Sign up", "new-password"},
        {"login", "Log in", "current-password"}}) {
      html.append("<form id=\"").append(form[0]).append("-form\" method=\"post\" action=\"/")
          .append(form[0]).append("\"><h2>").append(form[1]).append("</h2>")
          .append("<label>User name <input name=\"username\" autocomplete=\"username\"")
          .append(" required minlength=\"3\" maxlength=\"32\"></label> ")
          .append("<label>Password <input name=\"password\" type=\"password\" autocomplete=\"")
          .append(form[2]).append("\" required minlength=\"8\"></label> ")
          .append("<button>").append(form[1]).append("</button></form>\n");
    }
  }
}
