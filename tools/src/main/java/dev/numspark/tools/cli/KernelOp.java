package dev.numspark.tools.cli;

import dev.numspark.examples.options.Args;
import java.io.PrintStream;
import java.util.Set;

/**
 * One operation of {@code bin/numspark kernel OP [options] INPUT... OUTPUT}, named after its SciPy
 * function. Operations come from {@link KernelOpProvider}s.
 */
public interface KernelOp {

  /** The SciPy function name, e.g. {@code rfft}. */
  String name();

  /** The synopsis after {@code kernel}, e.g. {@code rfft [--n N] [--axis A] IN.npy OUT.npy}. */
  String usage();

  /** Options that take no value, e.g. {@code real} for {@code --real}. */
  default Set<String> flags() {
    return Set.of();
  }

  /**
   * Runs the operation. Read every option from {@code args}, then call {@link Args#finish()}
   * before writing anything. Write results with {@link dev.numspark.io.Npy#write}, which never
   * leaves a partial file.
   */
  void run(Args args, PrintStream out) throws Exception;

  /** The body of an operation built with {@link #of}. */
  @FunctionalInterface
  interface Body {
    void run(Args args, PrintStream out) throws Exception;
  }

  /** An operation from its parts: name, synopsis, value-less options and body. */
  static KernelOp of(String name, String usage, Set<String> flags, Body body) {
    return new KernelOp() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String usage() {
        return usage;
      }

      @Override
      public Set<String> flags() {
        return flags;
      }

      @Override
      public void run(Args args, PrintStream out) throws Exception {
        body.run(args, out);
      }
    };
  }
}
