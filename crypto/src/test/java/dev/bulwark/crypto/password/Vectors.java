package dev.bulwark.crypto.password;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads the JSON test data under {@code src/test/resources/vectors/password/}. */
final class Vectors {

  private Vectors() {}

  static List<Map<String, String>> load(String name) {
    String path = "/vectors/password/" + name;
    try (InputStream in = Objects.requireNonNull(Vectors.class.getResourceAsStream(path), path);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return new Gson().fromJson(reader, new TypeToken<List<Map<String, String>>>() {}.getType());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
