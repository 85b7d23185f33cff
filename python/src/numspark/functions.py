"""numspark's SQL functions as PySpark column functions, with SciPy's names and defaults.

Each function takes Columns or column names for the data and Python values for the options,
checks the options in Python (SciPy's rules and words, before any job runs) and returns a Column
that calls the native SQL function (``numspark_welch``, ...) through
``pyspark.sql.functions.call_function``: it works on classic PySpark and on Spark Connect alike.
The session needs the numspark jar and its SQL extension (``numspark.session()`` sets both).

A NULL row gives a NULL result. Complex values are ``struct<re: array<double>, im: array<double>>``;
matrices and vectors are Spark ML's ``Matrix`` and ``Vector`` (``pyspark.ml.linalg``).
"""
from __future__ import annotations

from typing import Optional, Union

from pyspark.sql import Column
from pyspark.sql import functions as F

from numspark._checks import Checks, ColumnOrName, options

__all__ = [
    "fft", "ifft", "rfft", "irfft", "abs", "power_spectrum", "dct", "welch", "fftconvolve",
    "solve", "lstsq", "eigh", "svdvals", "det", "inv", "zeigh", "zsolve", "zinv", "fft_features",
    "welch_features",
]

IntOrColumn = Union[int, Column]


def _fourier(fn: str, x: ColumnOrName, n, norm) -> list:
    check = Checks(fn)
    return [check.column("x", x)] + options(check.fft_length(n), check.norm(norm))


def fft(x: ColumnOrName, n: Optional[IntOrColumn] = None, norm: Optional[str] = None) -> Column:
    """The discrete Fourier transform of each row, as ``scipy.fft.fft``.

    Parameters
    ----------
    x : Column or str
        ``array<double>`` (a real signal) or ``struct<re, im>`` (a complex one).
    n : int or Column, optional
        Length of the transform: the signal is zero-padded or truncated to it. A Column (such as
        ``F.size("x")``) may vary by row. Default: each signal's own length.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode, as SciPy's (default "backward").

    Returns
    -------
    Column
        ``struct<re: array<double>, im: array<double>>``.

    Examples
    --------
    >>> import numspark.functions as nf
    >>> df = spark.createDataFrame([([1.0, 2.0, 3.0, 4.0],)], "x array<double>")
    >>> df.select(nf.fft("x").alias("X")).first().X
    Row(re=[10.0, -2.0, -2.0, -2.0], im=[0.0, 2.0, 0.0, -2.0])
    """
    return F.call_function("numspark_fft", *_fourier("fft", x, n, norm))


def ifft(x: ColumnOrName, n: Optional[IntOrColumn] = None, norm: Optional[str] = None) -> Column:
    """The inverse discrete Fourier transform of each row, as ``scipy.fft.ifft``.

    Parameters
    ----------
    x : Column or str
        ``struct<re, im>`` (complex) or ``array<double>`` (real).
    n : int or Column, optional
        Length of the transform (zero-padded or truncated). Default: the input's length.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward": the inverse is scaled by 1/n).

    Returns
    -------
    Column
        ``struct<re: array<double>, im: array<double>>``.

    Examples
    --------
    >>> df.select(nf.ifft(nf.fft("x")).re.alias("x")).first().x
    [1.0, 2.0, 3.0, 4.0]
    """
    return F.call_function("numspark_ifft", *_fourier("ifft", x, n, norm))


def rfft(x: ColumnOrName, n: Optional[IntOrColumn] = None, norm: Optional[str] = None) -> Column:
    """The DFT of a real signal at its ``n // 2 + 1`` non-negative frequencies, as ``scipy.fft.rfft``.

    Parameters
    ----------
    x : Column or str
        ``array<double>``.
    n : int or Column, optional
        Length of the transform (zero-padded or truncated). Default: each signal's length.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").

    Returns
    -------
    Column
        ``struct<re: array<double>, im: array<double>>``.

    Examples
    --------
    >>> df.select(nf.rfft("x").alias("X")).first().X
    Row(re=[10.0, -2.0, -2.0], im=[0.0, 2.0, 0.0])
    """
    return F.call_function("numspark_rfft", *_fourier("rfft", x, n, norm))


def irfft(x: ColumnOrName, n: Optional[IntOrColumn] = None, norm: Optional[str] = None) -> Column:
    """The inverse of :func:`rfft`: a real signal of length n, as ``scipy.fft.irfft``.

    Parameters
    ----------
    x : Column or str
        ``struct<re, im>``: the non-negative frequency terms.
    n : int or Column, optional
        Length of the output. Default ``2 * (m - 1)`` for m input values; pass the original
        length (e.g. ``F.size("signal")``) to invert an odd-length :func:`rfft`.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").

    Returns
    -------
    Column
        ``array<double>``.

    Examples
    --------
    >>> df.select(nf.irfft(nf.rfft("x"), n=F.size("x")).alias("y")).first().y
    [1.0, 2.0, 3.0, 4.0]
    """
    return F.call_function("numspark_irfft", *_fourier("irfft", x, n, norm))


def abs(z: ColumnOrName) -> Column:  # noqa: A001 - numpy's name, as pyspark.sql.functions.abs
    """The magnitude of each element of a complex ``struct<re, im>`` (or real array), as ``numpy.abs``.

    Parameters
    ----------
    z : Column or str
        ``struct<re, im>`` or ``array<double>``.

    Returns
    -------
    Column
        ``array<double>``.

    Examples
    --------
    >>> df.select(nf.abs(nf.rfft("x")).alias("m")).first().m
    [10.0, 2.8284271247461903, 2.0]
    """
    return F.call_function("numspark_abs", Checks("abs").column("z", z))


def power_spectrum(x: ColumnOrName, n: Optional[IntOrColumn] = None,
                   norm: Optional[str] = None) -> Column:
    """``|rfft(x, n, norm)|**2`` at every non-negative frequency.

    Parameters
    ----------
    x : Column or str
        ``array<double>``.
    n : int or Column, optional
        Length of the transform (zero-padded or truncated). Default: each signal's length.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").

    Returns
    -------
    Column
        ``array<double>``: ``numpy.abs(scipy.fft.rfft(x, n, norm=norm))**2``.

    Examples
    --------
    >>> df.select(nf.power_spectrum("x").alias("p")).first().p
    [100.0, 8.000000000000002, 4.0]
    """
    return F.call_function("numspark_power_spectrum", *_fourier("power_spectrum", x, n, norm))


def dct(x: ColumnOrName, type: IntOrColumn = 2, norm: Optional[str] = None) -> Column:  # noqa: A002
    """The discrete cosine transform of each row, as ``scipy.fft.dct``.

    Parameters
    ----------
    x : Column or str
        ``array<double>``.
    type : {1, 2, 3, 4}, optional
        Type of the DCT (default 2), as SciPy's.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").

    Returns
    -------
    Column
        ``array<double>``.

    Examples
    --------
    >>> df.select(nf.dct("x", norm="ortho").alias("c")).first().c
    [5.000000000000001, -2.2304424973876635, 0.0, -0.15851266778110706]
    """
    check = Checks("dct")
    t = check.integer("type", type, allow_column=True)
    if isinstance(t, int) and t not in (1, 2, 3, 4):
        raise check.value_error("invalid DCT type")
    return F.call_function("numspark_dct", check.column("x", x), *options(t, check.norm(norm)))


def welch(x: ColumnOrName, fs: float = 1.0, window="hann", nperseg: Optional[int] = None,
          noverlap: Optional[int] = None, nfft: Optional[int] = None, detrend="constant", *,
          scaling: str = "density", average: str = "mean") -> Column:
    """Welch's power spectral density of each real signal, as ``scipy.signal.welch``.

    Parameters
    ----------
    x : Column or str
        ``array<double>``: one signal per row.
    fs : float, optional
        Sampling frequency (default 1.0); must be positive.
    window : str or tuple, optional
        A window name (``"hann"``, the default, ``"hamming"``, ``"blackman"``, ``"bartlett"``,
        ``"boxcar"``), a name with a parameter (``("tukey", 0.25)``, ``("kaiser", 8.6)``,
        ``("gaussian", 7)``), as ``scipy.signal.get_window``. Arrays are not supported.
    nperseg : int, optional
        Segment length. Default 256, or the signal's length if shorter (as SciPy, without its
        warning).
    noverlap : int, optional
        Samples shared by consecutive segments. Default ``nperseg // 2``.
    nfft : None, optional
        Only SciPy's default (``nperseg``); for another FFT length use :func:`welch_features`.
    detrend : "constant", optional
        Only SciPy's default; for ``"linear"`` or ``False`` use :func:`welch_features`.
    scaling : {"density", "spectrum"}, optional
        ``"density"`` (V**2/Hz, default) or ``"spectrum"`` (V**2).
    average : "mean", optional
        Only SciPy's default; for ``"median"`` use :func:`welch_features`.

    Returns
    -------
    Column
        ``struct<freqs: array<double>, psd: array<double>>``: SciPy's ``(f, Pxx)``.

    Examples
    --------
    >>> w = df.select(nf.welch("signal", fs=1000.0, nperseg=256).alias("w"))
    >>> w.select("w.freqs", "w.psd")
    """
    check = Checks("welch")
    column = check.column("x", x)
    fs = check.positive_number("fs", fs)
    win = check.window(window)
    nperseg, noverlap, nfft = check.segments(nperseg, noverlap, nfft)
    if nfft is not None or detrend != "constant" or average != "mean":
        raise check.value_error(
            "numspark_welch supports SciPy's defaults nfft=None, detrend='constant' and "
            "average='mean' only; numspark.functions.welch_features takes all of them")
    scaling = check.choice(
        scaling, ("density", "spectrum"),
        f"Parameter scaling={scaling!r} not in {{'spectrum': 'magnitude', 'density': 'psd'}}!")
    return F.call_function("numspark_welch", column,
                           *options(fs, nperseg, noverlap, win, scaling))


def fftconvolve(in1: ColumnOrName, in2: ColumnOrName, mode: str = "full") -> Column:
    """The convolution of two real signals through the FFT, as ``scipy.signal.fftconvolve``.

    Parameters
    ----------
    in1, in2 : Column or str
        ``array<double>`` each.
    mode : {"full", "valid", "same"}, optional
        Output size, as SciPy's (default "full").

    Returns
    -------
    Column
        ``array<double>``.

    Examples
    --------
    >>> df = spark.createDataFrame([([1.0, 2.0, 3.0], [0.0, 1.0, 0.5])], "a array<double>, b array<double>")
    >>> df.select(nf.fftconvolve("a", "b").alias("c")).first().c
    [0.0, 1.0, 2.5, 4.0, 1.5]
    """
    check = Checks("fftconvolve")
    mode = check.choice(mode, ("full", "valid", "same"),
                        "acceptable mode flags are 'valid', 'same', or 'full'.")
    return F.call_function("numspark_fftconvolve", check.column("in1", in1),
                           check.column("in2", in2), F.lit(mode))


# scipy.linalg.solve's assume_a values that numspark takes, and the two it maps for real matrices
# (SciPy itself solves a real "hermitian" system as "symmetric").
_ASSUME_A = {"gen", "general", "diagonal", "upper triangular", "lower triangular", "tridiagonal",
             "pos", "positive definite", "sym", "symmetric", "banded"}
_REAL_HERMITIAN = {"her": "sym", "hermitian": "symmetric"}


def solve(a: ColumnOrName, b: ColumnOrName, *, assume_a: Optional[str] = None) -> Column:
    """The solution x of ``a @ x = b`` for each row's square matrix, as ``scipy.linalg.solve``.

    Parameters
    ----------
    a : Column or str
        A square Spark ML ``Matrix``.
    b : Column or str
        A Spark ML ``Vector`` of the matrix's order.
    assume_a : str, optional
        The matrix's structure, as SciPy's: ``"gen"``, ``"sym"``, ``"pos"``, ``"diagonal"``,
        ``"tridiagonal"``, ``"banded"``, ``"upper triangular"``, ``"lower triangular"`` (or the
        long names). Default: detected, as SciPy 1.17. A singular matrix fails the query with
        SciPy's ``LinAlgError`` words.

    Returns
    -------
    Column
        Spark ML ``Vector``.

    Examples
    --------
    >>> from pyspark.ml.linalg import Matrices, Vectors
    >>> df = spark.createDataFrame([(Matrices.dense(2, 2, [3.0, 1.0, 1.0, 2.0]), Vectors.dense([9.0, 8.0]))], ["A", "b"])
    >>> df.select(nf.solve("A", "b").alias("x")).first().x
    DenseVector([2.0, 3.0])
    """
    check = Checks("solve")
    assume_a = check.string("assume_a", assume_a)
    if assume_a is not None:
        assume_a = _REAL_HERMITIAN.get(assume_a, assume_a)
        if assume_a not in _ASSUME_A:
            raise check.value_error(f"{assume_a} is not a recognized matrix structure")
    return F.call_function("numspark_solve", check.column("a", a), check.column("b", b),
                           *options(assume_a))


def lstsq(a: ColumnOrName, b: ColumnOrName) -> Column:
    """The least-squares solution x minimizing ``|a @ x - b|``, as ``scipy.linalg.lstsq(a, b)[0]``.

    Parameters
    ----------
    a : Column or str
        An m x n Spark ML ``Matrix``.
    b : Column or str
        A Spark ML ``Vector`` of length m.

    Returns
    -------
    Column
        Spark ML ``Vector`` of length n.

    Examples
    --------
    >>> df.select(nf.lstsq("A", "b").alias("x"))
    """
    check = Checks("lstsq")
    return F.call_function("numspark_lstsq", check.column("a", a), check.column("b", b))


def eigh(a: ColumnOrName) -> Column:
    """Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix, as ``scipy.linalg.eigh``.

    Only the lower triangle is read (SciPy's ``lower=True``).

    Parameters
    ----------
    a : Column or str
        A symmetric Spark ML ``Matrix``.

    Returns
    -------
    Column
        ``struct<values: Vector, vectors: Matrix>``.

    Examples
    --------
    >>> df.select(nf.eigh("A").alias("e")).select("e.values", "e.vectors")
    """
    return F.call_function("numspark_eigh", Checks("eigh").column("a", a))


def svdvals(a: ColumnOrName) -> Column:
    """The singular values of a matrix in descending order, as ``scipy.linalg.svdvals``.

    Parameters
    ----------
    a : Column or str
        A Spark ML ``Matrix``.

    Returns
    -------
    Column
        Spark ML ``Vector``.

    Examples
    --------
    >>> df.select(nf.svdvals("A").alias("s"))
    """
    return F.call_function("numspark_svdvals", Checks("svdvals").column("a", a))


def det(a: ColumnOrName) -> Column:
    """The determinant of a square matrix, as ``scipy.linalg.det``.

    Parameters
    ----------
    a : Column or str
        A square Spark ML ``Matrix``.

    Returns
    -------
    Column
        ``double``.

    Examples
    --------
    >>> df.select(nf.det("A").alias("d")).first().d
    5.0
    """
    return F.call_function("numspark_det", Checks("det").column("a", a))


def inv(a: ColumnOrName) -> Column:
    """The inverse of a square matrix, as ``scipy.linalg.inv``.

    A singular matrix fails the query with SciPy's ``LinAlgError`` words.

    Parameters
    ----------
    a : Column or str
        A square Spark ML ``Matrix``.

    Returns
    -------
    Column
        Spark ML ``Matrix``.

    Examples
    --------
    >>> df.select(nf.inv("A").alias("Ainv"))
    """
    return F.call_function("numspark_inv", Checks("inv").column("a", a))


# Complex matrices are struct<re: array<double>, im: array<double>> with the n * n elements in
# row-major (C) order, the layout numspark_fft returns; see docs/spark.md, "Complex matrices".

def zeigh(a: ColumnOrName) -> Column:
    """Eigenvalues (ascending, real) and eigenvectors (columns) of a complex Hermitian matrix, as ``scipy.linalg.eigh``.

    Only the lower triangle is read (SciPy's ``lower=True``); the imaginary parts of the diagonal
    are ignored, as LAPACK ignores them. Orders below 32 run on numspark's own Java code (no
    OpenBLAS needed on the executors), larger ones on OpenBLAS's ``zheevr``.

    Parameters
    ----------
    a : Column or str
        A complex n x n matrix: ``struct<re: array<double>, im: array<double>>`` holding the
        n * n elements in row-major order (``re[i*n + j] + 1j*im[i*n + j]`` is ``a[i, j]``).

    Returns
    -------
    Column
        ``struct<values: array<double>, vectors: struct<re, im>>``; the eigenvectors are the
        columns of the row-major complex n x n matrix ``vectors``.

    Examples
    --------
    >>> df = spark.createDataFrame([(([2.0, 0.0, 0.0, 2.0], [0.0, 1.0, -1.0, 0.0]),)],
    ...                            "A struct<re: array<double>, im: array<double>>")
    >>> df.select(nf.zeigh("A").alias("e")).first().e.values   # np.array([[2, 1j], [-1j, 2]])
    [1.0, 3.0]
    """
    return F.call_function("numspark_zeigh", Checks("zeigh").column("a", a))


_COMPLEX_ASSUME_A = _ASSUME_A | {"her", "hermitian"}


def zsolve(a: ColumnOrName, b: ColumnOrName, *, assume_a: Optional[str] = None) -> Column:
    """The solution x of ``a @ x = b`` for each row's complex square matrix, as ``scipy.linalg.solve``.

    Orders below 32 run on numspark's own Java code (no OpenBLAS needed on the executors),
    larger ones on OpenBLAS's z-routines.

    Parameters
    ----------
    a : Column or str
        A complex n x n matrix, ``struct<re, im>`` in row-major order (see :func:`zeigh`).
    b : Column or str
        A complex vector of length n (``struct<re: array<double>, im: array<double>>``), or a
        real ``array<double>`` (promoted, as numpy promotes).
    assume_a : str, optional
        The matrix's structure, as SciPy's: ``"gen"``, ``"sym"``, ``"her"``, ``"pos"``,
        ``"diagonal"``, ``"tridiagonal"``, ``"banded"``, ``"upper triangular"``,
        ``"lower triangular"`` (or the long names). Default: detected, as SciPy 1.17. A singular
        matrix fails the query with SciPy's ``LinAlgError`` words.

    Returns
    -------
    Column
        ``struct<re: array<double>, im: array<double>>``, the complex solution vector.

    Examples
    --------
    >>> df = spark.createDataFrame([(([2.0, 0.0, 0.0, 2.0], [0.0, 1.0, -1.0, 0.0]), [1.0, 1.0])],
    ...                            "A struct<re: array<double>, im: array<double>>, b array<double>")
    >>> x = df.select(nf.zsolve("A", "b", assume_a="her").alias("x")).first().x
    >>> np.asarray(x.re) + 1j * np.asarray(x.im)   # scipy.linalg.solve([[2, 1j], [-1j, 2]], [1, 1])
    array([0.66666667-0.33333333j, 0.66666667+0.33333333j])
    """
    check = Checks("zsolve")
    assume_a = check.string("assume_a", assume_a)
    if assume_a is not None and assume_a not in _COMPLEX_ASSUME_A:
        raise check.value_error(f"{assume_a} is not a recognized matrix structure")
    return F.call_function("numspark_zsolve", check.column("a", a), check.column("b", b),
                           *options(assume_a))


def zinv(a: ColumnOrName) -> Column:
    """The inverse of a complex square matrix, as ``scipy.linalg.inv``.

    Orders below 32 run on numspark's own Java LU, larger ones on OpenBLAS. A singular matrix
    fails the query with SciPy's ``LinAlgError`` words.

    Parameters
    ----------
    a : Column or str
        A complex n x n matrix, ``struct<re, im>`` in row-major order (see :func:`zeigh`).

    Returns
    -------
    Column
        ``struct<re: array<double>, im: array<double>>``, the inverse in row-major order.

    Examples
    --------
    >>> df.select(nf.zinv("A").alias("Ainv"))
    """
    return F.call_function("numspark_zinv", Checks("zinv").column("a", a))


def fft_features(x: ColumnOrName, mode: str = "magnitude", n: Optional[int] = None,
                 norm: Optional[str] = None) -> Column:
    """The rfft spectrum of each real signal as a Spark ML ``Vector`` (what ``FFTTransformer`` adds).

    Parameters
    ----------
    x : Column or str
        ``array<double>`` (any numeric element type) or a Spark ML ``Vector``.
    mode : {"magnitude", "power", "complex"}, optional
        ``|X|`` (default), ``|X|**2``, or the interleaved ``re, im`` pairs of ``X = rfft(x, n, norm)``.
    n : int, optional
        Length of the transform (zero-padded or truncated). Default: each signal's length.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").

    Returns
    -------
    Column
        Spark ML ``Vector``, ready for ``pyspark.ml``.

    Examples
    --------
    >>> df.select(nf.fft_features("x", mode="power").alias("features"))
    """
    check = Checks("fft_features")
    mode = check.choice(mode, ("magnitude", "power", "complex"),
                        f"mode must be 'magnitude', 'power' or 'complex', got {mode!r}")
    return F.call_function("numspark_fft_features", check.column("x", x),
                           *options(mode, check.fft_length(n, allow_column=False), check.norm(norm)))


def welch_features(x: ColumnOrName, fs: float = 1.0, window="hann", nperseg: Optional[int] = None,
                   noverlap: Optional[int] = None, nfft: Optional[int] = None,
                   detrend="constant", *, scaling: str = "density",
                   average: str = "mean") -> Column:
    """Welch's PSD ``Pxx`` of each real signal as a Spark ML ``Vector`` (what ``WelchTransformer`` adds).

    Parameters
    ----------
    x : Column or str
        ``array<double>`` (any numeric element type) or a Spark ML ``Vector``.
    fs, window, nperseg, noverlap, scaling
        As :func:`welch`.
    nfft : int, optional
        FFT length of a segment, at least nperseg (default: nperseg).
    detrend : {"constant", "linear", False}, optional
        Detrending of each segment (default "constant").
    average : {"mean", "median"}, optional
        How the segments' periodograms are averaged (default "mean").

    Returns
    -------
    Column
        Spark ML ``Vector``: the ``Pxx`` of ``scipy.signal.welch``.

    Examples
    --------
    >>> df.select(nf.welch_features("signal", fs=1000.0, nperseg=256, average="median").alias("psd"))
    """
    check = Checks("welch_features")
    column = check.column("x", x)
    fs = check.positive_number("fs", fs)
    win = check.window(window)
    nperseg, noverlap, nfft = check.segments(nperseg, noverlap, nfft)
    if detrend is False:
        detrend = "false"
    detrend = check.choice(detrend, ("constant", "linear", "false"),
                           f"detrend must be 'constant', 'linear' or False, got {detrend!r}")
    scaling = check.choice(
        scaling, ("density", "spectrum"),
        f"Parameter scaling={scaling!r} not in {{'spectrum': 'magnitude', 'density': 'psd'}}!")
    average = check.choice(average, ("mean", "median"),
                           f"Parameter average={average!r} must be 'median' or 'mean'!")
    return F.call_function("numspark_welch_features", column,
                           *options(fs, win, nperseg, noverlap, nfft, detrend, scaling, average))
