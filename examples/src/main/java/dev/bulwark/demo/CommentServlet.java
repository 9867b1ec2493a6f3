package dev.bulwark.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.bulwark.sanitize.Sanitizers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.security.GeneralSecurityException;
import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Comments: {@code POST /comments} (the home page's form, field {@code body}), and
 * {@code GET}/{@code POST /api/comments} (JSON, {@code {"body": "..."}}). Writing needs a
 * signed-in user. Bodies are rich text, at most {@value Comments#MAX_BODY} characters, stored as
 * written and sanitized with {@link Sanitizers#RICH_TEXT} whenever they are shown: the API's
 * {@code html} member is safe to insert into a page.
 */
final class CommentServlet extends DemoServlet {

  private final Comments comments;
  private final Clock clock;

  CommentServlet(Comments comments, Clock clock) {
    super("GET", "POST");
    this.comments = comments;
    this.clock = clock;
  }

  @Override
  void handle(String method, HttpServletRequest request, HttpServletResponse response)
      throws ClientError, IOException, SQLException, GeneralSecurityException {
    boolean api = Responses.isApi(Requests.path(request));
    if (method.equals("GET")) {
      if (!api) {
        throw new ClientError(405, "Method Not Allowed", "Comments are listed on the home page.");
      }
      JsonArray list = new JsonArray();
      for (Comments.Comment comment : comments.latest()) {
        list.add(json(comment));
      }
      JsonObject body = new JsonObject();
      body.add("comments", list);
      Responses.json(response, 200, body);
      return;
    }
    SignedIn user = SignedIn.require(request);
    String text = api ? Requests.string(Requests.jsonObject(request), "body")
        : Requests.formField(request, "body");
    Comments.Comment saved = comments.add(user.username(), checked(text), clock.instant());
    if (api) {
      Responses.json(response, 201, json(saved));
    } else {
      Responses.seeHome(response);
    }
  }

  private static String checked(@Nullable String body) throws ClientError {
    if (body == null || body.isBlank()) {
      throw ClientError.badRequest("Write something in 'body'.");
    }
    if (body.length() > Comments.MAX_BODY) {
      throw ClientError.tooLarge("A comment holds at most " + Comments.MAX_BODY
          + " characters.");
    }
    return body;
  }

  static JsonObject json(Comments.Comment comment) {
    JsonObject json = new JsonObject();
    json.addProperty("id", comment.id());
    json.addProperty("author", comment.author());
    json.addProperty("html", Sanitizers.RICH_TEXT.sanitize(comment.body()));
    json.addProperty("createdAt", comment.createdAt().toString());
    return json;
  }
}
