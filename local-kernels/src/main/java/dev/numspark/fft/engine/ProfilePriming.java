package dev.numspark.fft.engine;

import static dev.numspark.fft.engine.BlockFft.S;
import static dev.numspark.fft.engine.BlockFft.V;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

/**
 * Runs the Vector API operations the engine uses, all interleaved, before its first transform,
 * so that the JDK's methods every vector operation passes through ({@code VectorSupport.binaryOp},
 * {@code DoubleVector.lanewiseTemplate}, {@code VectorOperators.opKind}) have profiled every
 * operator and lambda class before C2 compiles them on their own.
 *
 * <p>Why: when C2 compiled those methods after seeing one or two operators, the next operator
 * made them trap ({@code class_check}), and C2 adds a method's traps to every compilation that
 * inlines it, once per inlined copy: {@code binaryOp} is inlined 48 times into
 * {@link BlockFft}'s radix-7 butterfly, so 3 traps put that compilation over the JDK's limit of
 * 100 ({@code -XX:PerMethodTrapLimit}). Over it, C2 compiles type checks as virtual calls in
 * place of traps, the butterfly's stores no longer see an exact vector class, and 12 of its 14
 * stores box every vector for the JVM's life ({@code rfft} 64x44100 at 256 bits: 31-34 ms a call
 * in place of 11.5, 154 MB allocated in place of 22; 4 JVMs of 28 on JDK 17, 0 of 40 primed;
 * docs/fft-widths.md, "A JIT fault at 256 bits, and its remedy"). Profiles that have seen three
 * or more classes compile to virtual calls, which do not trap.
 */
final class ProfilePriming {
  /** Rounds of every operation: well past the 200 calls after which C1 starts profiling. */
  static final int ROUNDS = 2000;

  private ProfilePriming() {}

  static void prime() {
    double[] in = new double[3 * V];
    for (int i = 0; i < in.length; i++) {
      in[i] = 1.0 + i / 64.0;
    }
    double[] out = new double[8 * V];
    VectorMask<Double> odd = VectorMask.fromLong(S, 0xAAAAAAAAAAAAAAAAL);
    for (int round = 0; round < ROUNDS; round++) {
      DoubleVector x = DoubleVector.fromArray(S, in, 0);
      DoubleVector y = DoubleVector.fromArray(S, in, V);
      DoubleVector w = DoubleVector.broadcast(S, in[2 * V + round % V]);
      x.add(y).intoArray(out, 0);
      x.sub(y).intoArray(out, V);
      x.mul(w).intoArray(out, 2 * V);
      y.neg().intoArray(out, 3 * V);
      x.fma(w, y).intoArray(out, 4 * V);
      x.fma(w, y.mul(w).neg()).intoArray(out, 5 * V);
      x.blend(y, odd).intoArray(out, 6 * V);
      x.add(y.sub(w)).mul(w).intoArray(out, 7 * V);
    }
  }
}
