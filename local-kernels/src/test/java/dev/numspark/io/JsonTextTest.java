package dev.numspark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void quotesEscapesAndNulls() {
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", JsonText.quote("a\"b\\c\nd\u0001"));
    assertEquals("null", JsonText.quote(null));
  }

  @Test
  void numbersWithoutJsonFormAreNull() {
    assertEquals("1.5", JsonText.number(1.5));
    assertEquals("null", JsonText.number(Double.NaN));
    assertEquals("null", JsonText.number(Double.POSITIVE_INFINITY));
  }
}
