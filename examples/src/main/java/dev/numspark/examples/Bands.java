package dev.numspark.examples;

import dev.numspark.examples.options.OptionException;
import java.io.Serializable;
import java.util.Locale;

/** Frequency bands {@code [lo, hi)} in Hz, parsed from {@code --bands 0:50,50:100}. */
record Bands(double[] lo, double[] hi) implements Serializable {

  static Bands parse(String text) {
    String[] parts = text.split(",");
    double[] lo = new double[parts.length];
    double[] hi = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String[] ends = parts[i].trim().split(":");
      try {
        if (ends.length != 2) {
          throw new NumberFormatException();
        }
        lo[i] = Double.parseDouble(ends[0].trim());
        hi[i] = Double.parseDouble(ends[1].trim());
      } catch (NumberFormatException e) {
        throw new OptionException("--bands expects LO:HI pairs separated by commas (e.g. "
            + "0:50,50:100), got '" + parts[i].trim() + "'");
      }
      if (!(lo[i] >= 0 && hi[i] > lo[i]) || Double.isInfinite(hi[i])) {
        throw new OptionException("--bands: band '" + parts[i].trim()
            + "' must have 0 <= LO < HI (finite)");
      }
    }
    return new Bands(lo, hi);
  }

  /** {@code count} equal bands from 0 to the Nyquist frequency. */
  static Bands uniform(double fs, int count) {
    double[] lo = new double[count];
    double[] hi = new double[count];
    double width = fs / 2 / count;
    for (int i = 0; i < count; i++) {
      lo[i] = i * width;
      hi[i] = i == count - 1 ? fs / 2 : (i + 1) * width;
    }
    return new Bands(lo, hi);
  }

  int size() {
    return lo.length;
  }

  /** Fails when a band starts at or above the Nyquist frequency, where it could hold nothing. */
  void checkBelowNyquist(double fs) {
    for (int i = 0; i < lo.length; i++) {
      if (lo[i] >= fs / 2) {
        throw new OptionException("--bands: band " + label(i) + " starts at or above the Nyquist "
            + "frequency " + format(fs / 2) + " Hz (fs=" + format(fs) + ")");
      }
    }
  }

  /** {@code 0:50} style label. */
  String label(int i) {
    return format(lo[i]) + ":" + format(hi[i]);
  }

  /** A column name: {@code band_0_50}, {@code band_0p5_4} (no dots, which Spark reads as fields). */
  String column(int i) {
    return "band_" + format(lo[i]).replace('.', 'p') + "_" + format(hi[i]).replace('.', 'p');
  }

  static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
