"""What both test suites (local and Spark Connect) check: every numspark function on odd-length
signals and small matrices spread over several partitions, against SciPy, plus NULL rows."""
from __future__ import annotations

import numpy as np
import pytest
import scipy.fft
import scipy.linalg
import scipy.signal
from pyspark.ml.linalg import DenseMatrix, DenseVector
from pyspark.sql import functions as F

import numspark.functions as nf

LENGTHS = (255, 257, 301, 999, 1001, 97, 33, 4097)
PARTITIONS = 4


def signal_rows(seed: int = 7):
    """(id, x, y): odd-length random signals x (one row NULL) and short kernels y."""
    rng = np.random.default_rng(seed)
    rows = [(i, rng.standard_normal(n).tolist(), rng.standard_normal(31).tolist())
            for i, n in enumerate(LENGTHS)]
    rows.append((len(LENGTHS), None, None))
    return rows


def signals(spark):
    return spark.createDataFrame(signal_rows(), "id long, x array<double>, y array<double>") \
        .repartition(PARTITIONS, "id")


def _spd(rng, n):
    m = rng.standard_normal((n, n))
    return m @ m.T + n * np.eye(n)


def matrix_rows(seed: int = 11):
    """(id, A, b, S, R, c): square A with vector b, symmetric positive definite S, rectangular R
    (m x 3) with vector c; orders odd, 33 crosses numspark's native-BLAS threshold; one NULL row."""
    rng = np.random.default_rng(seed)
    rows = []
    for i, n in enumerate((3, 5, 7, 33)):
        a, s, r = rng.standard_normal((n, n)), _spd(rng, n), rng.standard_normal((n + 2, 3))
        rows.append((i, to_matrix(a), DenseVector(rng.standard_normal(n)), to_matrix(s),
                     to_matrix(r), DenseVector(rng.standard_normal(n + 2))))
    rows.append((4, None, None, None, None, None))
    return rows


def matrices(spark):
    return spark.createDataFrame(matrix_rows(), ["id", "A", "b", "S", "R", "c"]) \
        .repartition(PARTITIONS, "id")


def to_matrix(a: np.ndarray) -> DenseMatrix:
    """A numpy matrix as a Spark ML DenseMatrix (column-major)."""
    return DenseMatrix(a.shape[0], a.shape[1], a.flatten(order="F").tolist())


def complex_of(v):
    return np.asarray(v.re) + 1j * np.asarray(v.im)


def _welch(x, **kw):
    return scipy.signal.welch(np.asarray(x), **kw)


def _eigh_checked(row, a):
    """eigh's eigenvectors are unique up to sign: compare values, and vectors after fixing signs."""
    w, v = scipy.linalg.eigh(a)
    got_v = row.vectors.toArray()
    signs = np.sign(np.sum(got_v * v, axis=0))
    return np.concatenate([row.values.toArray(), (got_v * signs).ravel()]), \
        np.concatenate([w, v.ravel()])


# name -> (column builder, SciPy on the row's numpy arguments, how to read the result)
SIGNAL_CASES = {
    "fft": (lambda: nf.fft("x"), lambda x, y: scipy.fft.fft(x), complex_of),
    "fft_n_ortho": (lambda: nf.fft("x", n=300, norm="ortho"),
                    lambda x, y: scipy.fft.fft(x, n=300, norm="ortho"), complex_of),
    "ifft_of_fft": (lambda: nf.ifft(nf.fft("x")), lambda x, y: scipy.fft.ifft(scipy.fft.fft(x)),
                    complex_of),
    "ifft_forward": (lambda: nf.ifft("x", norm="forward"),
                     lambda x, y: scipy.fft.ifft(x, norm="forward"), complex_of),
    "rfft": (lambda: nf.rfft("x"), lambda x, y: scipy.fft.rfft(x), complex_of),
    "rfft_n_column": (lambda: nf.rfft("x", n=F.size("x") + 2),
                      lambda x, y: scipy.fft.rfft(x, n=len(x) + 2), complex_of),
    "irfft_odd": (lambda: nf.irfft(nf.rfft("x"), n=F.size("x")),
                  lambda x, y: scipy.fft.irfft(scipy.fft.rfft(x), n=len(x)), np.asarray),
    "irfft_default_n": (lambda: nf.irfft(nf.rfft("x"), norm="ortho"),
                        lambda x, y: scipy.fft.irfft(scipy.fft.rfft(x), norm="ortho"), np.asarray),
    "abs": (lambda: nf.abs(nf.fft("x")), lambda x, y: np.abs(scipy.fft.fft(x)), np.asarray),
    "power_spectrum": (lambda: nf.power_spectrum("x", n=400, norm="forward"),
                       lambda x, y: np.abs(scipy.fft.rfft(x, n=400, norm="forward")) ** 2,
                       np.asarray),
    **{f"dct{t}": (lambda t=t: nf.dct("x", type=t, norm="ortho"),
                   lambda x, y, t=t: scipy.fft.dct(x, type=t, norm="ortho"), np.asarray)
       for t in (1, 2, 3, 4)},
    "dct_default": (lambda: nf.dct("x"), lambda x, y: scipy.fft.dct(x), np.asarray),
    "welch": (lambda: nf.welch("x"),
              lambda x, y: np.concatenate(_welch(x)),
              lambda w: np.concatenate([w.freqs, w.psd])),
    "welch_options": (lambda: nf.welch("x", fs=1000.0, window=("tukey", 0.25), nperseg=64,
                                       noverlap=16, scaling="spectrum"),
                      lambda x, y: np.concatenate(_welch(x, fs=1000.0, window=("tukey", 0.25),
                                                         nperseg=64, noverlap=16,
                                                         scaling="spectrum")),
                      lambda w: np.concatenate([w.freqs, w.psd])),
    "welch_kaiser": (lambda: nf.welch("x", 250.0, ("kaiser", 8.6), 101),
                     lambda x, y: np.concatenate(_welch(x, fs=250.0, window=("kaiser", 8.6),
                                                        nperseg=101)),
                          lambda w: np.concatenate([w.freqs, w.psd])),
    "welch_features": (lambda: nf.welch_features("x", fs=2.0, window="hamming", nperseg=50,
                                                 nfft=64, detrend="linear", average="median"),
                       lambda x, y: _welch(x, fs=2.0, window="hamming", nperseg=50, nfft=64,
                                           detrend="linear", average="median")[1],
                       lambda v: v.toArray()),
    "fft_features": (lambda: nf.fft_features("x", mode="power", n=512, norm="ortho"),
                     lambda x, y: np.abs(scipy.fft.rfft(x, n=512, norm="ortho")) ** 2,
                     lambda v: v.toArray()),
    **{f"fftconvolve_{m}": (lambda m=m: nf.fftconvolve("x", "y", mode=m),
                            lambda x, y, m=m: scipy.signal.fftconvolve(x, y, mode=m), np.asarray)
       for m in ("full", "same", "valid")},
}

MATRIX_CASES = {
    "solve": (lambda: nf.solve("A", "b"), lambda r: scipy.linalg.solve(r["A"], r["b"]),
              lambda v, r: v.toArray()),
    "solve_pos": (lambda: nf.solve("S", "b", assume_a="pos"),
                  lambda r: scipy.linalg.solve(r["S"], r["b"], assume_a="pos"),
                  lambda v, r: v.toArray()),
    "solve_her_real": (lambda: nf.solve("S", "b", assume_a="her"),
                       lambda r: scipy.linalg.solve(r["S"], r["b"], assume_a="her"),
                       lambda v, r: v.toArray()),
    "lstsq": (lambda: nf.lstsq("R", "c"), lambda r: scipy.linalg.lstsq(r["R"], r["c"])[0],
              lambda v, r: v.toArray()),
    "eigh": (lambda: nf.eigh("S"), None, lambda v, r: _eigh_checked(v, r["S"])),
    "svdvals": (lambda: nf.svdvals("R"), lambda r: scipy.linalg.svdvals(r["R"]),
                lambda v, r: v.toArray()),
    "det": (lambda: nf.det("A"), lambda r: scipy.linalg.det(r["A"]), lambda v, r: np.float64(v)),
    "inv": (lambda: nf.inv("A"), lambda r: scipy.linalg.inv(r["A"]), lambda v, r: v.toArray()),
}


def _crandn(rng, *shape):
    return rng.standard_normal(shape) + 1j * rng.standard_normal(shape)


def to_complex_struct(a) -> tuple:
    """A complex numpy array as numspark's struct<re, im> (row-major)."""
    flat = np.asarray(a, dtype=complex).ravel()
    return flat.real.tolist(), flat.imag.tolist()


COMPLEX = "struct<re: array<double>, im: array<double>>"


def complex_matrix_rows(seed: int = 13):
    """(id, G, H, z, r): general complex G, Hermitian H, complex vector z, real vector r; orders
    below and above numspark's native threshold (32); one NULL row."""
    rng = np.random.default_rng(seed)
    rows = []
    for i, n in enumerate((3, 5, 8, 33)):
        g = _crandn(rng, n, n)
        h = g @ g.conj().T / n + _crandn(rng, n, n)
        h = (h + h.conj().T) / 2
        rows.append((i, to_complex_struct(g), to_complex_struct(h),
                     to_complex_struct(_crandn(rng, n)), rng.standard_normal(n).tolist()))
    rows.append((4, None, None, None, None))
    return rows


def complex_matrices(spark):
    return spark.createDataFrame(
        complex_matrix_rows(), f"id long, G {COMPLEX}, H {COMPLEX}, z {COMPLEX}, r array<double>") \
        .repartition(PARTITIONS, "id")


def _square(v):
    a = complex_of(v)
    n = int(round(np.sqrt(a.size)))
    return a.reshape(n, n)


def _zeigh_checked(row, h):
    """Hermitian eigenvectors are unique up to a phase (the spectra here are simple): each column
    is turned to the phase of SciPy's before comparing."""
    w, v = scipy.linalg.eigh(h)
    got_v = _square(row.vectors)
    phases = np.sum(got_v.conj() * v, axis=0)
    got_v = got_v * (phases / np.abs(phases))
    return np.concatenate([np.asarray(row.values), got_v.ravel()]), np.concatenate([w, v.ravel()])


# name -> (column builder, SciPy on the row's numpy arguments or None, how to read the result)
COMPLEX_CASES = {
    "zeigh": (lambda: nf.zeigh("H"), None, lambda v, r: _zeigh_checked(v, r["H"])),
    "zsolve": (lambda: nf.zsolve("G", "z"), lambda r: scipy.linalg.solve(r["G"], r["z"]),
               lambda v, r: complex_of(v)),
    "zsolve_her_real_b": (lambda: nf.zsolve("H", "r", assume_a="her"),
                          lambda r: scipy.linalg.solve(r["H"], r["r"], assume_a="her"),
                          lambda v, r: complex_of(v)),
    "zinv": (lambda: nf.zinv("G"), lambda r: scipy.linalg.inv(r["G"]),
             lambda v, r: _square(v)),
}


def check_complex_case(spark, name):
    _check_rows(complex_matrices(spark), COMPLEX_CASES, name, "G",
                lambda row: {"G": _square(row.G), "H": _square(row.H), "z": complex_of(row.z),
                             "r": np.asarray(row.r)})


def assert_close(got, expected, what):
    got, expected = np.asarray(got), np.asarray(expected)
    assert got.shape == expected.shape, f"{what}: shape {got.shape} != SciPy's {expected.shape}"
    scale = max(1.0, float(np.max(np.abs(expected)))) if expected.size else 1.0
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-11 * scale, err_msg=what)


def check_signal_case(spark, name):
    column, reference, read = SIGNAL_CASES[name]
    rows = signals(spark).select("id", "x", "y", column().alias("r")).collect()
    assert len(rows) == len(LENGTHS) + 1
    for row in rows:
        if row.x is None:
            assert row.r is None, f"{name}: a NULL row gave {row.r}"
            continue
        assert_close(read(row.r), reference(np.asarray(row.x), np.asarray(row.y)),
                     f"{name} on a signal of length {len(row.x)}")


def check_matrix_case(spark, name):
    _check_rows(matrices(spark), MATRIX_CASES, name, "A",
                lambda row: {k: row[k].toArray() for k in ("A", "b", "S", "R", "c")})


def _check_rows(df, table, name, first, arrays_of):
    """table[name] on every row of df (4 matrices and a NULL row) against SciPy; `first` names
    the matrix column whose order the message gives."""
    column, reference, read = table[name]
    rows = df.select("*", column().alias("out")).collect()
    assert len(rows) == 5
    for row in rows:
        if row[first] is None:
            assert row.out is None, f"{name}: a NULL row gave {row.out}"
            continue
        arrays = arrays_of(row)
        got = read(row.out, arrays)
        if reference is None:
            got, expected = got
        else:
            expected = reference(arrays)
        assert_close(got, expected, f"{name} on order {arrays[first].shape[0]}")


def welch_stage():
    from numspark.ml import WelchTransformer
    return WelchTransformer(inputCol="x", outputCol="psd", fs=100.0, window="hamming",
                            nperseg=64, noverlap=20, nfft=128, detrend="linear",
                            scaling="spectrum", average="median")


def check_transformers_equal_scipy(spark):
    """FFTTransformer and WelchTransformer, one after the other, against SciPy; NULL rows stay
    NULL."""
    from numspark.ml import FFTTransformer
    out = welch_stage().transform(
        FFTTransformer(inputCol="x", outputCol="spectrum", outputMode="power", n=300,
                       norm="ortho").transform(signals(spark))).collect()
    assert len(out) == len(LENGTHS) + 1
    for row in out:
        if row.x is None:
            assert row.psd is None and row.spectrum is None
            continue
        x = np.asarray(row.x)
        assert_close(row.spectrum.toArray(), np.abs(scipy.fft.rfft(x, n=300, norm="ortho")) ** 2,
                     "FFTTransformer")
        expected = scipy.signal.welch(x, fs=100.0, window="hamming", nperseg=64, noverlap=20,
                                      nfft=128, detrend="linear", scaling="spectrum",
                                      average="median")[1]
        assert_close(row.psd.toArray(), expected, "WelchTransformer")


# The tests both suites run, each with its own `spark` fixture (imported into their test modules).
@pytest.mark.parametrize("name", sorted(SIGNAL_CASES))
def test_signal_function_equals_scipy(spark, name):
    check_signal_case(spark, name)


@pytest.mark.parametrize("name", sorted(MATRIX_CASES))
def test_linalg_function_equals_scipy(spark, name):
    check_matrix_case(spark, name)


@pytest.mark.parametrize("name", sorted(COMPLEX_CASES))
def test_complex_linalg_function_equals_scipy(spark, name):
    check_complex_case(spark, name)
