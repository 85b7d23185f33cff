package dev.numspark.spark

import java.io.{File, FileOutputStream}
import java.net.{HttpURLConnection, ServerSocket, URI}
import java.nio.file.{Files, Path, Paths}
import java.util.jar.{JarEntry, JarOutputStream}

import scala.jdk.CollectionConverters._

/**
 * A real standalone Spark cluster (one Master, one Worker) on loopback, started with the same
 * scripts as the Docker images (docker/bin/spark-home, start-master, start-worker) from the
 * Maven-resolved jars of this test's class path, numspark's own classes packed into jars beside
 * them. Always [[stop]] it: the processes (and the Worker's executors) are killed.
 */
final class StandaloneCluster private (val dir: Path, val masterUrl: String, val masterUi: Int,
    processes: Seq[Process]) {

  def stop(): Unit = {
    processes.reverse.foreach { p =>
      val children = p.descendants().iterator().asScala.toSeq
      p.destroy()
      if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly()
      children.foreach(_.destroyForcibly())
    }
  }

  /** The executor JVMs the Worker runs now (for fault injection: kill one mid-query). */
  def executorProcesses(): Seq[ProcessHandle] =
    processes.flatMap(_.descendants().iterator().asScala).distinct
      .filter(_.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))

  def log(name: String): String = {
    val f = dir.resolve(name + ".log")
    if (Files.exists(f)) Files.readString(f) else ""
  }
}

object StandaloneCluster {
  private val scripts = Paths.get("..", "docker", "bin").toAbsolutePath.normalize

  def start(cores: Int = 2, memory: String = "2g"): StandaloneCluster = {
    val dir = Files.createTempDirectory("numspark-cluster")
    val sparkHome = dir.resolve("spark-home")
    val classpath = System.getProperty("java.class.path").split(File.pathSeparator).toSeq
    val packed = classpath.filter(e => new File(e).isDirectory).zipWithIndex.map { case (d, i) =>
      jarDirectory(Paths.get(d), dir.resolve(s"numspark-classes-$i.jar")).toString
    }
    run(Seq(scripts.resolve("spark-home").toString,
      (classpath.filter(_.endsWith(".jar")) ++ packed).mkString(":"), sparkHome.toString), dir)

    val port = freePort()
    val ui = freePort()
    // the Worker finds its executors' jars by this (2.13, or 2.12 on the Spark 3.5/2.12 line)
    val scalaBinary = scala.util.Properties.versionNumberString.split('.').take(2).mkString(".")
    val env = Map("SPARK_HOME" -> sparkHome.toString, "SPARK_SCALA_VERSION" -> scalaBinary,
      "SPARK_MASTER_HOST" -> "127.0.0.1", "SPARK_MASTER_PORT" -> port.toString,
      "SPARK_MASTER_WEBUI_PORT" -> ui.toString, "SPARK_WORKER_HOST" -> "127.0.0.1",
      "SPARK_WORKER_CORES" -> cores.toString, "SPARK_WORKER_MEMORY" -> memory,
      "SPARK_WORKER_WEBUI_PORT" -> freePort().toString,
      "SPARK_WORKER_DIR" -> dir.resolve("work").toString,
      "SPARK_LOCAL_IP" -> "127.0.0.1")
    val master = spawn(Seq(scripts.resolve("start-master").toString), env, dir.resolve("master.log"))
    val url = s"spark://127.0.0.1:$port"
    val worker = try {
      spawn(Seq(scripts.resolve("start-worker").toString, url), env, dir.resolve("worker.log"))
    } catch {
      case e: Throwable => master.destroyForcibly(); throw e
    }
    val cluster = new StandaloneCluster(dir, url, ui, Seq(master, worker))
    try awaitAliveWorkers(ui, 1, cluster)
    catch {
      case e: Throwable => cluster.stop(); throw e
    }
    cluster
  }

  private def awaitAliveWorkers(ui: Int, n: Int, cluster: StandaloneCluster): Unit = {
    val deadline = System.nanoTime() + 90L * 1000 * 1000 * 1000
    while (System.nanoTime() < deadline) {
      val json = try fetch(s"http://127.0.0.1:$ui/json/") catch { case _: Exception => "" }
      if (json.replace(" ", "").contains("\"aliveworkers\":" + n)) return
      Thread.sleep(500)
    }
    throw new IllegalStateException("the standalone cluster did not start; master log:\n" +
      cluster.log("master") + "\nworker log:\n" + cluster.log("worker"))
  }

  private def fetch(url: String): String = {
    val c = URI.create(url).toURL.openConnection().asInstanceOf[HttpURLConnection]
    c.setConnectTimeout(2000)
    c.setReadTimeout(2000)
    try new String(c.getInputStream.readAllBytes()) finally c.disconnect()
  }

  private def spawn(cmd: Seq[String], env: Map[String, String], log: Path): Process = {
    val pb = new ProcessBuilder(cmd.asJava).redirectErrorStream(true).redirectOutput(log.toFile)
    pb.environment().putAll(env.asJava)
    pb.start()
  }

  private def run(cmd: Seq[String], dir: Path): Unit = {
    val log = dir.resolve("spark-home.log")
    val p = new ProcessBuilder(cmd.asJava).redirectErrorStream(true).redirectOutput(log.toFile).start()
    if (p.waitFor() != 0) throw new IllegalStateException(s"${cmd.head} failed: ${Files.readString(log)}")
  }

  private def freePort(): Int = {
    val s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress)
    try s.getLocalPort finally s.close()
  }

  private def jarDirectory(root: Path, jar: Path): Path = {
    val out = new JarOutputStream(new FileOutputStream(jar.toFile))
    try {
      Files.walk(root).iterator().asScala.filter(Files.isRegularFile(_)).foreach { f =>
        out.putNextEntry(new JarEntry(root.relativize(f).toString.replace(File.separatorChar, '/')))
        Files.copy(f, out)
        out.closeEntry()
      }
    } finally out.close()
    jar
  }
}
