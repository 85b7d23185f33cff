package dev.numspark.tools.bench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The priming benchmark times the tasks that run the transform, one job at a time, and their CPU
 * time.
 */
class PrimingBenchTest {

  @Test
  void taskTimesAreTheTransformStagesTasksOfEachJob() {
    try (RfftJob job = new RfftJob(300, 64, false)) {
      PrimingBench.TaskTimes times = new PrimingBench.TaskTimes();
      job.session().sparkContext().addSparkListener(times);
      for (int run = 0; run < 2; run++) {
        job.run();
        double[][] taken = times.take();
        double[] durations = taken[0];
        double[] cpu = taken[1];
        // the signals are cached in 4 partitions: 4 transform tasks, not the aggregate's task
        assertEquals(4, durations.length, "run " + run);
        assertEquals(4, cpu.length, "run " + run);
        for (int t = 0; t < durations.length; t++) {
          assertTrue(durations[t] >= 0, "a task duration is " + durations[t]);
          // one thread deserializes and runs a task: busy for at most the task's duration
          assertTrue(cpu[t] > 0 && cpu[t] <= durations[t] + 1,
              "task " + t + ": CPU " + cpu[t] + " ms in " + durations[t] + " ms");
        }
      }
    }
  }
}
