package dev.numspark.examples;

import java.io.Serializable;

/**
 * One signal's Welch spectrum as a Java bean, so Spark decodes the arrays straight into
 * {@code double[]} (no boxing): id, freqs, psd, and the generated tones when known.
 */
public class SpectrumRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private String id;
  private double[] freqs;
  private double[] psd;
  private double[] trueFreqs;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public double[] getFreqs() {
    return freqs;
  }

  public void setFreqs(double[] freqs) {
    this.freqs = freqs;
  }

  public double[] getPsd() {
    return psd;
  }

  public void setPsd(double[] psd) {
    this.psd = psd;
  }

  public double[] getTrueFreqs() {
    return trueFreqs;
  }

  public void setTrueFreqs(double[] trueFreqs) {
    this.trueFreqs = trueFreqs;
  }
}
