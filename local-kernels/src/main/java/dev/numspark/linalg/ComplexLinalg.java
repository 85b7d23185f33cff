package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/**
 * The complex128 side of {@link Linalg}: the same functions, arguments, shapes and errors, on
 * LAPACK's z-routines in native OpenBLAS ({@link ZKernels}), batched by {@link Batch#runComplex};
 * below order 32, solve, inv, det, slogdet, cholesky and eigh run on numspark's own Java code
 * ({@link SmallZSolvers}, {@link SmallZLu}, {@link SmallZEigh}) instead, with no native OpenBLAS
 * needed.
 * {@link Linalg} sends a call here when any array operand is complex; a real operand mixed with
 * a complex one is promoted, as numpy does. Results that are real in SciPy stay real (eigh's
 * eigenvalues, singular values, lstsq's residues, slogdet's logabsdet).
 */
final class ComplexLinalg {
  private ComplexLinalg() {}

  static NdArray matmul(NdArray a, NdArray b, Integer workers) {
    a = a.toComplex();
    b = b.toComplex();
    boolean aVec = a.ndim() == 1;
    boolean bVec = b.ndim() == 1;
    NdArray a2 = aVec ? a.reshape(1, a.shape(0)) : a;
    NdArray b2 = bVec ? b.reshape(b.shape(0), 1) : b;
    int[] as = a2.shape();
    int[] bs = b2.shape();
    int m = as[as.length - 2];
    int k = as[as.length - 1];
    int n = bs[bs.length - 1];
    int[] aBatch = Shapes.batch(as, 2);
    int[] bBatch = Shapes.batch(bs, 2);
    int[] batch = Shapes.broadcast(aBatch, bBatch);
    int[] ai = Shapes.broadcastIndex(aBatch, batch);
    int[] bi = Shapes.broadcastIndex(bBatch, batch);
    int count = Shapes.count(batch);
    double[] out = new double[2 * count * m * n];
    double[] ad = a2.data();
    double[] bd = b2.data();
    Batch.runComplex(count, Math.max(m, Math.max(n, k)), workers, (from, to) -> {
      ZWork s = new ZWork();
      for (int i = from; i < to; i++) {
        ZKernels.matmul(m, n, k, ad, ai[i] * m * k, bd, bi[i] * k * n, out, i * m * n, s);
      }
    });
    int[] shape = batch;
    if (!aVec) {
      shape = Shapes.concat(shape, m);
    }
    if (!bVec) {
      shape = Shapes.concat(shape, n);
    }
    return NdArray.complex(out, shape);
  }

  /**
   * solve for complex a or b; the shapes and b's broadcasting were checked by Linalg. Below order
   * 32 ({@link Batch#small}) every structure is solved by numspark's own Java code ({@link
   * SmallZSolvers}: no native OpenBLAS needed, bitwise the same for any workers); assume_a
   * diagonal is plain Java at every order (no OpenBLAS needed either); the rest runs on ZKernels'
   * z-routines.
   */
  static NdArray solve(NdArray a, NdArray b, ZKernels.Solve kind, boolean lower, int n, int k,
      int[] batch, int[] ai, int[] bi, int[] outShape, Integer workers) {
    double[] ad = a.toComplex().data();
    double[] bd = b.toComplex().data();
    int count = Shapes.count(batch);
    double[] x = new double[2 * count * n * k];
    if (x.length == 0 || n == 0) {
      return NdArray.complex(x, outShape);
    }
    boolean small = Batch.small(n);
    boolean diagonal = kind == ZKernels.Solve.DIAGONAL;
    int[] info = new int[count];
    // a diagonal a is plain Java at any order: its batch runs as the small kernels' batches run
    Batch.runComplex(count, diagonal ? 1 : n, workers, (from, to) -> {
      Scratch js = small ? new Scratch() : null;
      ZWork zs = null;
      for (int i = from; i < to; i++) {
        System.arraycopy(bd, 2 * bi[i] * n * k, x, 2 * i * n * k, 2 * n * k);
        int aOff = ai[i] * n * n;
        if (diagonal) {
          info[i] = ZKernels.diagonal(n, k, ad, aOff, x, i * n * k);
        } else if (small) {
          ZKernels.Solve how = kind == ZKernels.Solve.DETECT ? ZKernels.detect(n, ad, aOff) : kind;
          info[i] = SmallZSolvers.solve(how, n, k, lower, ad, aOff, x, i * n * k, js);
        } else {
          zs = zs == null ? new ZWork() : zs;
          info[i] = ZKernels.solve(kind, n, k, lower, ad, aOff, x, i * n * k, zs);
        }
      }
    }, small || diagonal);
    Linalg.raiseSingular(info);
    return NdArray.complex(x, outShape);
  }

  /** inv: {@link SmallZLu} below order 32 (no native OpenBLAS needed), else zgetrf and zgetri. */
  static NdArray inv(NdArray a, int n, Integer workers) {
    double[] out = a.data().clone();
    int count = Shapes.count(Shapes.batch(a.shape(), 2));
    if (out.length == 0) {
      return NdArray.complex(out, a.shape());
    }
    int[] info = new int[count];
    boolean small = Batch.small(n);
    Batch.runComplex(count, n, workers, (from, to) -> {
      if (small) {
        Scratch s = new Scratch();
        for (int i = from; i < to; i++) {
          info[i] = SmallZLu.inv(n, out, i * n * n, s);
        }
        return;
      }
      ZWork s = new ZWork();
      for (int i = from; i < to; i++) {
        info[i] = ZKernels.inv(n, out, i * n * n, s);
      }
    }, small);
    Linalg.raiseSingular(info);
    return NdArray.complex(out, a.shape());
  }

  /**
   * {det (complex)} or {sign (complex), logabsdet (real)}: {@link SmallZLu} below order 32 (no
   * native OpenBLAS needed), else zgetrf; both in {@link ZKernels#det}'s convention.
   */
  static NdArray[] determinant(NdArray a, int n, boolean log, Integer workers) {
    int[] batch = Shapes.batch(a.shape(), 2);
    int count = Shapes.count(batch);
    double[] det = new double[2 * count];
    double[] sign = new double[2 * count];
    double[] logAbs = new double[count];
    double[] ad = a.data();
    boolean small = Batch.small(n);
    Batch.runComplex(count, n, workers, (from, to) -> {
      Scratch js = small ? new Scratch() : null;
      ZWork s = small ? null : new ZWork();
      double[] r = new double[5];
      for (int i = from; i < to; i++) {
        if (small) {
          SmallZLu.det(n, ad, i * n * n, js, r);
        } else {
          ZKernels.det(n, ad, i * n * n, s, r);
        }
        det[2 * i] = r[0];
        det[2 * i + 1] = r[1];
        sign[2 * i] = r[2];
        sign[2 * i + 1] = r[3];
        logAbs[i] = r[4];
      }
    }, small);
    return log
        ? new NdArray[] {NdArray.complex(sign, batch), NdArray.real(logAbs, batch)}
        : new NdArray[] {NdArray.complex(det, batch)};
  }

  static NdArray expm(NdArray a, int n, Integer workers) {
    double[] out = new double[2 * a.size()];
    double[] ad = a.data();
    if (out.length > 0) { // an empty batch needs no native OpenBLAS, as inv
      Batch.runComplex(Shapes.count(Shapes.batch(a.shape(), 2)), n, workers, (from, to) -> {
        ZWork s = new ZWork();
        for (int i = from; i < to; i++) {
          Expm.expmComplex(n, ad, i * n * n, out, i * n * n, s);
        }
      });
    }
    return NdArray.complex(out, a.shape());
  }

  static ChoFactor choFactor(NdArray a, int n, boolean lower, boolean clean, Integer workers) {
    double[] c = a.data().clone();
    int count = Shapes.count(Shapes.batch(a.shape(), 2));
    int[] info = new int[count];
    if (c.length > 0) {
      boolean small = Batch.small(n);
      Batch.runComplex(count, n, workers, (from, to) -> {
        Scratch js = small ? new Scratch() : null;
        ZWork s = small ? null : new ZWork();
        for (int i = from; i < to; i++) {
          info[i] = small ? SmallZSolvers.cholesky(n, lower, clean, c, i * n * n, js)
              : ZKernels.cholesky(n, lower, clean, c, i * n * n, s);
        }
      }, small);
    }
    int bad = Linalg.firstFailure(info);
    if (bad >= 0) {
      throw new LinAlgError(info[bad] + "-th leading minor of the array is not positive definite");
    }
    return new ChoFactor(NdArray.complex(c, a.shape()), lower);
  }

  static QrResult qr(NdArray a, boolean economic, boolean withQ, Integer workers) {
    int[] shape = a.shape();
    int m = shape[shape.length - 2];
    int n = shape[shape.length - 1];
    int k = Math.min(m, n);
    int[] batch = Shapes.batch(shape, 2);
    int count = Shapes.count(batch);
    int qCols = economic ? k : m;
    int rRows = economic ? k : m;
    double[] q = withQ ? new double[2 * count * m * qCols] : null;
    double[] r = new double[2 * count * rRows * n];
    double[] ad = a.data();
    if (k == 0 && q != null && !economic) {
      Assembly.identities(count, m, m, q, 2);
    }
    int[] info = new int[count];
    if (k > 0) {
      Batch.runComplex(count, Math.max(m, n), workers, (from, to) -> {
        ZWork s = new ZWork();
        for (int i = from; i < to; i++) {
          info[i] = ZKernels.qr(m, n, ad, i * m * n, q, i * m * qCols, qCols, r, i * rRows * n,
              rRows, s);
        }
      });
    }
    int bad = Linalg.firstFailure(info);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "illegal value in " + (-info[bad]) + "th argument of internal geqrf");
    }
    return new QrResult(withQ ? NdArray.complex(q, Shapes.concat(batch, m, qCols)) : null,
        NdArray.complex(r, Shapes.concat(batch, rRows, n)));
  }

  static EighResult eigh(NdArray a, int n, boolean lower, boolean eigvalsOnly, int lo, int hi,
      boolean subset, Integer workers) {
    int count = hi - lo + 1;
    int[] batch = Shapes.batch(a.shape(), 2);
    int matrices = Shapes.count(batch);
    double[] w = new double[matrices * count];
    double[] v = eigvalsOnly ? null : new double[2 * matrices * n * count];
    int[] info = new int[matrices];
    double[] ad = a.data();
    if (n > 0) {
      // small orders: numspark's own Java code (no OpenBLAS needed, no JNA call per matrix)
      boolean small = Batch.small(n);
      Batch.runComplex(matrices, n, workers, (from, to) -> {
        Scratch s = small ? new Scratch() : null;
        for (int i = from; i < to; i++) {
          info[i] = small
              ? SmallZEigh.eigh(n, lower, lo, hi, ad, i * n * n, w, i * count, v, i * n * count, s)
              : ZKernels.eigh(n, lower, lo, hi, subset, ad, i * n * n, w, i * count, v,
                  i * n * count);
        }
      }, true);
    }
    int bad = Linalg.firstFailure(info);
    if (bad >= 0) {
      if (info[bad] < 0) {
        throw new LinAlgError("Illegal value in argument " + (-info[bad]) + " of internal zheevr");
      }
      throw new LinAlgError("Internal Error.");
    }
    return new EighResult(NdArray.real(w, Shapes.concat(batch, count)),
        v == null ? null : NdArray.complex(v, Shapes.concat(batch, n, count)));
  }

  static EigResult eig(NdArray a, int n, boolean right, Integer workers) {
    int[] batch = Shapes.batch(a.shape(), 2);
    int matrices = Shapes.count(batch);
    double[] w = new double[2 * matrices * n];
    double[] v = right ? new double[2 * matrices * n * n] : null;
    int[] info = new int[matrices];
    double[] ad = a.data();
    if (n > 0) {
      Batch.runComplex(matrices, n, workers, (from, to) -> {
        ZWork s = new ZWork();
        for (int i = from; i < to; i++) {
          info[i] = ZKernels.eig(n, ad, i * n * n, w, i * n, v, i * n * n, s);
        }
      });
    }
    int bad = Linalg.firstFailure(info);
    if (bad >= 0) {
      throw new LinAlgError("eig algorithm (geev) did not converge (only eigenvalues with order "
          + ">= " + info[bad] + " have converged)");
    }
    return new EigResult(NdArray.complex(w, Shapes.concat(batch, n)),
        right ? NdArray.complex(v, Shapes.concat(batch, n, n)) : null);
  }

  static SvdResult svd(NdArray a, boolean full, boolean computeUv, Integer workers) {
    int[] shape = a.shape();
    int m = shape[shape.length - 2];
    int n = shape[shape.length - 1];
    int k = Math.min(m, n);
    int[] batch = Shapes.batch(shape, 2);
    int count = Shapes.count(batch);
    int uCols = full ? m : k;
    int vhRows = full ? n : k;
    double[] s = new double[count * k];
    double[] u = computeUv ? new double[2 * count * m * uCols] : null;
    double[] vh = computeUv ? new double[2 * count * vhRows * n] : null;
    int[] info = new int[count];
    double[] ad = a.data();
    if (k == 0 && computeUv) {
      Assembly.identities(count, m, uCols, u, 2);
      Assembly.identities(count, vhRows, n, vh, 2);
    }
    if (k > 0) {
      Batch.runComplex(count, Math.max(m, n), workers, (from, to) -> {
        ZWork w = new ZWork();
        for (int i = from; i < to; i++) {
          info[i] = ZKernels.svd(m, n, full, ad, i * m * n, s, i * k, u,
              computeUv ? i * m * uCols : 0, vh, computeUv ? i * vhRows * n : 0, w);
        }
      });
    }
    if (Linalg.firstFailure(info) >= 0) {
      throw new LinAlgError("SVD did not converge");
    }
    return new SvdResult(computeUv ? NdArray.complex(u, Shapes.concat(batch, m, uCols)) : null,
        NdArray.real(s, Shapes.concat(batch, k)),
        computeUv ? NdArray.complex(vh, Shapes.concat(batch, vhRows, n)) : null);
  }

  /**
   * pinv from a complex economic SVD a = u diag(s) vh: V_r S_r^-1 U_r^H (n x m), one zgemm of
   * conj(vh_r)^T / s_r (n x r) and conj(u_r)^T (r x m) per matrix.
   */
  static NdArray pinv(SvdResult svd, int m, int n, double atol, double rtol, Integer workers) {
    int k = Math.min(m, n);
    int[] batch = Shapes.batch(svd.u().shape(), 2);
    int count = Shapes.count(batch);
    double[] out = new double[2 * count * n * m];
    double[] u = svd.u().data();
    double[] s = svd.s().data();
    double[] vh = svd.vt().data();
    if (k > 0) {
      Batch.runComplex(count, Math.max(m, n), workers, (from, to) -> {
        ZWork w = new ZWork();
        for (int i = from; i < to; i++) {
          int rank = Assembly.pinvRank(s, i * k, k, atol, rtol);
          if (rank == 0) {
            continue;
          }
          double[] x = new double[2 * n * rank];
          double[] y = new double[2 * rank * m];
          for (int l = 0; l < rank; l++) {
            double inv = 1.0 / s[i * k + l];
            for (int col = 0; col < n; col++) {
              int p = 2 * (i * k * n + l * n + col);
              x[2 * (col * rank + l)] = vh[p] * inv;
              x[2 * (col * rank + l) + 1] = -vh[p + 1] * inv;
            }
            for (int row = 0; row < m; row++) {
              int p = 2 * (i * m * k + row * k + l);
              y[2 * (l * m + row)] = u[p];
              y[2 * (l * m + row) + 1] = -u[p + 1];
            }
          }
          ZKernels.matmul(n, m, rank, x, 0, y, 0, out, i * n * m, w);
        }
      });
    }
    return NdArray.complex(out, Shapes.concat(batch, n, m));
  }

  /** lstsq for complex a or b; shapes were checked by Linalg. x complex, residues and s real. */
  static LstsqResult lstsq(NdArray a, NdArray b, double rcond, int m, int n, int k,
      boolean vector, int[] batch, int[] ai, int[] bi, Integer workers) {
    double[] ad = a.toComplex().data();
    double[] bd = b.toComplex().data();
    int count = Shapes.count(batch);
    int kMin = Math.min(m, n);
    double[] x = new double[2 * count * n * k];
    double[] res = new double[count * k];
    double[] s = new double[count * kMin];
    int[] rank = new int[count];
    int[] info = new int[count];
    boolean wantResidues = m > n;
    if (m > 0 && n > 0) {
      Batch.runComplex(count, Math.max(m, n), workers, (from, to) -> {
        ZWork w = new ZWork();
        for (int i = from; i < to; i++) {
          int[] r = ZKernels.lstsq(m, n, k, rcond, ad, ai[i] * m * n, bd, bi[i] * m * k, x,
              i * n * k, res, i * k, wantResidues, s, i * kMin, w);
          info[i] = r[0];
          rank[i] = r[1];
        }
      });
    } else if (n == 0) {
      Assembly.zeroColumnResidues(count, m, k, bd, bi, res, 2);
    }
    if (Linalg.firstFailure(info) >= 0) {
      throw new LinAlgError("SVD did not converge in Linear Least Squares");
    }
    NdArray residues = Assembly.residues(res, rank, count, m, n, k, vector, batch);
    return new LstsqResult(NdArray.complex(x, vector ? Shapes.concat(batch, n)
        : Shapes.concat(batch, n, k)), residues, rank, NdArray.real(s, Shapes.concat(batch, kMin)));
  }
}
