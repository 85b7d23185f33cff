"""Loops of calls: numspark's batched FFTs at each vector width against SciPy, in the same minutes.

``bin/numspark bench`` (JMH) is the benchmark; this is its cross-check for a shared machine whose
speed moves between minutes. SciPy (in this process) and one JVM per vector width take turns,
``--reps`` times (the JVM runs ``dev.numspark.tools.bench.FftLoops``); each times every case
for ``--secs`` a round, the cases taking turns, the first round a warm-up; a case's time is the
10th percentile of its calls, the best of its processes.
Prints a Markdown table (the README's "Loops of calls" table came from it)::

    bin/numspark doctor          # builds numspark once (tools/target/launcher.classpath)
    $NUMSPARK_PYTHON tools/loops/fft_loops.py --workers 1
    $NUMSPARK_PYTHON tools/loops/fft_loops.py --workers 2 --cases fft:128x4096,rfft:512x4096

Widths other than the machine's own are forced with the JVM flags ``bin/numspark bench --widths``
gives its forks (256: ``-XX:UseAVX=2``, 128: ``-XX:MaxVectorSize=16``), with the same fixed heap;
the JVM prints them (``FftLoops --fork-flags WIDTH``).
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import time
from collections import defaultdict

import numpy as np
import scipy.fft

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = ("fft:16x1024,fft:128x4096,fft:1024x4096,fft:4096x2048,rfft:16x4096,rfft:512x4096,"
         "rfft:4096x4096,irfft:512x4096,irfft:256x1280,fft:256x1000,rfft:256x1280,fft:256x4800,"
         "fft:1024x1009,rfft:256x1009,fft:256x1008,rfft:64x44100,fft:1x4194304,fft:4096x64,"
         "fft:2048x128")
WIDTHS = ("native", "256", "128")  # bin/numspark bench --widths; FftLoops --fork-flags has the flags


def keep_best(best, case, t):
    """Keeps in best[case] the least time seen for the case."""
    best[case] = min(best.get(case, t), t)


def scipy_call(case, rng):
    op, shape, workers = case.split(":")
    rows, n = (int(s) for s in shape.split("x"))
    workers = int(workers)
    if op == "fft":
        x = rng.standard_normal((rows, n)) + 1j * rng.standard_normal((rows, n))
        return lambda: scipy.fft.fft(x, workers=workers)
    if op == "rfft":
        x = rng.standard_normal((rows, n))
        return lambda: scipy.fft.rfft(x, workers=workers)
    if op == "irfft":
        h = n // 2 + 1
        x = rng.standard_normal((rows, h)) + 1j * rng.standard_normal((rows, h))
        return lambda: scipy.fft.irfft(x, n, workers=workers)
    raise SystemExit(f"fft_loops: unknown op {op!r} (fft, rfft, irfft)")


def scipy_loops(cases, secs, rounds):
    rng = np.random.default_rng(1)
    calls = [(c, scipy_call(c, rng)) for c in cases]
    out = {}
    for r in range(rounds):
        for case, call in calls:
            times = []
            end = time.perf_counter() + secs
            while time.perf_counter() < end:
                t0 = time.perf_counter_ns()
                call()
                times.append(time.perf_counter_ns() - t0)
            if r:
                times.sort()
                keep_best(out, case, times[len(times) // 10] / 1e3)
    return out


def java_command(width):
    """The JVM command of the loops at a width: bin/numspark's flags, then a bench fork's."""
    target = os.path.join(ROOT, "tools", "target")
    jars = sorted(glob.glob(os.path.join(target, "numspark-tools-*.jar")), key=os.path.getmtime)
    cp_file = os.path.join(target, "launcher.classpath")
    if not jars or not os.path.exists(cp_file):
        raise SystemExit("fft_loops: numspark is not built; run bin/numspark doctor once")
    with open(cp_file) as f:
        cp = jars[-1] + os.pathsep + f.read().strip()  # the newest build, as bin/numspark takes
    with open(os.path.join(ROOT, "bin", "spark-jvm-flags")) as f:
        flags = [line.strip() for line in f if line.strip()]
    # the flags bin/numspark adds after spark-jvm-flags (its JVM_FLAGS+= line)
    flags += ["-XX:+UseG1GC", "-Xss16m", "-XX:MaxInlineLevel=40"]
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    main = [java, "-cp", cp, "dev.numspark.tools.bench.FftLoops"]
    fork = subprocess.run(main + ["--fork-flags", width], capture_output=True, text=True)
    if fork.returncode != 0:
        raise SystemExit(f"fft_loops: the flags of width {width} are unknown:\n{fork.stderr}")
    return [java] + flags + fork.stdout.split() + main[1:]


def java_loops(command, cases, secs, rounds, width):
    run = subprocess.run(command + [",".join(cases), str(secs), str(rounds)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"fft_loops: the {width} JVM failed:\n{run.stderr}")
    out = {}
    for line in run.stdout.splitlines():
        case, p10 = line.split()[:2]
        keep_best(out, case, float(p10))
    return out


def fmt(us):
    return f"{us / 1000:.3g} ms" if us >= 1000 else f"{us:.3g} µs"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--cases", default=CASES, help="op:ROWSxN,... (op: fft, rfft, irfft)")
    ap.add_argument("--widths", default="native,256,128")
    ap.add_argument("--secs", type=float, default=1.0, help="seconds a case and round")
    ap.add_argument("--reps", type=int, default=2, help="processes a side")
    a = ap.parse_args()
    if a.workers == 0:
        ap.error("workers must not be 0 (as in scipy.fft: negative counts from the CPUs)")
    cases = [f"{c}:{a.workers}" for c in a.cases.split(",")]
    for c in cases:
        if not re.fullmatch(r"(fft|rfft|irfft):[1-9][0-9]*x[1-9][0-9]*:-?[1-9][0-9]*", c):
            ap.error(f"case {c.rsplit(':', 1)[0]!r} is not op:ROWSxN with op fft, rfft or irfft")
    widths = a.widths.split(",")
    for w in widths:
        if w not in WIDTHS:
            ap.error(f"width {w!r} is not one of {', '.join(WIDTHS)}")
    commands = {w: java_command(w) for w in widths}
    best = defaultdict(dict)
    for _ in range(a.reps):
        for case, t in scipy_loops(cases, a.secs, 3).items():
            keep_best(best["scipy"], case, t)
        for w in widths:
            for case, t in java_loops(commands[w], cases, a.secs, 3, w).items():
                keep_best(best[w], case, t)
    names = ["native" if w == "native" else f"{w}-bit" for w in widths]  # native: this CPU's
    print("| case | workers | SciPy p10 | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---|" * len(widths))
    for case in cases:
        op, shape, workers = case.split(":")
        s = best["scipy"][case]
        cells = [f"{fmt(best[w][case])} ({s / best[w][case]:.2f}x)" for w in widths]
        label = shape[2:] if shape.startswith("1x") else shape  # one line: its length
        print(f"| {op} {label} | {workers} | {fmt(s)} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
