package dev.bulwark.time;

/** The {@link System#nanoTime()} clock; an enum so it is a serialization-safe singleton. */
enum SystemNanoClock implements NanoClock {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public String toString() {
    return "NanoClock.system()";
  }
}
