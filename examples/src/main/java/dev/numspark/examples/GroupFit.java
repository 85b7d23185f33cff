package dev.numspark.examples;

import java.io.Serializable;

/** The fitted parameters of one group next to the generated ones (a Java bean). */
public class GroupFit implements Serializable {
  private static final long serialVersionUID = 1L;
  private long sensor;
  private int samples;
  private double[] fitted;
  private double[] truth;
  private double rmsResidual;
  private int rank;
  private long evaluations;

  public long getSensor() {
    return sensor;
  }

  public void setSensor(long sensor) {
    this.sensor = sensor;
  }

  public int getSamples() {
    return samples;
  }

  public void setSamples(int samples) {
    this.samples = samples;
  }

  public double[] getFitted() {
    return fitted;
  }

  public void setFitted(double[] fitted) {
    this.fitted = fitted;
  }

  public double[] getTruth() {
    return truth;
  }

  public void setTruth(double[] truth) {
    this.truth = truth;
  }

  public double getRmsResidual() {
    return rmsResidual;
  }

  public void setRmsResidual(double rmsResidual) {
    this.rmsResidual = rmsResidual;
  }

  public int getRank() {
    return rank;
  }

  public void setRank(int rank) {
    this.rank = rank;
  }

  public long getEvaluations() {
    return evaluations;
  }

  public void setEvaluations(long evaluations) {
    this.evaluations = evaluations;
  }
}
