package dev.numspark.tools.bench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The priming benchmark times the tasks that run the transform, one job at a time. */
class PrimingBenchTest {

  @Test
  void taskTimesAreTheTransformStagesTasksOfEachJob() {
    try (RfftJob job = new RfftJob(300, 64, false)) {
      PrimingBench.TaskTimes times = new PrimingBench.TaskTimes();
      job.session().sparkContext().addSparkListener(times);
      for (int run = 0; run < 2; run++) {
        job.run();
        double[] durations = times.takeDurations();
        // the signals are cached in 4 partitions: 4 transform tasks, not the aggregate's task
        assertEquals(4, durations.length, "run " + run);
        for (double d : durations) {
          assertTrue(d >= 0, "a task duration is " + d);
        }
      }
    }
  }
}
