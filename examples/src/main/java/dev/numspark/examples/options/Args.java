package dev.numspark.examples.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options in the form {@code --name value}, {@code --name=value} or a bare
 * {@code --flag}, and positional arguments. Option names use dashes ({@code --return-onesided});
 * the getters accept either dashes or SciPy's underscores. Every option must be consumed:
 * {@link #finish()} rejects the ones nobody asked for, so a typo is an error, not ignored.
 */
public final class Args {
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> positionals = new ArrayList<>();
  private final Set<String> consumed = new java.util.HashSet<>();

  private Args() {}

  /**
   * Parses {@code args}; names in {@code flags} take no value (they read as "true").
   */
  public static Args parse(List<String> args, Set<String> flags) {
    Args parsed = new Args();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--") && arg.length() > 2) {
        String name = arg.substring(2);
        String value;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else if (flags.contains(canonical(name))) {
          value = "true";
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new OptionException("option --" + name + " needs a value");
        }
        String key = canonical(name);
        if (parsed.options.put(key, value) != null) {
          throw new OptionException("option --" + name + " given twice");
        }
      } else {
        parsed.positionals.add(arg);
      }
    }
    return parsed;
  }

  private static String canonical(String name) {
    return name.replace('_', '-');
  }

  public boolean has(String name) {
    return options.containsKey(canonical(name));
  }

  /** The raw value of an option, or {@code fallback} when absent. */
  public String string(String name, String fallback) {
    String key = canonical(name);
    consumed.add(key);
    String v = options.get(key);
    return v == null ? fallback : v;
  }

  public Integer integer(String name, Integer fallback) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw new OptionException("option --" + canonical(name) + " expects an integer, got '" + v + "'");
    }
  }

  public Double number(String name, Double fallback) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw new OptionException("option --" + canonical(name) + " expects a number, got '" + v + "'");
    }
  }

  public boolean bool(String name, boolean fallback) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new OptionException(
          "option --" + canonical(name) + " expects true or false, got '" + v + "'");
    };
  }

  /** A comma-separated list of integers, e.g. {@code --axes 0,1}; null when absent. */
  public int[] integers(String name) {
    String v = string(name, null);
    if (v == null) {
      return null;
    }
    String[] parts = v.split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new OptionException("option --" + canonical(name)
            + " expects comma-separated integers, got '" + v + "'");
      }
    }
    return out;
  }

  public List<String> positionals() {
    return List.copyOf(positionals);
  }

  /** Requires exactly {@code count} positional arguments, naming them in the error. */
  public List<String> positionals(String... names) {
    if (positionals.size() != names.length) {
      throw new OptionException("expected " + names.length + " argument(s): "
          + String.join(" ", names) + "; got " + positionals.size());
    }
    return positionals();
  }

  /** Fails on any option that no getter read. */
  public void finish() {
    for (String key : options.keySet()) {
      if (!consumed.contains(key)) {
        throw new OptionException("unrecognized option --" + key);
      }
    }
  }
}
