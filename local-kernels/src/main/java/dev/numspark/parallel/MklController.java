package dev.numspark.parallel;

import com.sun.jna.Function;
import com.sun.jna.Native;

/** Intel MKL through its single dynamic library, {@code libmkl_rt}. */
final class MklController extends LibController {
  static final String[] PREFIXES = {"libmkl_rt"};

  MklController(String filepath, String prefix) {
    super(filepath, prefix);
  }

  @Override
  public boolean isValid() {
    return symbol("MKL_Get_Max_Threads") != null;
  }

  @Override
  public UserApi userApi() {
    return UserApi.BLAS;
  }

  @Override
  public String internalApi() {
    return "mkl";
  }

  @Override
  public int getNumThreads() {
    return callInt("MKL_Get_Max_Threads");
  }

  @Override
  public void setNumThreads(int numThreads) {
    callVoid("MKL_Set_Num_Threads", numThreads);
  }

  @Override
  public String version() {
    Function f = symbol("MKL_Get_Version_String");
    if (f == null) {
      return null;
    }
    byte[] buffer = new byte[256];
    f.invokeVoid(new Object[] {buffer, buffer.length});
    String text = Native.toString(buffer).trim();
    String[] words = text.split("\\s+");
    for (String word : words) {
      if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
        return word;
      }
    }
    return text.isEmpty() ? null : text;
  }

  @Override
  public String threadingLayer() {
    Function f = symbol("MKL_Set_Threading_Layer");
    if (f == null) {
      return "unknown";
    }
    // Passing -1 queries the layer without changing it.
    return switch (f.invokeInt(new Object[] {-1})) {
      case 0 -> "intel";
      case 1 -> "sequential";
      case 2 -> "pgi";
      case 3 -> "gnu";
      case 4 -> "tbb";
      default -> "not specified";
    };
  }
}
