package dev.numspark.examples;

import java.io.Serializable;

/**
 * The features of one signal: its strongest peaks (frequency and PSD value, strongest first),
 * band powers, total power, and — for generated signals — the true tones and whether all were
 * found. The PSD itself is kept for the mean spectrum of the summary and the plot.
 */
public class SpectralResult implements Serializable {
  private static final long serialVersionUID = 1L;
  private String id;
  private double[] peakFreqs;
  private double[] peakPowers;
  private double[] bandPowers;
  private double totalPower;
  private double[] trueFreqs;
  private Boolean recovered;
  private double[] freqs;
  private double[] psd;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public double[] getPeakFreqs() {
    return peakFreqs;
  }

  public void setPeakFreqs(double[] peakFreqs) {
    this.peakFreqs = peakFreqs;
  }

  public double[] getPeakPowers() {
    return peakPowers;
  }

  public void setPeakPowers(double[] peakPowers) {
    this.peakPowers = peakPowers;
  }

  public double[] getBandPowers() {
    return bandPowers;
  }

  public void setBandPowers(double[] bandPowers) {
    this.bandPowers = bandPowers;
  }

  public double getTotalPower() {
    return totalPower;
  }

  public void setTotalPower(double totalPower) {
    this.totalPower = totalPower;
  }

  public double[] getTrueFreqs() {
    return trueFreqs;
  }

  public void setTrueFreqs(double[] trueFreqs) {
    this.trueFreqs = trueFreqs;
  }

  public Boolean getRecovered() {
    return recovered;
  }

  public void setRecovered(Boolean recovered) {
    this.recovered = recovered;
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
}
