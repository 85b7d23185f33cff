package dev.numspark.io;

/**
 * numspark's one JSON writer (the thread report, OptimizeResult, the benchmark report): quoted
 * strings, numbers with NaN and infinities as null (JSON has no literal for them, and Python's
 * {@code json.loads} in strict mode, {@code jq} and browsers reject a bare NaN), and objects built
 * field by field. Too small a need for a JSON library on every user's class path.
 */
public final class JsonText {
  private JsonText() {}

  /** {@code value} as a JSON string literal, or {@code null}. */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code value} as a JSON number, or {@code null} where JSON has none (NaN, infinities). */
  public static String number(double value) {
    return Double.isFinite(value) ? String.valueOf(value) : "null";
  }

  /** {@code values} as a JSON array of numbers (NaN and infinities as null), or {@code null}. */
  public static String numbers(double[] values) {
    if (values == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ", ").append(number(values[i]));
    }
    return out.append(']').toString();
  }

  /** A JSON object written field by field, in order: {@code {"a": 1, "b": "x"}}. */
  public static Fields object() {
    return new Fields();
  }

  /** The fields of one JSON object; {@link #toString()} closes it. */
  public static final class Fields {
    private final StringBuilder out = new StringBuilder("{");

    private Fields() {}

    /** A field whose value is already JSON (a nested object or array). */
    public Fields json(String name, String json) {
      out.append(out.length() > 1 ? ", " : "").append(quote(name)).append(": ").append(json);
      return this;
    }

    public Fields string(String name, String value) {
      return json(name, quote(value));
    }

    public Fields number(String name, double value) {
      return json(name, JsonText.number(value));
    }

    public Fields integer(String name, long value) {
      return json(name, Long.toString(value));
    }

    public Fields bool(String name, boolean value) {
      return json(name, Boolean.toString(value));
    }

    public Fields numbers(String name, double[] values) {
      return json(name, JsonText.numbers(values));
    }

    @Override
    public String toString() {
      return out + "}";
    }
  }
}
