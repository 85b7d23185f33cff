package dev.numspark.parallel;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Controls the thread pool of one loaded native library, as threadpoolctl's LibController: one
 * subclass per library. It opens the very file that is mapped in this process, so the dynamic
 * loader hands back the instance already in use rather than a second copy.
 */
public abstract class LibController {
  private final String filepath;
  private final String prefix;
  private final NativeLibrary library;

  protected LibController(String filepath, String prefix) {
    this.filepath = filepath;
    this.prefix = prefix;
    this.library = NativeLibrary.getInstance(filepath);
  }

  public final String filepath() {
    return filepath;
  }

  public final String prefix() {
    return prefix;
  }

  public abstract UserApi userApi();

  public abstract String internalApi();

  public abstract int getNumThreads();

  public abstract void setNumThreads(int numThreads);

  /** The library's version, or null where it does not tell. */
  public abstract String version();

  /** How the library threads, or null where the question does not apply. */
  public String threadingLayer() {
    return null;
  }

  /** The CPU kernel the library selected, or null where it does not tell. */
  public String architecture() {
    return null;
  }

  /** False where the library's entry points are missing (a stub or an unrelated file). */
  public abstract boolean isValid();

  public final LibraryInfo info() {
    return new LibraryInfo(filepath, prefix, userApi(), internalApi(), version(),
        getNumThreads(), threadingLayer(), architecture());
  }

  /** The function {@code name}, or null when the library has no such symbol. */
  protected final Function symbol(String name) {
    try {
      return library.getFunction(name);
    } catch (UnsatisfiedLinkError e) {
      return null;
    }
  }

  protected final int callInt(String name) {
    Function f = symbol(name);
    if (f == null) {
      throw new IllegalStateException(filepath + " has no symbol " + name);
    }
    return f.invokeInt(new Object[0]);
  }

  protected final void callVoid(String name, Object... args) {
    Function f = symbol(name);
    if (f == null) {
      throw new IllegalStateException(filepath + " has no symbol " + name);
    }
    f.invokeVoid(args);
  }

  protected final String callString(String name) {
    Function f = symbol(name);
    return f == null ? null : f.invokeString(new Object[0], false);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + filepath + ")";
  }
}
