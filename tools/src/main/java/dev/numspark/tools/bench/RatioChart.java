package dev.numspark.tools.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * {@code bench-report.png}: one horizontal bar per compared case, the ratio peer / numspark on a
 * log2 axis centred on 1 (green to the right: numspark faster; orange to the left: slower).
 * Drawn with java.awt in headless mode, so no chart library is needed.
 */
final class RatioChart {
  private static final int WIDTH = 1100;
  private static final int LABEL = 430;
  private static final int ROW = 22;
  private static final int TOP = 50;
  private static final int BOTTOM = 40;
  private static final int MARGIN = 60;

  private RatioChart() {}

  /** Writes the chart of the rows with a ratio (atomically: a temp file, then a move). */
  static void write(List<BenchResult> results, String title, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<BenchResult> rows = results.stream().filter(r -> Double.isFinite(r.ratio())).toList();
    int height = TOP + Math.max(1, rows.size()) * ROW + BOTTOM;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      double span = 1;
      for (BenchResult r : rows) {
        span = Math.max(span, Math.ceil(Math.abs(log2(r.ratio()))));
      }
      int plotLeft = LABEL + 10;
      int plotWidth = WIDTH - plotLeft - MARGIN;
      int centre = plotLeft + plotWidth / 2;
      double perUnit = (plotWidth / 2.0) / span;
      drawAxis(g, span, centre, perUnit, height);
      for (int i = 0; i < rows.size(); i++) {
        BenchResult r = rows.get(i);
        int y = TOP + i * ROW;
        int end = (int) Math.round(centre + log2(r.ratio()) * perUnit);
        g.setColor(r.ratio() >= 1 ? new Color(0x2e8b57) : new Color(0xe67e22));
        g.fillRect(Math.min(centre, end), y + 4, Math.max(1, Math.abs(end - centre)), ROW - 8);
        text(g, r.label(), 8, y + ROW - 7, Color.BLACK, 12, LABEL - 8);
        String value = Report.ratio(r.ratio());
        int x = r.ratio() >= 1 ? end + 4 : end - 4 - 7 * value.length();
        text(g, value, x, y + ROW - 7, Color.DARK_GRAY, 11, 0);
      }
      if (rows.isEmpty()) {
        text(g, "no case with both times", plotLeft, TOP + 15, Color.GRAY, 12, 0);
      }
      text(g, title, 8, 22, Color.BLACK, 14, 0);
      text(g, "peer time / numspark time (log scale; right of 1: numspark faster)", plotLeft,
          height - 12, Color.DARK_GRAY, 11, 0);
    } finally {
      g.dispose();
    }
    Path tmp = Files.createTempFile(png.toAbsolutePath().getParent(), ".bench-report", ".png");
    try {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("no PNG writer in this JVM");
      }
      Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void drawAxis(Graphics2D g, double span, int centre, double perUnit, int height) {
    g.setStroke(new BasicStroke(1));
    for (int k = (int) -span; k <= span; k++) {
      int x = (int) Math.round(centre + k * perUnit);
      g.setColor(k == 0 ? Color.BLACK : new Color(0xdddddd));
      g.drawLine(x, TOP - 6, x, height - BOTTOM + 4);
      String tick = k >= 0 ? (1 << k) + "x" : "1/" + (1 << -k);
      text(g, tick, x - 8, TOP - 10, Color.GRAY, 10, 0);
    }
  }

  /** Draws text; where the JVM has no usable font (a bare headless box) the chart goes without. */
  private static void text(Graphics2D g, String s, int x, int y, Color color, int size, int maxWidth) {
    try {
      g.setColor(color);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
      String shown = s;
      if (maxWidth > 0) {
        while (shown.length() > 4 && g.getFontMetrics().stringWidth(shown) > maxWidth) {
          shown = shown.substring(0, shown.length() - 2);
        }
        if (!shown.equals(s)) {
          shown = shown + "…";
        }
      }
      g.drawString(shown, x, y);
    } catch (RuntimeException | LinkageError e) {
      // fonts missing: bars and axis still say it
    }
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
