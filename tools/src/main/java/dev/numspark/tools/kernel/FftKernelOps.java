package dev.numspark.tools.kernel;

import dev.numspark.fft.Fft;
import dev.numspark.array.NdArray;
import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.tools.cli.KernelOp;
import dev.numspark.tools.cli.KernelOpProvider;
import dev.numspark.io.Npy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code scipy.fft} operations of {@code bin/numspark kernel}: every {@link Fft} function under
 * its SciPy name with SciPy's parameters as options, e.g.
 * {@code kernel rfft --n 1024 --axis 0 --norm ortho --workers 2 in.npy out.npy}.
 */
public final class FftKernelOps implements KernelOpProvider {

  private static final String ONE_D = "[--n N] [--axis A] [--norm backward|ortho|forward] "
      + "[--workers W] IN.npy OUT.npy";
  private static final String N_D = "[--s S1,S2..] [--axes A1,A2..] "
      + "[--norm backward|ortho|forward] [--workers W] IN.npy OUT.npy";
  private static final String R2R = "[--type 1|2|3|4] [--n N] [--axis A] "
      + "[--norm backward|ortho|forward] [--orthogonalize true|false] [--workers W] IN.npy OUT.npy";
  private static final String R2R_N = "[--type 1|2|3|4] [--s S1,S2..] [--axes A1,A2..] "
      + "[--norm backward|ortho|forward] [--orthogonalize true|false] [--workers W] IN.npy OUT.npy";

  private static final List<String> ONE_D_OPS =
      List.of("fft", "ifft", "rfft", "irfft", "hfft", "ihfft");
  private static final List<String> N_D_OPS =
      List.of("fft2", "ifft2", "fftn", "ifftn", "rfft2", "irfft2", "rfftn", "irfftn");
  private static final List<String> R2R_OPS = List.of("dct", "idct", "dst", "idst");
  private static final List<String> R2R_N_OPS = List.of("dctn", "idctn", "dstn", "idstn");

  @Override
  public List<KernelOp> ops() {
    List<KernelOp> ops = new ArrayList<>();
    ONE_D_OPS.forEach(name -> ops.add(new ArrayOp(name, name + " " + ONE_D)));
    N_D_OPS.forEach(name -> ops.add(new ArrayOp(name, name + " " + N_D)));
    R2R_OPS.forEach(name -> ops.add(new ArrayOp(name, name + " " + R2R)));
    R2R_N_OPS.forEach(name -> ops.add(new ArrayOp(name, name + " " + R2R_N)));
    ops.add(new ArrayOp("fftshift", "fftshift [--axes A1,A2..] IN.npy OUT.npy"));
    ops.add(new ArrayOp("ifftshift", "ifftshift [--axes A1,A2..] IN.npy OUT.npy"));
    ops.add(new FrequencyOp("fftfreq"));
    ops.add(new FrequencyOp("rfftfreq"));
    ops.add(new NextFastLenOp());
    return ops;
  }

  /**
   * Computes operation {@code op} on {@code x} with the options in {@code args} (all read here;
   * the caller finishes {@code args}). Shared by the CLI and the golden tests.
   */
  static NdArray compute(String op, Args args, NdArray x) {
    Integer workers = args.integer("workers", null);
    String norm = args.string("norm", null);
    if (ONE_D_OPS.contains(op)) {
      Integer n = args.integer("n", null);
      int axis = args.integer("axis", -1);
      return switch (op) {
        case "fft" -> Fft.fft(x, n, axis, norm, workers);
        case "ifft" -> Fft.ifft(x, n, axis, norm, workers);
        case "rfft" -> Fft.rfft(x, n, axis, norm, workers);
        case "irfft" -> Fft.irfft(x, n, axis, norm, workers);
        case "hfft" -> Fft.hfft(x, n, axis, norm, workers);
        default -> Fft.ihfft(x, n, axis, norm, workers);
      };
    }
    if (N_D_OPS.contains(op)) {
      int[] s = args.integers("s");
      int[] axes = args.integers("axes");
      return switch (op) {
        case "fft2" -> Fft.fft2(x, s, axes, norm, workers);
        case "ifft2" -> Fft.ifft2(x, s, axes, norm, workers);
        case "fftn" -> Fft.fftn(x, s, axes, norm, workers);
        case "ifftn" -> Fft.ifftn(x, s, axes, norm, workers);
        case "rfft2" -> Fft.rfft2(x, s, axes, norm, workers);
        case "irfft2" -> Fft.irfft2(x, s, axes, norm, workers);
        case "rfftn" -> Fft.rfftn(x, s, axes, norm, workers);
        default -> Fft.irfftn(x, s, axes, norm, workers);
      };
    }
    if (R2R_OPS.contains(op) || R2R_N_OPS.contains(op)) {
      int type = args.integer("type", 2);
      Boolean orthogonalize = args.has("orthogonalize") ? args.bool("orthogonalize", false) : null;
      if (R2R_OPS.contains(op)) {
        Integer n = args.integer("n", null);
        int axis = args.integer("axis", -1);
        return switch (op) {
          case "dct" -> Fft.dct(x, type, n, axis, norm, workers, orthogonalize);
          case "idct" -> Fft.idct(x, type, n, axis, norm, workers, orthogonalize);
          case "dst" -> Fft.dst(x, type, n, axis, norm, workers, orthogonalize);
          default -> Fft.idst(x, type, n, axis, norm, workers, orthogonalize);
        };
      }
      int[] s = args.integers("s");
      int[] axes = args.integers("axes");
      return switch (op) {
        case "dctn" -> Fft.dctn(x, type, s, axes, norm, workers, orthogonalize);
        case "idctn" -> Fft.idctn(x, type, s, axes, norm, workers, orthogonalize);
        case "dstn" -> Fft.dstn(x, type, s, axes, norm, workers, orthogonalize);
        default -> Fft.idstn(x, type, s, axes, norm, workers, orthogonalize);
      };
    }
    if (op.equals("fftshift") || op.equals("ifftshift")) {
      if (workers != null || norm != null) {
        throw new OptionException(op + " takes no --workers or --norm");
      }
      int[] axes = args.integers("axes");
      return op.equals("fftshift") ? Fft.fftshift(x, axes) : Fft.ifftshift(x, axes);
    }
    throw new OptionException("unknown fft operation '" + op + "'");
  }

  /** Reads a {@code --target} that may exceed an int. */
  static long target(Args args) {
    String v = args.string("target", null);
    if (v == null) {
      throw new OptionException("next_fast_len needs --target N");
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new OptionException("option --target expects an integer, got '" + v + "'");
    }
  }

  /** An operation from one input array to one output array. */
  private record ArrayOp(String name, String usage) implements KernelOp {
    @Override
    public void run(Args args, PrintStream out) throws Exception {
      List<String> files = args.positionals("IN.npy", "OUT.npy");
      NdArray x = Npy.read(Path.of(files.get(0)));
      NdArray y = compute(name, args, x);
      args.finish();
      Npy.write(Path.of(files.get(1)), y);
    }
  }

  /** {@code fftfreq}/{@code rfftfreq --n N [--d D] OUT.npy}. */
  private record FrequencyOp(String name) implements KernelOp {
    @Override
    public String usage() {
      return name + " --n N [--d D] OUT.npy";
    }

    @Override
    public void run(Args args, PrintStream out) throws Exception {
      Integer n = args.integer("n", null);
      double d = args.number("d", 1.0);
      List<String> files = args.positionals("OUT.npy");
      args.finish();
      if (n == null) {
        throw new OptionException(name + " needs --n N");
      }
      NdArray y = name.equals("fftfreq") ? Fft.fftfreq(n, d) : Fft.rfftfreq(n, d);
      Npy.write(Path.of(files.get(0)), y);
    }
  }

  /** {@code next_fast_len --target N [--real]}: prints the length. */
  private static final class NextFastLenOp implements KernelOp {
    @Override
    public String name() {
      return "next_fast_len";
    }

    @Override
    public String usage() {
      return "next_fast_len --target N [--real]   (prints the length)";
    }

    @Override
    public Set<String> flags() {
      return Set.of("real");
    }

    @Override
    public void run(Args args, PrintStream out) {
      long target = target(args);
      boolean real = args.bool("real", false);
      if (!args.positionals().isEmpty()) {
        throw new OptionException("next_fast_len takes no files; got " + args.positionals());
      }
      args.finish();
      out.println(Fft.nextFastLen(target, real));
    }
  }
}
