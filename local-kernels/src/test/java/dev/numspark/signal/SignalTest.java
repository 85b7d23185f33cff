package dev.numspark.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.array.AxisException;
import dev.numspark.array.NdArray;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

class SignalTest {

  /** Runs one golden case; returns {freqs, times, values} (nulls where the op has none). */
  static Object[] run(Golden.Case c, Integer workers) {
    // one object per name: csd(x, x) with y the very same array is SciPy's "y is x" case
    Map<String, NdArray> byName = new java.util.HashMap<>();
    List<NdArray> in = c.inputs().stream().map(n -> byName.computeIfAbsent(n, Golden::input))
        .toList();
    SpectralOptions o = Golden.options(c).workers(workers);
    String mode = c.opt("mode");
    int[] axes = c.opt("axes") == null ? null
        : Stream.of(c.opt("axes").split(",")).mapToInt(Integer::parseInt).toArray();
    return switch (c.op()) {
      case "welch" -> spectrum(Signal.welch(in.get(0), o));
      case "periodogram" -> spectrum(Signal.periodogram(in.get(0), o));
      case "csd" -> spectrum(Signal.csd(in.get(0), in.get(1), o));
      case "spectrogram" -> gram(Signal.spectrogram(in.get(0), o));
      case "stft" -> gram(Signal.stft(in.get(0), o));
      case "istft" -> {
        TimeSignal t = Signal.istft(in.get(0), o);
        yield new Object[] {null, t.times(), t.x()};
      }
      case "fftconvolve" -> new Object[] {null, null,
          Signal.fftconvolve(in.get(0), in.get(1), mode, axes, workers)};
      case "oaconvolve" -> new Object[] {null, null,
          Signal.oaconvolve(in.get(0), in.get(1), mode, axes, workers)};
      default -> throw new IllegalStateException(c.op());
    };
  }

  private static Object[] spectrum(Spectrum s) {
    return new Object[] {s.freqs(), null, s.values()};
  }

  private static Object[] gram(Spectrogram s) {
    return new Object[] {s.freqs(), s.times(), s.values()};
  }

  @TestFactory
  Stream<DynamicTest> matchesScipyAndIsTheSameForOneAndTwoWorkers() {
    return Golden.cases().stream().filter(c -> !c.op().equals("get_window"))
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          Object[] one = run(c, 1);
          if (one[0] != null) {
            Golden.assertClose(Golden.read(c.name() + "_f.npy").data(), (double[]) one[0],
                c.name() + " freqs");
          }
          if (Golden.has(c.name() + "_t.npy")) {
            Golden.assertClose(Golden.read(c.name() + "_t.npy").data(), (double[]) one[1],
                c.name() + " times");
          }
          NdArray expected = Golden.read(c.name() + "_v.npy");
          NdArray actual = (NdArray) one[2];
          // the golden file's dtype is SciPy's result type: complex128 for csd, stft, complex conv
          Golden.assertClose(expected, actual, c.name());
          Object[] two = run(c, 2);
          assertArrayEquals(actual.data(), ((NdArray) two[2]).data(),
              c.name() + ": workers=2 must give the same bits as workers=1");
        }));
  }

  @Test
  void welchOfWhiteNoiseIsFlatAtTwiceTheVarianceOverFs() {
    // one-sided PSD of unit-variance white noise sampled at fs is 2/fs away from DC and Nyquist
    java.util.Random r = new java.util.Random(7);
    double[] x = new double[1 << 16];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    Spectrum s = Signal.welch(x, 100.0);
    double mean = 0;
    double[] p = s.values().data();
    for (int k = 1; k < p.length - 1; k++) {
      mean += p[k];
    }
    mean /= p.length - 2;
    assertEquals(2.0 / 100.0, mean, 0.002);
  }

  /**
   * Every line of a batch gives what it gives alone, bit for bit: also where the segments are read
   * straight from the batch's data and the transform is shorter than the line (periodogram with
   * nfft < n reads the first nfft samples of each line).
   */
  @Test
  void eachLineOfABatchIsTheSpectrumOfThatLineAlone() {
    java.util.Random r = new java.util.Random(5);
    int lines = 3;
    int n = 40;
    double[] batch = new double[lines * n];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = r.nextGaussian();
    }
    SpectralOptions welch = SpectralOptions.defaults().nperseg(16);
    SpectralOptions truncated = SpectralOptions.defaults().nfft(6);
    NdArray welchAll = Signal.welch(NdArray.real(batch, lines, n), welch).values();
    NdArray periodogramAll = Signal.periodogram(NdArray.real(batch, lines, n), truncated).values();
    for (int l = 0; l < lines; l++) {
      NdArray line = NdArray.real(java.util.Arrays.copyOfRange(batch, l * n, (l + 1) * n), n);
      double[] welchOne = Signal.welch(line, welch).values().data();
      double[] periodogramOne = Signal.periodogram(line, truncated).values().data();
      assertArrayEquals(welchOne, java.util.Arrays.copyOfRange(welchAll.data(),
          l * welchOne.length, (l + 1) * welchOne.length), "welch line " + l);
      assertArrayEquals(periodogramOne, java.util.Arrays.copyOfRange(periodogramAll.data(),
          l * periodogramOne.length, (l + 1) * periodogramOne.length), "periodogram line " + l);
    }
  }

  @Test
  void oaconvolveEqualsFftconvolveOnALongSignalSplitAcrossWorkers() {
    java.util.Random r = new java.util.Random(3);
    double[] a = new double[100_000];
    double[] b = new double[300];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextGaussian();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = r.nextGaussian();
    }
    assertTrue(Convolution.oaBlock(a.length, b.length) > 0, "overlap-add must be used");
    double[] fft = Signal.fftconvolve(a, b, "full");
    NdArray oa1 = Signal.oaconvolve(NdArray.of(a), NdArray.of(b), "full", null, 1);
    NdArray oa2 = Signal.oaconvolve(NdArray.of(a), NdArray.of(b), "full", null, 2);
    Golden.assertClose(fft, oa1.data(), "oa vs fft");
    assertArrayEquals(oa1.data(), oa2.data());
  }

  @Test
  void longSingleSignalSplitBySegmentsGivesTheSameBits() {
    java.util.Random r = new java.util.Random(5);
    double[] x = new double[300_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    for (String avg : new String[] {"mean", "median"}) {
      SpectralOptions o = SpectralOptions.defaults().nperseg(128).average(avg);
      double[] one = Signal.welch(NdArray.of(x), o.workers(1)).values().data();
      double[] two = Signal.welch(NdArray.of(x), o.workers(2)).values().data();
      assertArrayEquals(one, two, avg);
    }
    SpectralOptions o = SpectralOptions.defaults().nperseg(64);
    assertArrayEquals(Signal.stft(NdArray.of(x), o.workers(1)).values().data(),
        Signal.stft(NdArray.of(x), o.workers(2)).values().data());
  }

  @Test
  void istftInvertsStft() {
    NdArray x = Golden.input("x1");
    SpectralOptions o = SpectralOptions.defaults().nperseg(100).noverlap(75);
    Spectrogram z = Signal.stft(x, o);
    TimeSignal back = Signal.istft(z.values(), o);
    double[] xs = x.data();
    for (int i = 0; i < xs.length; i++) {
      assertEquals(xs[i], back.x().data()[i], 1e-12);
    }
  }

  @Test
  void errorsUseScipysWords() throws Exception {
    Map<String, String> e = Golden.errors();
    NdArray ones = NdArray.of(new double[100]);
    SpectralOptions d = SpectralOptions.defaults();
    expect(e.get("nperseg0"), () -> Signal.welch(ones, d().nperseg(0)));
    expect(e.get("nfft_small"), () -> Signal.welch(ones, d().nperseg(30).nfft(20)));
    expect(e.get("noverlap_big"), () -> Signal.welch(ones, d().nperseg(30).noverlap(30)));
    expect(e.get("scaling"), () -> d.scaling("foo"));
    expect(e.get("average"), () -> d.average("foo"));
    expect(e.get("detrend"), () -> d.detrend("foo"));
    expect(e.get("winlen"), () -> Signal.welch(ones, d().window(new double[20]).nperseg(30)));
    expect(e.get("fs0"), () -> Signal.welch(ones, d().fs(0)));
    assertEquals(e.get("axis"), assertThrows(AxisException.class,
        () -> Signal.welch(NdArray.zeros(false, 2, 3), d().axis(2))).getMessage());
    expect(e.get("per_win"), () -> Signal.periodogram(NdArray.of(new double[10]),
        d().window(new double[5])));
    expect(e.get("csd_bcast"), () -> Signal.csd(NdArray.zeros(false, 2, 100),
        NdArray.zeros(false, 3, 100), d()));
    expect(e.get("stft_boundary"), () -> d.boundary("foo"));
    expect(e.get("stft_noverlap"), () -> Signal.stft(ones, d().nperseg(30).noverlap(40)));
    expect(e.get("spec_mode"), () -> d.mode("foo"));
    expect(e.get("spec_longwin"), () -> Signal.spectrogram(ones, d().window(new double[200])));
    expect(e.get("istft_1d"), () -> Signal.istft(ones, d()));
    expect(e.get("istft_axes"), () -> Signal.istft(NdArray.zeros(true, 10, 10),
        d().timeAxis(0).freqAxis(0)));
    expect(e.get("istft_nfft"), () -> Signal.istft(NdArray.zeros(true, 10, 10),
        d().nperseg(10).nfft(8)));
    NdArray ten = NdArray.of(new double[10]);
    expect(e.get("conv_dims"), () -> Signal.fftconvolve(ten, NdArray.zeros(false, 3, 4), "full",
        null, null));
    expect(e.get("conv_shapes"), () -> Signal.fftconvolve(NdArray.zeros(false, 3, 4),
        NdArray.zeros(false, 2, 5), "full", new int[] {0}, null));
    expect(e.get("conv_valid"), () -> Signal.fftconvolve(NdArray.zeros(false, 3, 4),
        NdArray.zeros(false, 4, 3), "valid", null, null));
    expect(e.get("conv_mode"), () -> Signal.oaconvolve(ten, ten, "foo", null, null));
    expect(e.get("conv_axes_empty"), () -> Signal.fftconvolve(ten, ten, "full", new int[0], null));
    expect(e.get("conv_axes_range"), () -> Signal.fftconvolve(ten, ten, "full", new int[] {1},
        null));
    expect(e.get("conv_axes_dup"), () -> Signal.fftconvolve(NdArray.zeros(false, 3, 4),
        NdArray.zeros(false, 3, 4), "full", new int[] {0, 0}, null));
  }

  private static SpectralOptions d() {
    return SpectralOptions.defaults();
  }

  private static void expect(String message, Executable call) {
    assertEquals(message, assertThrows(SignalArgumentException.class, call).getMessage());
  }

  @Test
  void emptyInputGivesEmptyResults() {
    Spectrum s = Signal.welch(NdArray.zeros(false, 0), d());
    assertEquals(0, s.freqs().length);
    assertEquals(0, s.values().size());
    assertEquals(0, Signal.fftconvolve(new double[0], new double[] {1}, "full").length);
  }

  @Test
  void segmentLongerThanSignalIsShortenedAsScipyDoes() {
    NdArray x = Golden.input("xs"); // 100 samples, default nperseg 256
    Spectrum s = Signal.welch(x, d());
    assertEquals(51, s.freqs().length);
  }
}
