package dev.numspark.examples;

import java.io.Serializable;

/** A generated signal as a Java bean (Spark encodes its arrays without boxing). */
public class SyntheticSignal implements Serializable {
  private static final long serialVersionUID = 1L;
  private long id;
  private double[] signal;
  private double[] trueFreqs;

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public double[] getSignal() {
    return signal;
  }

  public void setSignal(double[] signal) {
    this.signal = signal;
  }

  public double[] getTrueFreqs() {
    return trueFreqs;
  }

  public void setTrueFreqs(double[] trueFreqs) {
    this.trueFreqs = trueFreqs;
  }
}
