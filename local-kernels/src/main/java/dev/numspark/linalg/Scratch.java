package dev.numspark.linalg;

/** Work arrays of one thread, grown on demand and reused across the matrices of a range. */
final class Scratch {
  private double[] a = new double[0];
  private double[] b = new double[0];
  private double[] work = new double[1];
  private double[] d = new double[0];
  private double[] e = new double[0];
  private double[] z = new double[0];
  private double[] vectors = new double[0];
  private int[] ipiv = new int[0];
  private int[] iwork = new int[1];

  double[] a(int n) {
    if (a.length < n) {
      a = new double[n];
    }
    return a;
  }

  double[] b(int n) {
    if (b.length < n) {
      b = new double[n];
    }
    return b;
  }

  double[] work(int n) {
    if (work.length < n) {
      work = new double[n];
    }
    return work;
  }

  /** A diagonal (of a tridiagonal matrix, say). */
  double[] d(int n) {
    if (d.length < n) {
      d = new double[n];
    }
    return d;
  }

  /** An off-diagonal, distinct from {@link #d}. */
  double[] e(int n) {
    if (e.length < n) {
      e = new double[n];
    }
    return e;
  }

  /** A third matrix, distinct from {@link #a} and {@link #b}. */
  double[] z(int n) {
    if (z.length < n) {
      z = new double[n];
    }
    return z;
  }

  /** A few short vectors side by side, distinct from every other array here. */
  double[] vectors(int n) {
    if (vectors.length < n) {
      vectors = new double[n];
    }
    return vectors;
  }

  int[] ipiv(int n) {
    if (ipiv.length < n) {
      ipiv = new int[n];
    }
    return ipiv;
  }

  int[] iwork(int n) {
    if (iwork.length < n) {
      iwork = new int[n];
    }
    return iwork;
  }
}
