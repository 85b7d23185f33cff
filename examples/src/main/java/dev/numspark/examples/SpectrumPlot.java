package dev.numspark.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A PNG of a power spectrum on a logarithmic axis with its peaks marked, drawn with java.awt
 * (headless) and written with ImageIO: a plotting library would be a large dependency for one
 * chart.
 */
final class SpectrumPlot {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 560;
  private static final int LEFT = 90;
  private static final int RIGHT = 30;
  private static final int TOP = 60;
  private static final int BOTTOM = 60;

  private SpectrumPlot() {}

  /** Draws {@code psd} over {@code freqs} with {@code peaks} (indices) marked; writes atomically. */
  static void write(Path png, double[] freqs, double[] psd, int[] peaks, String title,
      String yLabel) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw(g, freqs, psd, peaks, title, yLabel);
    } finally {
      g.dispose();
    }
    Path dir = png.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + png.getFileName(), ".tmp");
    try {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("no PNG writer available");
      }
      Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void draw(Graphics2D g, double[] freqs, double[] psd, int[] peaks, String title,
      String yLabel) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double fMax = freqs[freqs.length - 1];
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double p : psd) {
      if (p > 0) {
        lo = Math.min(lo, p);
        hi = Math.max(hi, p);
      }
    }
    if (!(hi > 0)) {
      lo = 1e-3;
      hi = 1;
    }
    double decadeLo = Math.floor(Math.log10(lo));
    double decadeHi = Math.max(decadeLo + 1, Math.ceil(Math.log10(hi)));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    java.util.function.DoubleUnaryOperator x = f -> LEFT + f / fMax * plotW;
    java.util.function.DoubleUnaryOperator y = p -> {
      double v = p > 0 ? Math.log10(p) : decadeLo;
      return TOP + (decadeHi - v) / (decadeHi - decadeLo) * plotH;
    };

    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    // grid and ticks: one line per decade, about ten frequency ticks
    for (double d = decadeLo; d <= decadeHi; d++) {
      int yy = (int) y.applyAsDouble(Math.pow(10, d));
      g.setColor(new Color(230, 230, 230));
      g.drawLine(LEFT, yy, LEFT + plotW, yy);
      g.setColor(Color.DARK_GRAY);
      g.drawString("1e" + (int) d, LEFT - 45, yy + 4);
    }
    double step = niceStep(fMax / 10);
    for (double f = 0; f <= fMax + 1e-9; f += step) {
      int xx = (int) x.applyAsDouble(f);
      g.setColor(new Color(230, 230, 230));
      g.drawLine(xx, TOP, xx, TOP + plotH);
      g.setColor(Color.DARK_GRAY);
      String label = Bands.format(Math.round(f * 100) / 100.0);
      g.drawString(label, xx - g.getFontMetrics().stringWidth(label) / 2, TOP + plotH + 18);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    g.drawString("frequency (Hz)", LEFT + plotW / 2 - 40, HEIGHT - 15);
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -(TOP + plotH / 2 + 60), 25);
    g.rotate(Math.PI / 2);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 35);

    Path2D.Double line = new Path2D.Double();
    for (int i = 0; i < freqs.length; i++) {
      double xx = x.applyAsDouble(freqs[i]);
      double yy = y.applyAsDouble(psd[i]);
      if (i == 0) {
        line.moveTo(xx, yy);
      } else {
        line.lineTo(xx, yy);
      }
    }
    g.setColor(new Color(31, 119, 180));
    g.setStroke(new BasicStroke(1.6f));
    g.draw(line);

    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int p : peaks) {
      double xx = x.applyAsDouble(freqs[p]);
      double yy = y.applyAsDouble(psd[p]);
      g.setColor(new Color(214, 39, 40));
      g.draw(new Ellipse2D.Double(xx - 5, yy - 5, 10, 10));
      g.drawString(String.format(Locale.ROOT, "%.1f Hz", freqs[p]), (int) xx + 7, (int) yy - 6);
    }
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  private static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= raw) {
        return m * power;
      }
    }
    return 10 * power;
  }
}
