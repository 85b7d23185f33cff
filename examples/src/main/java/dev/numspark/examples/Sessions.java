package dev.numspark.examples;

import dev.numspark.spark.Numspark;
import dev.numspark.spark.NumsparkExtensions;
import dev.numspark.spark.NumsparkPlugin;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Spark sessions for the example jobs, always with the numspark plugin and SQL functions. */
public final class Sessions {
  static final String PLUGIN = NumsparkPlugin.class.getName();
  static final String EXTENSIONS = NumsparkExtensions.class.getName();

  private Sessions() {}

  /**
   * The session of {@code bin/numspark run}: an embedded driver for {@code master}. For a cluster
   * master the jar holding these classes (the shaded examples jar) is shipped to the executors.
   */
  public static SparkSession embedded(String master, String appName) {
    SparkSession.Builder builder = SparkSession.builder().master(master).appName(appName)
        .config("spark.plugins", PLUGIN)
        .config("spark.sql.extensions", EXTENSIONS)
        .config("spark.ui.showConsoleProgress", "false");
    if (master.startsWith("local")) {
      builder.config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "8")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    } else {
      Path jar = ownJar();
      if (jar != null) {
        builder.config("spark.jars", jar.toString());
      }
    }
    SparkSession spark = builder.getOrCreate();
    ensureFunctions(spark);
    return spark;
  }

  /**
   * The session of a spark-submit main: settings come from spark-submit; the plugin and the
   * extensions are added when the context is created here and the settings lack them.
   */
  static SparkSession submitted(String appName) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!conf.get("spark.plugins", "").contains(PLUGIN)) {
      String plugins = conf.get("spark.plugins", "");
      builder.config("spark.plugins", plugins.isEmpty() ? PLUGIN : plugins + "," + PLUGIN);
    }
    if (!conf.get("spark.sql.extensions", "").contains(EXTENSIONS)) {
      String ext = conf.get("spark.sql.extensions", "");
      builder.config("spark.sql.extensions", ext.isEmpty() ? EXTENSIONS : ext + "," + EXTENSIONS);
    }
    SparkSession spark = builder.getOrCreate();
    ensureFunctions(spark);
    return spark;
  }

  /**
   * A session that existed before (a notebook's, or a test's) was built without the extensions;
   * registering the functions in it makes the jobs work there too.
   */
  private static void ensureFunctions(SparkSession spark) {
    if (!spark.conf().get("spark.sql.extensions", "").contains(EXTENSIONS)) {
      Numspark.register(spark);
    }
  }

  /** The jar these classes were loaded from, or null when they come from a directory. */
  static Path ownJar() {
    return jarOf(Sessions.class);
  }

  /**
   * The jar {@code type} was loaded from, or null when it comes from a directory (or its source
   * is unknown): what to ship to a cluster's executors in {@code spark.jars}.
   */
  public static Path jarOf(Class<?> type) {
    try {
      var source = type.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      File f = new File(source.getLocation().toURI());
      return f.isFile() && f.getName().endsWith(".jar") ? f.toPath() : null;
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
  }
}
