"""Bad Python arguments fail at the call, before any Spark job, with SciPy's words and the
function's name; problems only a row shows fail the query naming the SQL function."""
import numpy as np
import pytest
from pyspark.sql import functions as F

import cases
import numspark.functions as nf

BAD_CALLS = [
    (lambda: nf.welch("x", nperseg=-1), ValueError,
     "numspark.functions.welch: Parameter nperseg=-1 is not a positive integer!"),
    (lambda: nf.welch("x", window="hannn"), ValueError,
     "numspark.functions.welch: Invalid window name 'hannn' in parameter window='hannn'!"),
    (lambda: nf.welch("x", window="flattop"), ValueError,
     "numspark.functions.welch: window 'flattop' is not supported by numspark"),
    (lambda: nf.welch("x", window="kaiser"), ValueError,
     "numspark.functions.welch: 'kaiser' must have parameters, but window='kaiser'!"),
    (lambda: nf.welch("x", window=("hann", 2)), ValueError,
     "numspark.functions.welch: 'hann' does not allow parameters, but window=('hann', 2)!"),
    (lambda: nf.welch("x", window=np.hanning(8)), TypeError,
     "numspark.functions.welch: Parameter window=array("),
    (lambda: nf.welch("x", window=8.6), TypeError,
     "numspark.functions.welch: Parameter window=8.6 must be a string or a tuple"),
    (lambda: nf.welch("x", nperseg=8, noverlap=8), ValueError,
     "numspark.functions.welch: noverlap=8 must be less than nperseg=8!"),
    (lambda: nf.welch("x", noverlap=-2), ValueError,
     "numspark.functions.welch: noverlap must be a nonnegative integer"),
    (lambda: nf.welch("x", nperseg=8.0), TypeError,
     "numspark.functions.welch: nperseg must be an integer, got float 8.0"),
    (lambda: nf.welch("x", fs=0), ValueError, "numspark.functions.welch: fs must be positive"),
    (lambda: nf.welch("x", fs="1"), TypeError, "numspark.functions.welch: fs must be a number"),
    (lambda: nf.welch("x", scaling="psd"), ValueError,
     "numspark.functions.welch: Parameter scaling='psd' not in"),
    (lambda: nf.welch("x", detrend="linear"), ValueError,
     "numspark.functions.welch: numspark_welch supports SciPy's defaults"),
    (lambda: nf.welch(3), TypeError,
     "numspark.functions.welch: x must be a Column or a column name, got int 3"),
    (lambda: nf.welch_features("x", nperseg=8, nfft=4), ValueError,
     "numspark.functions.welch_features: nfft=4 must be greater than or equal to nperseg=8!"),
    (lambda: nf.welch_features("x", average="max"), ValueError,
     "numspark.functions.welch_features: Parameter average='max' must be 'median' or 'mean'!"),
    (lambda: nf.fft("x", n=0), ValueError,
     "numspark.functions.fft: Invalid number of data points (0) specified"),
    (lambda: nf.rfft("x", n="8"), TypeError,
     "numspark.functions.rfft: n must be an integer or a Column, got str '8'"),
    (lambda: nf.irfft("x", n=True), TypeError, "numspark.functions.irfft: n must be an integer"),
    (lambda: nf.ifft("x", norm="unitary"), ValueError,
     "numspark.functions.ifft: Invalid norm value 'unitary', should be \"backward\", \"ortho\" or \"forward\""),
    (lambda: nf.dct("x", type=5), ValueError, "numspark.functions.dct: invalid DCT type"),
    (lambda: nf.fftconvolve("x", "y", mode="circular"), ValueError,
     "numspark.functions.fftconvolve: acceptable mode flags are 'valid', 'same', or 'full'."),
    (lambda: nf.fftconvolve("x", ["y"]), TypeError,
     "numspark.functions.fftconvolve: in2 must be a Column or a column name"),
    (lambda: nf.solve("A", "b", assume_a="hermetian"), ValueError,
     "numspark.functions.solve: hermetian is not a recognized matrix structure"),
    (lambda: nf.zsolve("G", "z", assume_a="hermetian"), ValueError,
     "numspark.functions.zsolve: hermetian is not a recognized matrix structure"),
    (lambda: nf.zeigh(3), TypeError,
     "numspark.functions.zeigh: a must be a Column or a column name, got int 3"),
    (lambda: nf.fft_features("x", mode="phase"), ValueError,
     "numspark.functions.fft_features: mode must be 'magnitude', 'power' or 'complex'"),
    (lambda: nf.det(None), TypeError, "numspark.functions.det: a must be a Column or a column name"),
]


@pytest.mark.parametrize("call, error, message", BAD_CALLS, ids=[m.split(":")[1][:40] for _, _, m in BAD_CALLS])
def test_bad_argument_fails_at_the_call(spark, call, error, message):
    jobs_before = len(spark.sparkContext.statusTracker().getJobIdsForGroup())
    with pytest.raises(error) as raised:
        call()
    assert str(raised.value).startswith(message), str(raised.value)
    assert len(spark.sparkContext.statusTracker().getJobIdsForGroup()) == jobs_before


def test_every_window_name_numspark_knows_passes_the_python_check(spark):
    from numspark._checks import WINDOW_NAMES
    for name in WINDOW_NAMES:
        window = (name, 0.5) if WINDOW_NAMES[name] in ("kaiser", "gaussian") else name
        nf.welch("x", window=window)


def _failure(df) -> str:
    with pytest.raises(Exception) as raised:
        df.collect()
    return str(raised.value)


def test_row_level_problem_names_the_sql_function(spark):
    short = spark.createDataFrame([([1.0] * 50,)], "x array<double>")
    message = _failure(short.select(nf.welch("x", noverlap=100)))
    assert "numspark_welch: noverlap=100 must be less than nperseg=50!" in message


def test_singular_matrix_fails_with_scipys_words(spark):
    singular = spark.createDataFrame([(cases.to_matrix(np.ones((3, 3))),)], ["A"])
    message = _failure(singular.select(nf.inv("A")))
    assert "numspark_inv" in message and "singular matrix" in message


def test_singular_complex_matrix_fails_with_scipys_words(spark):
    singular = spark.createDataFrame([(cases.to_complex_struct(np.full((3, 3), 1 + 2j)),)],
                                     f"G {cases.COMPLEX}")
    message = _failure(singular.select(nf.zinv("G")))
    assert "numspark_zinv" in message and "singular matrix" in message


def test_null_inside_a_signal_is_an_error_not_a_zero(spark):
    holey = spark.createDataFrame([([1.0, None, 3.0],)], "x array<double>")
    assert "numspark_rfft" in _failure(holey.select(nf.rfft("x")))


def test_columns_and_names_are_the_same(spark):
    df = cases.signals(spark)
    by_name = df.select(nf.rfft("x", n=64).alias("r")).orderBy(F.lit(1)).collect()
    by_column = df.select(nf.rfft(F.col("x"), n=64).alias("r")).orderBy(F.lit(1)).collect()
    assert sorted(map(str, by_name)) == sorted(map(str, by_column))
