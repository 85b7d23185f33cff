package dev.numspark.fft;

import dev.numspark.array.NdArray;

/** Splits an interleaved complex array into its parts and joins them again. */
final class ComplexParts {
  private ComplexParts() {}

  static NdArray real(NdArray x) {
    return part(x, 0);
  }

  static NdArray imag(NdArray x) {
    return part(x, 1);
  }

  private static NdArray part(NdArray x, int offset) {
    double[] d = x.data();
    double[] out = new double[d.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = d[2 * i + offset];
    }
    return NdArray.real(out, x.shape());
  }

  static NdArray join(NdArray re, NdArray im) {
    double[] r = re.data();
    double[] i = im.data();
    double[] out = new double[2 * r.length];
    for (int k = 0; k < r.length; k++) {
      out[2 * k] = r[k];
      out[2 * k + 1] = i[k];
    }
    return NdArray.complex(out, re.shape());
  }
}
