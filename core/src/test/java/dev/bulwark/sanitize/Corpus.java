package dev.bulwark.sanitize;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the XSS corpora copied under {@code corpora/} (see ORIGIN.md there). */
final class Corpus {

  private Corpus() {}

  static List<String> all() {
    List<String> payloads = new ArrayList<>();
    payloads.addAll(json("dompurify-expect.json", "payload"));
    payloads.addAll(json("h5sc-vectors.json", "data"));
    payloads.addAll(json("mxss-cheatsheet-examples.json", "payload"));
    payloads.addAll(json("owasp-xss-filter-evasion.json", "vector"));
    for (String line : read("payloadbox-xss-payload-list.txt").split("\n", -1)) {
      if (!line.isEmpty()) {
        payloads.add(line);
      }
    }
    return payloads;
  }

  private static List<String> json(String file, String field) {
    JsonArray array = JsonParser.parseString(read(file)).getAsJsonArray();
    List<String> out = new ArrayList<>();
    for (JsonElement entry : array) {
      JsonElement value = entry.getAsJsonObject().get(field);
      if (value != null && value.isJsonPrimitive()) {
        out.add(value.getAsString());
      }
    }
    return out;
  }

  private static String read(String file) {
    try (InputStream in = Corpus.class.getResourceAsStream("corpora/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing corpus " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
