package dev.numspark.tools.cli;

import dev.numspark.examples.options.Args;
import dev.numspark.examples.options.OptionException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** {@code bin/numspark kernel OP [options] INPUT.npy [INPUT2.npy] OUTPUT.npy}. */
public final class KernelCommand implements Subcommand {

  @Override
  public String name() {
    return "kernel";
  }

  @Override
  public String summary() {
    return "run one SciPy-named kernel on .npy files (kernel --list shows them)";
  }

  @Override
  public int run(List<String> argv, PrintStream out) throws Exception {
    List<KernelOp> ops = ops();
    if (argv.isEmpty() || argv.get(0).equals("--list") || argv.get(0).equals("--help")) {
      out.println("usage: bin/numspark kernel OP [options] INPUT.npy [INPUT2.npy] OUTPUT.npy");
      out.println();
      out.println("operations:");
      for (KernelOp op : ops) {
        out.println("  " + op.usage());
      }
      return argv.isEmpty() ? 2 : 0;
    }
    String name = argv.get(0);
    KernelOp op = ops.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow(
        () -> new OptionException("unknown kernel '" + name + "' (bin/numspark kernel --list)"));
    List<String> rest = argv.subList(1, argv.size());
    if (rest.contains("--help")) {
      out.println("usage: bin/numspark kernel " + op.usage());
      return 0;
    }
    op.run(Args.parse(rest, op.flags()), out);
    return 0;
  }

  static List<KernelOp> ops() {
    List<KernelOp> ops = new ArrayList<>();
    ServiceLoader.load(KernelOpProvider.class, KernelCommand.class.getClassLoader())
        .forEach(p -> ops.addAll(p.ops()));
    ops.sort(Comparator.comparing(KernelOp::name));
    return ops;
  }
}
