package dev.numspark.tools.kernel;

import dev.numspark.signal.Signal;
import dev.numspark.signal.SignalArgumentException;
import dev.numspark.signal.SpectralOptions;
import dev.numspark.signal.Windows;
import dev.numspark.array.NdArray;
import dev.numspark.examples.options.Args;
import dev.numspark.tools.cli.KernelOp;
import dev.numspark.tools.cli.KernelOpProvider;
import dev.numspark.io.Npy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * {@code bin/numspark kernel} operations of scipy.signal: get_window, welch, periodogram, csd,
 * spectrogram, stft, istft, fftconvolve, oaconvolve. Options are SciPy's keyword arguments with
 * dashes; a window with a parameter is written {@code --window tukey:0.25}.
 */
public final class SignalKernelOps implements KernelOpProvider {

  private static final String SPECTRAL = "[--fs FS] [--window W] [--nperseg N] [--noverlap N] "
      + "[--nfft N] [--detrend constant|linear|false] [--return-onesided B] "
      + "[--scaling density|spectrum] [--axis A] [--workers W]";

  @Override
  public List<KernelOp> ops() {
    return List.of(
        KernelOp.of("get_window", "get_window --window W --nx N [--fftbins B] OUT.npy", Set.of(),
            (args, out) -> {
              String window = args.string("window", null);
              Integer nx = args.integer("nx", null);
              boolean fftbins = args.bool("fftbins", true);
              if (window == null || nx == null) {
                throw new SignalArgumentException("get_window needs --window and --nx");
              }
              List<String> files = args.positionals("OUT.npy");
              args.finish();
              double[] w = Windows.getWindow(window, nx, fftbins);
              Npy.write(Path.of(files.get(0)), NdArray.of(w));
            }),
        spectral("welch", SPECTRAL + " [--average mean|median] IN.npy OUT.npy", 1,
            (in, o) -> Signal.welch(in[0], o).values(), true),
        spectral("periodogram", SPECTRAL + " IN.npy OUT.npy", 1,
            (in, o) -> Signal.periodogram(in[0], o).values(), false),
        spectral("csd", SPECTRAL + " [--average mean|median] X.npy Y.npy OUT.npy", 2,
            (in, o) -> Signal.csd(in[0], in[1], o).values(), true),
        spectral("spectrogram", SPECTRAL + " [--mode psd|complex|magnitude|angle|phase] "
            + "IN.npy OUT.npy", 1, (in, o) -> Signal.spectrogram(in[0], o).values(), false),
        spectral("stft", SPECTRAL + " [--boundary even|odd|constant|zeros|none] [--padded B] "
            + "IN.npy OUT.npy", 1, (in, o) -> Signal.stft(in[0], o).values(), false),
        KernelOp.of("istft", "istft [--fs FS] [--window W] [--nperseg N] [--noverlap N] [--nfft N] "
            + "[--input-onesided B] [--boundary B] [--time-axis A] [--freq-axis A] "
            + "[--scaling spectrum|psd] [--workers W] ZXX.npy OUT.npy", Set.of(), (args, out) -> {
              SpectralOptions o = common(args, false);
              Boolean onesided = optionalBool(args, "input-onesided");
              if (onesided != null) {
                o.inputOnesided(onesided);
              }
              Boolean boundary = optionalBool(args, "boundary");
              if (boundary != null) {
                o.istftBoundary(boundary);
              }
              Integer t = args.integer("time-axis", null);
              if (t != null) {
                o.timeAxis(t);
              }
              Integer f = args.integer("freq-axis", null);
              if (f != null) {
                o.freqAxis(f);
              }
              List<String> files = args.positionals("ZXX.npy", "OUT.npy");
              args.finish();
              NdArray z = Npy.read(Path.of(files.get(0)));
              Npy.write(Path.of(files.get(1)), Signal.istft(z, o).x());
            }),
        convolve("fftconvolve", false),
        convolve("oaconvolve", true));
  }

  private static KernelOp spectral(String name, String options, int inputs,
      BiFunction<NdArray[], SpectralOptions, NdArray> fn, boolean averages) {
    return KernelOp.of(name, name + " " + options, Set.of(), (args, out) -> {
      SpectralOptions o = common(args, true);
      if (averages) {
        String average = args.string("average", null);
        if (average != null) {
          o.average(average);
        }
      }
      if (name.equals("spectrogram")) {
        String mode = args.string("mode", null);
        if (mode != null) {
          o.mode(mode);
        }
      }
      if (name.equals("stft")) {
        String boundary = args.string("boundary", null);
        if (boundary != null) {
          o.boundary(boundary);
        }
        Boolean padded = optionalBool(args, "padded");
        if (padded != null) {
          o.padded(padded);
        }
      }
      List<String> files = inputs == 1 ? args.positionals("IN.npy", "OUT.npy")
          : args.positionals("X.npy", "Y.npy", "OUT.npy");
      args.finish();
      NdArray[] in = new NdArray[inputs];
      for (int i = 0; i < inputs; i++) {
        in[i] = Npy.read(Path.of(files.get(i)));
      }
      Npy.write(Path.of(files.get(inputs)), fn.apply(in, o));
    });
  }

  private static KernelOp convolve(String name, boolean overlapAdd) {
    return KernelOp.of(name, name + " [--mode full|same|valid] [--axes A,B] [--workers W] "
        + "IN1.npy IN2.npy OUT.npy", Set.of(), (args, out) -> {
          String mode = args.string("mode", "full");
          int[] axes = args.integers("axes");
          Integer workers = args.integer("workers", null);
          List<String> files = args.positionals("IN1.npy", "IN2.npy", "OUT.npy");
          args.finish();
          NdArray a = Npy.read(Path.of(files.get(0)));
          NdArray b = Npy.read(Path.of(files.get(1)));
          NdArray r = overlapAdd ? Signal.oaconvolve(a, b, mode, axes, workers)
              : Signal.fftconvolve(a, b, mode, axes, workers);
          Npy.write(Path.of(files.get(2)), r);
        });
  }

  /** The options shared by the spectral functions. */
  private static SpectralOptions common(Args args, boolean analysis) {
    SpectralOptions o = SpectralOptions.defaults();
    Double fs = args.number("fs", null);
    if (fs != null) {
      o.fs(fs);
    }
    String window = args.string("window", null);
    if (window != null) {
      o.window(window);
    }
    o.nperseg(args.integer("nperseg", null));
    o.noverlap(args.integer("noverlap", null));
    o.nfft(args.integer("nfft", null));
    String scaling = args.string("scaling", null);
    if (scaling != null) {
      o.scaling(scaling);
    }
    o.workers(args.integer("workers", null));
    if (analysis) {
      String detrend = args.string("detrend", null);
      if (detrend != null) {
        o.detrend(detrend);
      }
      Boolean onesided = optionalBool(args, "return-onesided");
      if (onesided != null) {
        o.returnOnesided(onesided);
      }
      Integer axis = args.integer("axis", null);
      if (axis != null) {
        o.axis(axis);
      }
    }
    return o;
  }

  private static Boolean optionalBool(Args args, String name) {
    return args.has(name) ? args.bool(name, false) : null;
  }
}
