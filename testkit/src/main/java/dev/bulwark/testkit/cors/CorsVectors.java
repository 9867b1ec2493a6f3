package dev.bulwark.testkit.cors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads Bulwark's CORS conformance vectors ({@code cors-vectors.json} in this package): the
 * attacks and behaviours every CORS implementation built on Bulwark must get right. Run them
 * against the engine, and through your adapter over real HTTP.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("dev.bulwark.testkit.cors.CorsVectors#all")
 * void vector(CorsVector vector) { ... }
 * }</pre>
 */
public final class CorsVectors {

  private static final String RESOURCE = "cors-vectors.json";

  private CorsVectors() {}

  /**
   * A configuration that must be refused at start-up.
   *
   * @param name a unique name
   * @param settings the settings
   * @param messageContains texts the error message must contain
   */
  public record InvalidPolicy(String name, Map<String, String> settings,
      List<String> messageContains) {

    /** Copies the collections. */
    public InvalidPolicy {
      settings = Map.copyOf(settings);
      messageContains = List.copyOf(messageContains);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Every configuration that must be refused at start-up (a policy builder or filter
   * {@code init()} must fail with a message containing each text of
   * {@link InvalidPolicy#messageContains()}).
   *
   * @return an unmodifiable list
   */
  public static List<InvalidPolicy> invalidPolicies() {
    List<InvalidPolicy> out = new ArrayList<>();
    for (JsonElement element : load().getAsJsonArray("invalidPolicies")) {
      JsonObject o = element.getAsJsonObject();
      Map<String, String> settings = new LinkedHashMap<>();
      o.getAsJsonObject("settings").entrySet()
          .forEach(e -> settings.put(e.getKey(), e.getValue().getAsString()));
      List<String> texts = new ArrayList<>();
      o.getAsJsonArray("messageContains").forEach(t -> texts.add(t.getAsString()));
      out.add(new InvalidPolicy(o.get("name").getAsString(), settings, texts));
    }
    return List.copyOf(out);
  }

  /**
   * Every vector, in file order.
   *
   * @return an unmodifiable list
   * @throws IllegalStateException if the resource is missing or malformed
   */
  public static List<CorsVector> all() {
    return parse(load());
  }

  private static JsonObject load() {
    try (InputStream in = CorsVectors.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from bulwark-testkit");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return JsonParser.parseReader(reader).getAsJsonObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<CorsVector> parse(JsonObject root) {
    Map<String, Map<String, String>> policies = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> p : root.getAsJsonObject("policies").entrySet()) {
      Map<String, String> settings = new LinkedHashMap<>();
      p.getValue().getAsJsonObject().entrySet()
          .forEach(e -> settings.put(e.getKey(), e.getValue().getAsString()));
      policies.put(p.getKey(), Collections.unmodifiableMap(settings));
    }
    List<CorsVector> vectors = new ArrayList<>();
    for (JsonElement element : root.getAsJsonArray("vectors")) {
      JsonObject v = element.getAsJsonObject();
      JsonObject request = v.getAsJsonObject("request");
      JsonObject expect = v.getAsJsonObject("expect");
      String policyName = v.get("policy").getAsString();
      Map<String, String> settings = policies.get(policyName);
      if (settings == null) {
        throw new IllegalStateException("vector " + v.get("name") + " names unknown policy "
            + policyName);
      }
      List<List<String>> headers = new ArrayList<>();
      for (JsonElement h : request.getAsJsonArray("headers")) {
        headers.add(List.of(h.getAsJsonArray().get(0).getAsString(),
            h.getAsJsonArray().get(1).getAsString()));
      }
      Map<String, @Nullable String> expectedHeaders = new LinkedHashMap<>();
      if (expect.has("headers")) {
        for (Map.Entry<String, JsonElement> e : expect.getAsJsonObject("headers").entrySet()) {
          expectedHeaders.put(e.getKey(),
              e.getValue().isJsonNull() ? null : e.getValue().getAsString());
        }
      }
      List<String> vary = new ArrayList<>();
      expect.getAsJsonArray("vary").forEach(t -> vary.add(t.getAsString()));
      vectors.add(new CorsVector(
          v.get("name").getAsString(),
          v.get("attack").getAsString(),
          policyName,
          settings,
          request.get("method").getAsString(),
          request.get("host").getAsString(),
          request.get("remoteAddress").getAsString(),
          List.copyOf(headers),
          v.has("engineOnly") && v.get("engineOnly").getAsBoolean(),
          v.has("applicationVary") ? v.get("applicationVary").getAsString() : null,
          expect.get("kind").getAsString(),
          expect.has("reason") ? expect.get("reason").getAsString() : "NONE",
          expect.get("status").getAsInt(),
          Collections.unmodifiableMap(expectedHeaders),
          List.copyOf(vary)));
    }
    return List.copyOf(vectors);
  }
}
