package dev.numspark.optimize;

import breeze.linalg.DenseVector;

/**
 * A tensor view with no entries, for {@link Lbfgsb}'s carrier of Breeze's DiffFunction (see
 * {@code Lbfgsb.Problem#diffFunction()}). Scala 2.13's {@code <:<}; each Scala binary version has
 * its own copy of this class, because the class Java must extend differs between them.
 */
final class EmptyTensorView extends scala.$less$colon$less<Object, Object> {
  private static final long serialVersionUID = 1L;
  private static final DenseVector<Object> EMPTY = new DenseVector<Object>(new double[0]);

  @Override
  public Object apply(Object x) {
    return EMPTY;
  }

  @Override
  public <F> F substituteBoth(F ftf) {
    throw new UnsupportedOperationException();
  }
}
