package dev.numspark.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.numspark.examples.options.OptionException;
import org.junit.jupiter.api.Test;

class BandsTest {

  @Test
  void parsesPairsAndNamesColumnsWithoutDots() {
    Bands b = Bands.parse("0:50, 50:100,0.5:4");
    assertArrayEquals(new double[] {0, 50, 0.5}, b.lo());
    assertArrayEquals(new double[] {50, 100, 4}, b.hi());
    assertEquals("band_0p5_4", b.column(2));
    assertEquals("50:100", b.label(1));
  }

  @Test
  void uniformBandsCoverZeroToNyquist() {
    Bands b = Bands.uniform(1000, 4);
    assertArrayEquals(new double[] {0, 125, 250, 375}, b.lo());
    assertArrayEquals(new double[] {125, 250, 375, 500}, b.hi());
  }

  @Test
  void rejectsMalformedAndEmptyBands() {
    assertThrows(OptionException.class, () -> Bands.parse("0-50"));
    assertThrows(OptionException.class, () -> Bands.parse("50:50"));
    assertThrows(OptionException.class, () -> Bands.parse("-1:5"));
    assertThrows(OptionException.class, () -> Bands.parse("10:20").checkBelowNyquist(20));
  }
}
