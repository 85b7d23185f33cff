package dev.numspark.examples;

import java.io.Serializable;

/** One calibration sample: a sensor's reading against a reference value (a Java bean). */
public class SensorReading implements Serializable {
  private static final long serialVersionUID = 1L;
  private long sensor;
  private double reference;
  private double reading;

  public long getSensor() {
    return sensor;
  }

  public void setSensor(long sensor) {
    this.sensor = sensor;
  }

  public double getReference() {
    return reference;
  }

  public void setReference(double reference) {
    this.reference = reference;
  }

  public double getReading() {
    return reading;
  }

  public void setReading(double reading) {
    this.reading = reading;
  }
}
