package dev.numspark.tools.kernel;

import dev.numspark.linalg.EighResult;
import dev.numspark.linalg.LinAlgError;
import dev.numspark.linalg.Linalg;
import dev.numspark.linalg.NativeLapackUnavailableException;
import dev.numspark.linalg.QrResult;
import dev.numspark.linalg.SlogdetResult;
import dev.numspark.linalg.SvdResult;
import dev.numspark.array.NdArray;
import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import dev.numspark.tools.cli.KernelOp;
import dev.numspark.tools.cli.KernelOpProvider;
import dev.numspark.io.Npy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/numspark kernel OP} for linear algebra: matmul, solve, lstsq, inv, det, slogdet,
 * cholesky, eigh, svdvals, svd, qr, pinv, norm, expm. Every op takes {@code --workers N} and
 * {@code --check-finite false}; batched inputs work for all of them. A LinAlgError (singular,
 * not positive definite, no convergence) is reported as a bad-input error (exit 2), with no output
 * written.
 *
 * <p>complex128 .npy input is taken by every op: matmul, solve, lstsq, inv, det, slogdet,
 * cholesky, eigh, svdvals, svd, qr, norm, pinv and expm (native OpenBLAS needed; without it the op
 * stops with that one-line error).
 */
public final class LinalgKernelOps implements KernelOpProvider {

  @Override
  public List<KernelOp> ops() {
    List<KernelOp> ops = new ArrayList<>();
    ops.add(op("matmul", "matmul [--workers N] A.npy B.npy OUT.npy", 2, Set.of(),
        (args, in, common) -> List.of(Linalg.matmul(in.get(0), in.get(1), common.workers))));
    ops.add(op("solve", "solve [--assume-a gen|sym|her|pos|diagonal|tridiagonal|banded|upper triangular"
        + "|lower triangular] [--lower] A.npy B.npy OUT.npy", 2, Set.of("lower"),
        (args, in, common) -> {
          String assumeA = args.string("assume-a", null);
          boolean lower = args.bool("lower", false);
          common.finish(args);
          return List.of(Linalg.solve(in.get(0), in.get(1), assumeA, lower, common.checkFinite,
              common.workers));
        }));
    ops.add(op("lstsq", "lstsq [--cond C] A.npy B.npy X.npy", 2, Set.of(), (args, in, common) -> {
      Double cond = args.number("cond", null);
      common.finish(args);
      return List.of(Linalg.lstsq(in.get(0), in.get(1), cond, common.checkFinite, common.workers)
          .x());
    }));
    ops.add(op("inv", "inv A.npy OUT.npy", 1, Set.of(),
        (args, in, common) -> List.of(Linalg.inv(in.get(0), common.checkFinite, common.workers))));
    ops.add(op("det", "det A.npy OUT.npy", 1, Set.of(),
        (args, in, common) -> List.of(Linalg.det(in.get(0), common.checkFinite, common.workers))));
    ops.add(op("slogdet", "slogdet A.npy OUT.npy (writes [..., 2]: sign, logabsdet; complex128 "
        + "for complex A)", 1, Set.of(),
        (args, in, common) -> {
          SlogdetResult r = Linalg.slogdet(in.get(0), common.checkFinite, common.workers);
          int count = r.sign().size();
          boolean complex = r.sign().isComplex();
          int width = complex ? 2 : 1;
          double[] out = new double[2 * count * width];
          for (int i = 0; i < count; i++) {
            out[width * 2 * i] = r.sign().real(i);
            out[width * (2 * i + 1)] = r.logabsdet().data()[i];
            if (complex) {
              out[width * 2 * i + 1] = r.sign().imag(i);
            }
          }
          int[] batch = r.sign().shape();
          int[] shape = java.util.Arrays.copyOf(batch, batch.length + 1);
          shape[batch.length] = 2;  // (sign, logabsdet) pairs
          return List.of(complex ? NdArray.complex(out, shape) : NdArray.real(out, shape));
        }));
    ops.add(op("cholesky", "cholesky [--lower] A.npy OUT.npy", 1, Set.of("lower"),
        (args, in, common) -> {
          boolean lower = args.bool("lower", false);
          common.finish(args);
          return List.of(Linalg.cholesky(in.get(0), lower, common.checkFinite, common.workers));
        }));
    ops.add(op("eigh", "eigh [--lower false] [--vectors V.npy] A.npy W.npy", 1, Set.of(),
        (args, in, common) -> {
          boolean lower = args.bool("lower", true);
          String vectors = args.string("vectors", null);
          common.finish(args);
          EighResult r = Linalg.eigh(in.get(0), lower, vectors == null, null, common.checkFinite,
              common.workers);
          List<NdArray> out = new ArrayList<>(List.of(r.w()));
          common.extra(vectors, r.v());
          return out;
        }));
    ops.add(op("svdvals", "svdvals A.npy S.npy", 1, Set.of(),
        (args, in, common) -> List.of(Linalg.svdvals(in.get(0), common.checkFinite,
            common.workers))));
    ops.add(op("svd", "svd [--full-matrices false] [--u U.npy] [--vt VT.npy] A.npy S.npy", 1,
        Set.of(), (args, in, common) -> {
          boolean full = args.bool("full-matrices", true);
          String u = args.string("u", null);
          String vt = args.string("vt", null);
          common.finish(args);
          boolean uv = u != null || vt != null;
          SvdResult r = Linalg.svd(in.get(0), full, uv, common.checkFinite, common.workers);
          common.extra(u, r.u());
          common.extra(vt, r.vt());
          return List.of(r.s());
        }));
    ops.add(op("qr", "qr [--mode full|economic|r] [--q Q.npy] A.npy R.npy", 1, Set.of(),
        (args, in, common) -> {
          String mode = args.string("mode", "full");
          String q = args.string("q", null);
          common.finish(args);
          if (q != null && mode.equals("r")) {
            throw new OptionException("--q needs --mode full or economic");
          }
          QrResult r = Linalg.qr(in.get(0), q == null && mode.equals("full") ? "r" : mode,
              common.checkFinite, common.workers);
          common.extra(q, r.q());
          return List.of(r.r());
        }));
    ops.add(op("pinv", "pinv [--atol A] [--rtol R] A.npy OUT.npy", 1, Set.of(),
        (args, in, common) -> {
          Double atol = args.number("atol", null);
          Double rtol = args.number("rtol", null);
          common.finish(args);
          return List.of(Linalg.pinv(in.get(0), atol, rtol, common.checkFinite, common.workers));
        }));
    ops.add(op("norm", "norm [--ord fro|nuc|2|-2|1|-1|inf|-inf] A.npy OUT.npy", 1, Set.of(),
        (args, in, common) -> {
          String ord = args.string("ord", null);
          common.finish(args);
          NdArray r = Linalg.norm(in.get(0), ord, common.checkFinite, common.workers);
          return List.of(in.get(0).ndim() == 1 ? r.reshape() : r);
        }));
    ops.add(op("expm", "expm A.npy OUT.npy (complex128 for complex A)", 1, Set.of(),
        (args, in, common) -> List.of(Linalg.expm(in.get(0), common.checkFinite,
            common.workers))));
    return ops;
  }

  private interface Body {
    List<NdArray> run(Args args, List<NdArray> inputs, Common common) throws IOException;
  }

  /** Options every op shares, and outputs named by options (written after the main one). */
  private static final class Common {
    Integer workers;
    boolean checkFinite;
    boolean finished;
    final List<String> extraPaths = new ArrayList<>();
    final List<NdArray> extraArrays = new ArrayList<>();

    void finish(Args args) {
      args.finish();
      finished = true;
    }

    void extra(String path, NdArray array) {
      if (path != null) {
        extraPaths.add(path);
        extraArrays.add(array);
      }
    }
  }

  private static KernelOp op(String name, String usage, int inputs, Set<String> flags, Body body) {
    String options = usage.replaceFirst("^" + name + " ", "").replace("[--workers N] ", "");
    return KernelOp.of(name, name + " [--workers N] [--check-finite false] " + options, flags,
        (args, out) -> {
          Common common = new Common();
          common.workers = args.integer("workers", null);
          common.checkFinite = args.bool("check-finite", true);
          List<String> names = new ArrayList<>();
          for (int i = 0; i < inputs; i++) {
            names.add(inputs == 1 ? "INPUT.npy" : (i == 0 ? "A.npy" : "B.npy"));
          }
          names.add("OUTPUT.npy");
          List<String> paths = args.positionals(names.toArray(new String[0]));
          List<NdArray> arrays = new ArrayList<>();
          List<NdArray> results;
          try {
            for (int i = 0; i < inputs; i++) {
              arrays.add(Npy.read(Path.of(paths.get(i))));
            }
            results = body.run(args, arrays, common);
          } catch (LinAlgError e) {
            throw new OptionException("LinAlgError: " + e.getMessage(), e);
          } catch (NativeLapackUnavailableException e) {
            throw new OptionException(e.getMessage(), e);
          }
          if (!common.finished) {
            args.finish();
          }
          Npy.write(Path.of(paths.get(inputs)), results.get(0));
          for (int i = 0; i < common.extraPaths.size(); i++) {
            Npy.write(Path.of(common.extraPaths.get(i)), common.extraArrays.get(i));
          }
        });
  }
}
