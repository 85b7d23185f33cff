package dev.numspark.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.numspark.array.NdArray;
import dev.numspark.fft.Fft;
import dev.numspark.signal.Signal;
import dev.numspark.signal.SpectralOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transformers as a Java user writes them: chained setters, Pipeline, save and load. */
class TransformersJavaApiTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    spark = SparkSession.builder().master("local[2]").appName("TransformersJavaApiTest")
        .config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> signals(int rows, int length) {
    Random rnd = new Random(3);
    List<Row> data = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      Double[] x = new Double[length];
      for (int i = 0; i < length; i++) {
        x[i] = Math.cos(0.2 * i * (r + 1)) + rnd.nextGaussian();
      }
      data.add(RowFactory.create(r, x));
    }
    StructType schema = new StructType()
        .add("id", DataTypes.IntegerType)
        .add("signal", DataTypes.createArrayType(DataTypes.DoubleType));
    return spark.createDataFrame(data, schema);
  }

  private static double[] samples(Row row) {
    List<Double> x = row.getList(row.fieldIndex("signal"));
    return x.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void pipelineOfBothTransformersSavedAndLoadedEqualsTheKernels(@TempDir Path dir) throws Exception {
    FFTTransformer fft = new FFTTransformer().setInputCol("signal").setOutputCol("spectrum")
        .setOutputMode("complex").setN(64).setNorm("ortho");
    WelchTransformer welch = new WelchTransformer().setInputCol("signal").setOutputCol("psd")
        .setFs(100.0).setNperseg(32).setWindow("hamming");
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {fft, welch});
    Dataset<Row> df = signals(6, 100);
    PipelineModel model = pipeline.fit(df);
    model.write().overwrite().save(dir.resolve("model").toString());
    PipelineModel loaded = PipelineModel.load(dir.resolve("model").toString());

    List<Row> rows = loaded.transform(df).orderBy("id").collectAsList();
    assertEquals(6, rows.size());
    for (Row r : rows) {
      double[] x = samples(r);
      double[] spectrum = ((Vector) r.getAs("spectrum")).toArray();
      assertArrayEquals(Fft.rfft(NdArray.real(x, x.length), 64, -1, "ortho", 1).data(), spectrum);
      double[] psd = ((Vector) r.getAs("psd")).toArray();
      SpectralOptions options = SpectralOptions.defaults().fs(100.0).nperseg(32).window("hamming");
      assertArrayEquals(Signal.welch(NdArray.real(x, x.length), options).values().data(), psd);
    }
    SpectralOptions sameSegments = SpectralOptions.defaults().fs(100.0).nperseg(32);
    assertArrayEquals(Signal.welch(NdArray.real(new double[100], 100), sameSegments).freqs(),
        welch.frequencies(100));
  }

  @Test
  void savedTransformerLoadsThroughTheStaticLoad(@TempDir Path dir) throws Exception {
    WelchTransformer welch = new WelchTransformer().setInputCol("signal").setAverage("median");
    welch.save(dir.resolve("w").toString());
    WelchTransformer loaded = WelchTransformer.load(dir.resolve("w").toString());
    assertEquals("median", loaded.getAverage());
    assertEquals(welch.uid(), loaded.uid());
    assertThrows(IllegalArgumentException.class, () -> loaded.setScaling("psd2"));
    FFTTransformer fft = new FFTTransformer().setInputCol("signal");
    fft.save(dir.resolve("f").toString());
    assertEquals("magnitude", FFTTransformer.load(dir.resolve("f").toString()).getOutputMode());
    assertEquals(true, Files.isDirectory(dir.resolve("f")));
  }
}
