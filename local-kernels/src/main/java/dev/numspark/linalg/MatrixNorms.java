package dev.numspark.linalg;

import dev.numspark.array.NdArray;

/** Matrix norms over the last two axes and vector norms of 1-d arrays, as scipy.linalg.norm. */
final class MatrixNorms {
  private MatrixNorms() {}

  static NdArray norm(NdArray a, String ord, Integer workers) {
    boolean spectral = a.ndim() >= 2 && ord != null && (ord.equals("2") || ord.equals("-2")
        || ord.equals("nuc"));
    if (a.isComplex() && !spectral) {
      // every other norm is the same norm of the moduli |a_ij|, as numpy computes it
      a = moduli(a);
    }
    if (a.ndim() == 1) {
      return NdArray.real(new double[] {vector(a.data(), ord)});
    }
    if (a.ndim() < 2) {
      throw new IllegalArgumentException("Improper number of dimensions to norm.");
    }
    int[] shape = a.shape();
    int m = shape[shape.length - 2];
    int n = shape[shape.length - 1];
    int[] batch = Shapes.batch(shape, 2);
    int count = Shapes.count(batch);
    String o = ord == null ? "fro" : ord;
    double[] out = new double[count];
    double[] d = a.data();
    switch (o) {
      case "fro", "f" -> {
        for (int i = 0; i < count; i++) {
          out[i] = m * n == 0 ? 0.0 : Backend.blas().dnrm2(m * n, d, i * m * n, 1);
        }
      }
      case "1", "-1" -> {
        for (int i = 0; i < count; i++) {
          out[i] = sums(d, i * m * n, m, n, false, o.equals("1"));
        }
      }
      case "inf", "-inf" -> {
        for (int i = 0; i < count; i++) {
          out[i] = sums(d, i * m * n, m, n, true, o.equals("inf"));
        }
      }
      case "2", "-2", "nuc" -> {
        double[] s = Linalg.svdvals(a, false, workers).data();
        int k = Math.min(m, n);
        for (int i = 0; i < count; i++) {
          double v = o.equals("nuc") ? 0.0 : o.equals("2") ? Double.NEGATIVE_INFINITY
              : Double.POSITIVE_INFINITY;
          for (int j = 0; j < k; j++) {
            double sj = s[i * k + j];
            v = o.equals("nuc") ? v + sj : o.equals("2") ? Math.max(v, sj) : Math.min(v, sj);
          }
          out[i] = k == 0 ? 0.0 : v;
        }
      }
      default -> throw new IllegalArgumentException("Invalid norm order for matrices.");
    }
    return NdArray.real(out, batch);
  }

  /** |z| of each element of a complex array, as a real array of the same shape. */
  private static NdArray moduli(NdArray a) {
    double[] d = a.data();
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.hypot(d[2 * i], d[2 * i + 1]);
    }
    return NdArray.real(out, a.shape());
  }

  /** The max (or min) over columns (or rows) of the sums of |a|. */
  private static double sums(double[] d, int off, int m, int n, boolean rows, boolean max) {
    int outer = rows ? m : n;
    int inner = rows ? n : m;
    if (outer == 0) {
      throw new IllegalArgumentException(
          "zero-size array to reduction operation " + (max ? "maximum" : "minimum")
              + " which has no identity");
    }
    double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (int o = 0; o < outer; o++) {
      double sum = 0;
      for (int i = 0; i < inner; i++) {
        sum += Math.abs(rows ? d[off + o * n + i] : d[off + i * n + o]);
      }
      best = max ? Math.max(best, sum) : Math.min(best, sum);
    }
    return best;
  }

  private static double vector(double[] x, String ord) {
    if (ord == null || ord.equals("2")) {
      return x.length == 0 ? 0.0 : Backend.blas().dnrm2(x.length, x, 0, 1);
    }
    switch (ord) {
      case "inf", "-inf" -> {
        double best = ord.equals("inf") ? 0.0 : Double.POSITIVE_INFINITY;
        for (double v : x) {
          best = ord.equals("inf") ? Math.max(best, Math.abs(v)) : Math.min(best, Math.abs(v));
        }
        return best;
      }
      case "fro", "nuc" -> throw new IllegalArgumentException(
          "Invalid norm order '" + ord + "' for vectors");
      default -> {
        double p;
        try {
          p = Double.parseDouble(ord);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Invalid norm order '" + ord + "' for vectors");
        }
        if (p == 0) {
          int nonzero = 0;
          for (double v : x) {
            nonzero += v != 0 ? 1 : 0;
          }
          return nonzero;
        }
        if (p == 1) {
          double sum = 0;
          for (double v : x) {
            sum += Math.abs(v);
          }
          return sum;
        }
        double sum = 0;
        for (double v : x) {
          sum += Math.pow(Math.abs(v), p);
        }
        return Math.pow(sum, 1.0 / p);
      }
    }
  }
}
