package dev.numspark.tools.cli;

import dev.numspark.examples.options.OptionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --master} of the commands that start a Spark application ({@code run},
 * {@code doctor}, {@code threads --spark}, {@code bench-priming}): its form, and for a standalone
 * master whether anything listens there. Without that check a wrong host or port costs a minute
 * of Spark's retries and stack traces, then "Cannot call methods on a stopped SparkContext".
 */
public final class Masters {
  /** How long to wait for each listed master to accept a connection. */
  static final int CONNECT_TIMEOUT_MS = 5_000;

  private Masters() {}

  /**
   * {@code master} if it is {@code local[...]}, {@code spark://HOST:PORT[,HOST:PORT...]} with
   * one of its masters accepting connections, {@code yarn} or {@code k8s://...}; otherwise an
   * {@link OptionException} that says what is wrong.
   */
  public static String check(String master) {
    if (master.startsWith("spark://")) {
      requireListening(master);
      return master;
    }
    if (master.startsWith("local") || master.equals("yarn") || master.startsWith("k8s://")) {
      return master;
    }
    throw new OptionException("--master must be local[N], local[*], spark://HOST:PORT, yarn or "
        + "k8s://..., got '" + master + "'");
  }

  private static void requireListening(String master) {
    List<String> failures = new ArrayList<>();
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      int port = colon < 0 ? -1 : parsePort(hostPort.substring(colon + 1));
      if (port < 0) {
        throw new OptionException("--master " + master + ": each master is HOST:PORT (a "
            + "standalone master listens on 7077 by default), got '" + hostPort + "'");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(hostPort.substring(0, colon), port),
            CONNECT_TIMEOUT_MS);
        return;
      } catch (IOException e) {
        failures.add(hostPort + ": " + reason(e));
      }
    }
    throw new OptionException("no Spark master answers at " + master + " ("
        + String.join("; ", failures) + "): start one (docs/docker.md) or check --master");
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      return port >= 1 && port <= 65535 ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String reason(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    } else if (e instanceof SocketTimeoutException) {
      return "no answer in " + CONNECT_TIMEOUT_MS / 1000 + " s";
    } else if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
