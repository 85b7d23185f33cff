package dev.numspark.examples;

import java.io.Serializable;

/**
 * All samples of one group (a sensor) as primitive arrays, with the generated truth: the input of
 * the per-group fits of {@code lstsq} and {@code optimize}.
 */
public class SensorSeries implements Serializable {
  private static final long serialVersionUID = 1L;
  private long sensor;
  private double[] x;
  private double[] y;

  public long getSensor() {
    return sensor;
  }

  public void setSensor(long sensor) {
    this.sensor = sensor;
  }

  public double[] getX() {
    return x;
  }

  public void setX(double[] x) {
    this.x = x;
  }

  public double[] getY() {
    return y;
  }

  public void setY(double[] y) {
    this.y = y;
  }
}
