package dev.numspark.tools.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A Maven repository in a directory, laid out as a deploy to a file repository writes it:
 * {@code dev/numspark/ARTIFACT/VERSION/ARTIFACT-VERSION[-classifier].jar} and {@code .pom}, each
 * with {@code .sha1} and {@code .md5}, and the artifact's {@code maven-metadata.xml}.
 */
final class Repository {
  static final String GROUP = "dev.numspark";
  private static final Pattern DEPENDENCIES =
      Pattern.compile("(?s)\\n(\\s*<dependencies>.*?</dependencies>)");

  private final Path root;

  Repository(Path root) {
    this.root = root;
  }

  /** Publishes one line's build; returns the version directory. */
  Path publish(String line, String version, LineBuild build) throws IOException {
    String artifact = SparkLineNames.artifact(line);
    Path dir = root.resolve(GROUP.replace('.', '/')).resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    String base = artifact + "-" + version;
    copy(build.libraryJar(null, version), dir.resolve(base + ".jar"));
    copy(build.libraryJar("sources", version), dir.resolve(base + "-sources.jar"));
    mergeDocs(List.of(build.apiDocs("local-kernels", version), build.apiDocs("spark-ops", version)),
        List.of("kernels/", "spark/"), dir.resolve(base + "-javadoc.jar"));
    writeChecked(dir.resolve(base + ".pom"),
        pom(line, artifact, version, Files.readString(build.dependencyReducedPom())));
    writeChecked(dir.getParent().resolve("maven-metadata.xml"), metadata(artifact, version));
    return dir;
  }

  /**
   * The published POM: the dependency-reduced POM's dependencies (all provided: what Spark
   * brings) under resolved coordinates, with no parent to fetch, and the licence and SCM.
   */
  static String pom(String line, String artifact, String version, String reducedPom) {
    Matcher m = DEPENDENCIES.matcher(reducedPom);
    String dependencies = m.find() ? m.group(1) + "\n" : "";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 \
        https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <groupId>%s</groupId>
          <artifactId>%s</artifactId>
          <version>%s</version>
          <packaging>jar</packaging>
          <name>numspark for Spark %s (Scala %s)</name>
          <description>SciPy's numerical kernels with SciPy's opt-in parallelism as Spark SQL \
        functions, batch operations, ML stages and an executor plugin.</description>
          <url>https://github.com/numspark/numspark</url>
          <licenses>
            <license>
              <name>Apache License, Version 2.0</name>
              <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>
              <distribution>repo</distribution>
            </license>
          </licenses>
          <developers>
            <developer>
              <id>numspark</id>
              <name>The numspark developers</name>
            </developer>
          </developers>
          <scm>
            <connection>scm:git:https://github.com/numspark/numspark.git</connection>
            <url>https://github.com/numspark/numspark</url>
          </scm>
        %s</project>
        """.formatted(GROUP, artifact, version, SparkLineNames.spark(line),
        SparkLineNames.scala(line), dependencies);
  }

  static String metadata(String artifact, String version) {
    String now = ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <metadata>
          <groupId>%s</groupId>
          <artifactId>%s</artifactId>
          <versioning>
            <latest>%s</latest>
            <release>%s</release>
            <versions>
              <version>%s</version>
            </versions>
            <lastUpdated>%s</lastUpdated>
          </versioning>
        </metadata>
        """.formatted(GROUP, artifact, version, version, version, now);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    checksums(to);
  }

  private static void writeChecked(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    checksums(file);
  }

  /** One docs jar of several, each under its own folder, with an index page linking them. */
  private static void mergeDocs(List<Path> jars, List<String> folders, Path to) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      out.putNextEntry(new ZipEntry("index.html"));
      StringBuilder index = new StringBuilder("<html><body><h1>numspark API</h1><ul>");
      for (String folder : folders) {
        index.append("<li><a href=\"").append(folder).append("index.html\">").append(folder)
            .append("</a></li>");
      }
      out.write(index.append("</ul></body></html>\n").toString().getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      for (int i = 0; i < jars.size(); i++) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jars.get(i)))) {
          for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
            if (e.isDirectory() || e.getName().startsWith("META-INF/")) {
              continue;
            }
            out.putNextEntry(new ZipEntry(folders.get(i) + e.getName()));
            in.transferTo(out);
            out.closeEntry();
          }
        }
      }
    }
    checksums(to);
  }

  private static void checksums(Path file) throws IOException {
    for (String algorithm : List.of("SHA-1", "MD5")) {
      MessageDigest digest;
      try {
        digest = MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      String suffix = algorithm.equals("SHA-1") ? ".sha1" : ".md5";
      try (OutputStream out = Files.newOutputStream(file.resolveSibling(file.getFileName() + suffix))) {
        out.write(HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII));
      }
    }
  }
}
