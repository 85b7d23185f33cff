package dev.numspark.io;

/**
 * The two bits of JSON writing numspark's reports need (the thread report, the benchmark report):
 * quoted strings and numbers, NaN and infinities as null. Too small a need for a JSON library.
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
}
