package dev.numspark.fft;

import dev.numspark.array.NdArray;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A golden case's keyword arguments ({@code --axis 0 --norm ortho}, as generate.py writes them
 * beside SciPy's call) and the one {@link Fft} call each operation stands for, so that the golden
 * test calls the kernels directly, not through the command line.
 */
final class GoldenCall {
  private final Map<String, String> kwargs = new HashMap<>();

  private GoldenCall(List<String> options) {
    for (int i = 0; i < options.size(); i++) {
      String name = options.get(i).substring(2);
      boolean flag = name.equals("real");
      kwargs.put(name, flag ? "true" : options.get(++i));
    }
  }

  static GoldenCall of(List<String> options) {
    return new GoldenCall(options);
  }

  private Integer integer(String name) {
    String v = kwargs.get(name);
    return v == null ? null : Integer.valueOf(v);
  }

  private int[] integers(String name) {
    String v = kwargs.get(name);
    return v == null ? null : Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private Boolean bool(String name) {
    String v = kwargs.get(name);
    return v == null ? null : Boolean.valueOf(v);
  }

  long nextFastLen() {
    return Fft.nextFastLen(Long.parseLong(kwargs.get("target")), kwargs.containsKey("real"));
  }

  NdArray frequencies(String op) {
    double d = kwargs.containsKey("d") ? Double.parseDouble(kwargs.get("d")) : 1.0;
    return op.equals("fftfreq") ? Fft.fftfreq(integer("n"), d) : Fft.rfftfreq(integer("n"), d);
  }

  NdArray apply(String op, NdArray x) {
    return apply(op, x, integer("workers"));
  }

  /** The SciPy function {@code op} on {@code x} with these keyword arguments. */
  NdArray apply(String op, NdArray x, Integer workers) {
    String norm = kwargs.get("norm");
    Integer n = integer("n");
    int axis = kwargs.containsKey("axis") ? integer("axis") : -1;
    int[] s = integers("s");
    int[] axes = integers("axes");
    int type = kwargs.containsKey("type") ? integer("type") : 2;
    Boolean orth = bool("orthogonalize");
    return switch (op) {
      case "fft" -> Fft.fft(x, n, axis, norm, workers);
      case "ifft" -> Fft.ifft(x, n, axis, norm, workers);
      case "rfft" -> Fft.rfft(x, n, axis, norm, workers);
      case "irfft" -> Fft.irfft(x, n, axis, norm, workers);
      case "hfft" -> Fft.hfft(x, n, axis, norm, workers);
      case "ihfft" -> Fft.ihfft(x, n, axis, norm, workers);
      case "fft2" -> Fft.fft2(x, s, axes, norm, workers);
      case "ifft2" -> Fft.ifft2(x, s, axes, norm, workers);
      case "fftn" -> Fft.fftn(x, s, axes, norm, workers);
      case "ifftn" -> Fft.ifftn(x, s, axes, norm, workers);
      case "rfft2" -> Fft.rfft2(x, s, axes, norm, workers);
      case "irfft2" -> Fft.irfft2(x, s, axes, norm, workers);
      case "rfftn" -> Fft.rfftn(x, s, axes, norm, workers);
      case "irfftn" -> Fft.irfftn(x, s, axes, norm, workers);
      case "dct" -> Fft.dct(x, type, n, axis, norm, workers, orth);
      case "idct" -> Fft.idct(x, type, n, axis, norm, workers, orth);
      case "dst" -> Fft.dst(x, type, n, axis, norm, workers, orth);
      case "idst" -> Fft.idst(x, type, n, axis, norm, workers, orth);
      case "dctn" -> Fft.dctn(x, type, s, axes, norm, workers, orth);
      case "idctn" -> Fft.idctn(x, type, s, axes, norm, workers, orth);
      case "dstn" -> Fft.dstn(x, type, s, axes, norm, workers, orth);
      case "idstn" -> Fft.idstn(x, type, s, axes, norm, workers, orth);
      case "fftshift" -> Fft.fftshift(x, axes);
      case "ifftshift" -> Fft.ifftshift(x, axes);
      default -> throw new IllegalStateException("no golden call for " + op);
    };
  }
}
