package dev.numspark.tools.kernel;

import dev.numspark.optimize.Bounds;
import dev.numspark.optimize.DifferentialEvolution;
import dev.numspark.optimize.OptimizeResult;
import dev.numspark.optimize.TestFunctions;
import dev.numspark.optimize.Updating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numspark.tools.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizeKernelOpsTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void differentialEvolutionPrintsOneJsonObject() {
    Run r = run("kernel", "differential_evolution", "--func", "rosen", "--bounds",
        "-5:5,-5:5,-5:5", "--seed", "1", "--workers", "2", "--updating", "deferred");
    assertEquals(0, r.code(), r.err());
    String json = r.out().trim();
    assertEquals(1, r.out().lines().count());
    assertTrue(json.startsWith("{\"x\": [") && json.endsWith("}"), json);
    assertTrue(json.contains("\"success\": true"), json);
    assertTrue(json.contains("\"message\": \"Optimization terminated successfully.\""), json);
    OptimizeResult api = DifferentialEvolution.minimize(TestFunctions::rosen,
        Bounds.uniform(3, -5, 5)).seed(1).workers(2).updating(Updating.DEFERRED).run();
    assertEquals(api.toJson(), json);
  }

  @Test
  void everyOptionIsAccepted() {
    Run r = run("kernel", "differential_evolution", "--func", "sphere", "--bounds", "-1:1,-1:1",
        "--seed", "3", "--strategy", "rand1exp", "--popsize", "10", "--maxiter", "50", "--tol",
        "0.01", "--atol", "0", "--mutation", "0.6", "--recombination", "0.9", "--init", "halton",
        "--updating", "immediate", "--polish", "false", "--cost-ms", "0");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"nit\": "), r.out());
  }

  @Test
  void bruteAndMinimizeRun() {
    Run b = run("kernel", "brute", "--func", "sphere", "--bounds", "-1:1,-1:1", "--ns", "5",
        "--workers", "2");
    assertEquals(0, b.code(), b.err());
    assertTrue(b.out().contains("\"x\": [0.0, 0.0]"), b.out());
    assertTrue(b.out().contains("\"nfev\": 25"), b.out());
    Run m = run("kernel", "minimize", "--func", "rosen", "--x0", "0.5,-1", "--method",
        "L-BFGS-B", "--bounds", "-5:5,-5:5");
    assertEquals(0, m.code(), m.err());
    assertTrue(m.out().contains("\"success\": true"), m.out());
  }

  @Test
  void badInputIsOneErrorLineAndExitCodeTwo() {
    String[][] bad = {
        {"kernel", "differential_evolution", "--func", "rosen", "--bounds", "5:-5"},
        {"kernel", "differential_evolution", "--func", "rosen", "--bounds", "-5:inf"},
        {"kernel", "differential_evolution", "--func", "nope", "--bounds", "-5:5"},
        {"kernel", "differential_evolution", "--bounds", "-5:5"},
        {"kernel", "differential_evolution", "--func", "rosen", "--bounds", "-5:5",
            "--mutation", "3"},
        {"kernel", "differential_evolution", "--func", "rosen", "--bounds", "-5:5",
            "--recombination", "2"},
        {"kernel", "differential_evolution", "--func", "rosen", "--bounds", "-5:5",
            "--popsize", "0"},
        {"kernel", "differential_evolution", "--func", "rosen", "--bounds", "-5:5",
            "--strategy", "best9bin"},
        {"kernel", "differential_evolution", "--func", "rosen", "--bounds", "-5:5", "--bogus",
            "1"},
        {"kernel", "differential_evolution", "--func", "rosen", "--bounds", "-5:5", "in.npy"},
        {"kernel", "minimize", "--func", "rosen", "--x0", "1,2", "--method", "BFGS"},
        {"kernel", "brute", "--func", "rosen", "--bounds", "-5:5", "--finish", "fmin"},
    };
    for (String[] args : bad) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertEquals("", r.out());
      List<String> lines = r.err().lines().filter(l -> l.startsWith("numspark: error:")).toList();
      assertEquals(1, lines.size(), r.err());
    }
  }
}
