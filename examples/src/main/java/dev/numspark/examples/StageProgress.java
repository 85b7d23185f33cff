package dev.numspark.examples;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A progress line on stderr for long stages, e.g. {@code numspark: job 2 stage 1/2: 40/100 tasks
 * (6 s)}: nothing for stages shorter than {@link #QUIET_MS}, then at most one line every
 * {@link #EVERY_MS}, and a last line when a reported stage completes. Spark's own console
 * progress bar redraws one terminal line and garbles logs; plain lines read well in both.
 */
public final class StageProgress extends SparkListener {
  static final long QUIET_MS = 2000;
  static final long EVERY_MS = 2000;

  private final PrintStream err;
  private final SparkSession spark;
  /** stage id → "job J stage i/n". */
  private final Map<Integer, String> labels = new ConcurrentHashMap<>();
  private final Map<Integer, Stage> stages = new ConcurrentHashMap<>();

  private static final class Stage {
    final int tasks;
    final long started = System.nanoTime();
    int done;
    long lastPrinted;
    boolean reported;

    Stage(int tasks) {
      this.tasks = tasks;
    }
  }

  private StageProgress(SparkSession spark, PrintStream err) {
    this.spark = spark;
    this.err = err;
  }

  public static StageProgress attach(SparkSession spark, PrintStream err) {
    StageProgress listener = new StageProgress(spark, err);
    spark.sparkContext().addSparkListener(listener);
    return listener;
  }

  /** Stops listening. */
  public void finish() {
    spark.sparkContext().removeSparkListener(this);
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    var ids = CollectionConverters.asJava(job.stageIds());
    int i = 1;
    for (Object id : ids) {
      labels.put((Integer) id, "job " + job.jobId() + " stage " + i++ + "/" + ids.size());
    }
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    stages.put(event.stageInfo().stageId(), new Stage(event.stageInfo().numTasks()));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    Stage stage = stages.get(event.stageId());
    if (stage == null) {
      return;
    }
    synchronized (stage) {
      stage.done++;
      long now = System.nanoTime();
      long ranMs = (now - stage.started) / 1_000_000;
      if (ranMs >= QUIET_MS && (now - stage.lastPrinted) / 1_000_000 >= EVERY_MS) {
        stage.lastPrinted = now;
        stage.reported = true;
        print(event.stageId(), stage, ranMs);
      }
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    int id = event.stageInfo().stageId();
    Stage stage = stages.remove(id);
    if (stage != null && stage.reported) {
      synchronized (stage) {
        print(id, stage, (System.nanoTime() - stage.started) / 1_000_000);
      }
    }
    labels.remove(id);
  }

  private void print(int stageId, Stage stage, long ranMs) {
    String label = labels.getOrDefault(stageId, "stage " + stageId);
    err.printf("numspark: %s: %d/%d tasks (%d s)%n", label, stage.done, stage.tasks,
        ranMs / 1000);
    err.flush();
  }
}
