"""A test that hangs fails the run within minutes, with what is needed to find out why.

A Spark Connect client keeps retrying a server that stopped answering, and a task stuck in native
code keeps its query waiting forever; either way CI would wait for its own time limit and print
nothing useful. The watchdog gives each test a deadline. When one passes, it writes every thread
of the Spark JVM (jcmd Thread.print), the tail of the server's log, any JVM crash report and the
Python threads' stacks to stderr, then ends the pytest process with a failure status."""
from __future__ import annotations

import faulthandler
import glob
import os
import shutil
import subprocess
import sys
import threading
from typing import Callable, Optional

TEST_SECONDS = float(os.environ.get("NUMSPARK_TEST_TIMEOUT", "300"))


def _jcmd() -> Optional[str]:
    home = os.environ.get("JAVA_HOME")
    candidates = [os.path.join(home, "bin", "jcmd")] if home else []
    found = shutil.which("jcmd")
    if found:
        candidates.append(found)
    return next((c for c in candidates if os.access(c, os.X_OK)), None)


def _dump(test: str, jvm_pid: Optional[int], log_path: Optional[str]) -> None:
    err = sys.stderr
    err.write(f"\n=== watchdog: {test} ran longer than {TEST_SECONDS:.0f} s ===\n")
    jcmd = _jcmd()
    if jvm_pid is not None and jcmd is not None:
        try:
            dump = subprocess.run([jcmd, str(jvm_pid), "Thread.print", "-l"], capture_output=True,
                                  text=True, timeout=60)
            err.write(f"--- threads of the Spark JVM (pid {jvm_pid}) ---\n{dump.stdout}{dump.stderr}\n")
        except (OSError, subprocess.TimeoutExpired) as e:
            err.write(f"--- jcmd {jvm_pid} Thread.print failed: {e}\n")
    else:
        err.write(f"--- no thread dump: JVM pid {jvm_pid}, jcmd {jcmd}\n")
    if log_path and os.path.isfile(log_path):
        with open(log_path, errors="replace") as f:
            err.write(f"--- the last of {log_path} ---\n{f.read()[-20000:]}\n")
    for report in glob.glob("hs_err_pid*.log") + glob.glob("/tmp/hs_err_pid*.log"):
        with open(report, errors="replace") as f:
            err.write(f"--- JVM crash report {report} ---\n{f.read()[:20000]}\n")
    err.write("--- Python threads ---\n")
    err.flush()
    faulthandler.dump_traceback(file=err, all_threads=True)
    err.flush()


def guard(request, jvm_pid: Callable[[], Optional[int]], log_path: Optional[str] = None,
          stop: Optional[Callable[[], None]] = None) -> threading.Timer:
    """Starts the deadline of the requesting test; cancel the returned timer when the test ends.
    On expiry, after the dump, `stop` ends what the test started (a server in a session of its
    own)."""
    test = request.node.nodeid
    capture = request.config.pluginmanager.getplugin("capturemanager")

    def expire() -> None:
        try:
            if capture is not None:  # pytest holds fds 1 and 2 in files that exit would discard
                capture.suspend_global_capture(in_=False)
            _dump(test, jvm_pid(), log_path)
            if stop is not None:
                stop()
        finally:
            os._exit(3)
    timer = threading.Timer(TEST_SECONDS, expire)
    timer.daemon = True
    timer.start()
    return timer
