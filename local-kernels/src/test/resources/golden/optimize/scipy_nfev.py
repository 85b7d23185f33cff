"""Records SciPy's differential_evolution effort on the test problems numspark's tests use.

Run from this directory: python3 scipy_nfev.py  (writes scipy_nfev.csv and brute.csv)
Columns: function, dimension, strategy, seeds, median nfev, median nit, median |fun - fmin|.
numspark's DifferentialEvolutionTest compares its own median nfev with these (within a factor).
"""
import csv
import numpy as np
import scipy
from scipy.optimize import differential_evolution, rosen

SCHWEFEL_C = 418.9828872724338


def sphere(x):
    return np.sum(x * x)


def rastrigin(x):
    return 10 * len(x) + np.sum(x * x - 10 * np.cos(2 * np.pi * x))


def ackley(x):
    n = len(x)
    return (-20 * np.exp(-0.2 * np.sqrt(np.sum(x * x) / n))
            - np.exp(np.sum(np.cos(2 * np.pi * x)) / n) + 20 + np.e)


def styblinski_tang(x):
    return 0.5 * np.sum(x ** 4 - 16 * x ** 2 + 5 * x)


def levy(x):
    w = 1 + (x - 1) / 4
    return (np.sin(np.pi * w[0]) ** 2
            + np.sum((w[:-1] - 1) ** 2 * (1 + 10 * np.sin(np.pi * w[:-1] + 1) ** 2))
            + (w[-1] - 1) ** 2 * (1 + np.sin(2 * np.pi * w[-1]) ** 2))


PROBLEMS = {
    "rosen": (rosen, (-5, 5), 0.0),
    "sphere": (sphere, (-5, 5), 0.0),
    "rastrigin": (rastrigin, (-5.12, 5.12), 0.0),
    "ackley": (ackley, (-32.768, 32.768), 0.0),
    "styblinski_tang": (styblinski_tang, (-5, 5), -39.16616570377142),
    "levy": (levy, (-10, 10), 0.0),
}

CASES = [
    ("rosen", 2, "best1bin"), ("rosen", 3, "best1bin"), ("rosen", 3, "rand1exp"),
    ("sphere", 5, "best1bin"), ("rastrigin", 2, "best1bin"), ("rastrigin", 3, "currenttobest1bin"),
    ("ackley", 2, "best1bin"), ("ackley", 4, "randtobest1bin"), ("styblinski_tang", 5, "best1bin"),
    ("levy", 3, "best2bin"), ("sphere", 10, "best1bin"),
]
SEEDS = range(5)


def main():
    rows = []
    for name, n, strategy in CASES:
        fn, (lo, hi), fmin = PROBLEMS[name]
        nfev, nit, err = [], [], []
        for seed in SEEDS:
            r = differential_evolution(fn, [(lo, hi)] * n, strategy=strategy, rng=seed)
            nfev.append(r.nfev)
            nit.append(r.nit)
            err.append(abs(r.fun - fmin * (n if name == "styblinski_tang" else 1)))
        rows.append([name, n, strategy, len(SEEDS), float(np.median(nfev)), float(np.median(nit)),
                     float(np.median(err))])
    with open("scipy_nfev.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["# scipy " + scipy.__version__ + ", numpy " + np.__version__])
        w.writerow(["function", "n", "strategy", "seeds", "median_nfev", "median_nit",
                    "median_abs_error"])
        w.writerows(rows)


if __name__ == "__main__":
    main()


def brute_golden():
    """scipy.optimize.brute's grid minimum (finish=None) for two grids; written to brute.csv."""
    from scipy.optimize import brute

    def f(z):
        x, y = z
        return (x - 0.3) ** 2 + (y + 0.2) ** 2 + 0.5 * x * y + np.sin(3 * x)

    rows = []
    for label, ranges, ns in [("tuple", ((-1, 1), (-2, 2)), 7),
                              ("slice", (slice(-4, 4, 0.25), slice(-4, 4, 0.25)), 20)]:
        x, fval, grid, jout = brute(f, ranges, Ns=ns, full_output=True, finish=None)
        rows.append([label, ns, repr(float(x[0])), repr(float(x[1])), repr(float(fval)),
                     jout.size])
    with open("brute.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["case", "ns", "x0", "x1", "fun", "grid_points"])
        w.writerows(rows)


if __name__ == "__main__":
    brute_golden()
