package dev.numspark.io;

import java.io.IOException;

/** A file that is not a .npy file numspark can read, with the reason. */
public class NpyFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public NpyFormatException(String message) {
    super(message);
  }
}
