"""Argument checks for numspark.functions: SciPy's rules and words, raised in Python before any
Spark job (or even any analysis) runs. Every message starts with the function's name.

The JVM checks the same things again when the query is analysed or run; these checks exist so
that a notebook user sees the mistake at the call, as with SciPy, and not in a JVM stack trace.
"""
from __future__ import annotations

import math
import numbers
from typing import Any, Optional, Union

from pyspark.sql import Column
from pyspark.sql import functions as F

ColumnOrName = Union[Column, str]

NORMS = ("backward", "ortho", "forward")

# SciPy's names and aliases of the windows numspark implements (dev.numspark.signal.Windows), and
# whether each takes a parameter: True = required, "optional", False = none (SciPy's _WIN_FUNCS).
_WINDOW_FAMILIES = {
    "boxcar": False, "hann": False, "hamming": False, "blackman": False, "bartlett": False,
    "tukey": "optional", "kaiser": True, "gaussian": True,
}
WINDOW_NAMES = {
    "boxcar": "boxcar", "box": "boxcar", "ones": "boxcar", "rect": "boxcar",
    "rectangular": "boxcar", "hann": "hann", "han": "hann", "hamming": "hamming",
    "hamm": "hamming", "ham": "hamming", "blackman": "blackman", "black": "blackman",
    "blk": "blackman", "bartlett": "bartlett", "bart": "bartlett", "brt": "bartlett",
    "tukey": "tukey", "tuk": "tukey", "kaiser": "kaiser", "ksr": "kaiser",
    "gaussian": "gaussian", "gauss": "gaussian", "gss": "gaussian",
}
# Windows SciPy has and numspark does not (yet): named in the error rather than "invalid".
SCIPY_ONLY_WINDOWS = {
    "barthann", "brthan", "bth", "blackmanharris", "blackharr", "bkh", "bohman", "bman", "bmn",
    "chebwin", "cheb", "cosine", "halfcosine", "dpss", "exponential", "poisson", "flattop",
    "flat", "flt", "general cosine", "general_cosine", "general gaussian", "general_gaussian",
    "general gauss", "general_gauss", "ggs", "general hamming", "general_hamming",
    "kaiser bessel derived", "kaiser_bessel_derived", "kbd", "lanczos", "sinc", "nuttall",
    "nutl", "nut", "parzen", "parz", "par", "taylor", "taylorwin", "triangle", "triang", "tri",
}


class Checks:
    """The checks of one function's arguments; messages start with ``numspark.functions.<fn>``."""

    def __init__(self, fn: str):
        self.fn = fn

    def _prefix(self, message: str) -> str:
        return f"numspark.functions.{self.fn}: {message}"

    def type_error(self, message: str) -> TypeError:
        return TypeError(self._prefix(message))

    def value_error(self, message: str) -> ValueError:
        return ValueError(self._prefix(message))

    def column(self, what: str, value: Any) -> Column:
        """A data argument: a Column, or a column name."""
        if isinstance(value, Column):
            return value
        if isinstance(value, str):
            return F.col(value)
        raise self.type_error(
            f"{what} must be a Column or a column name, got {type(value).__name__} {value!r}")

    def integer(self, what: str, value: Any, allow_column: bool = False) -> Optional[int]:
        """An integer option (None keeps the default); a Column only where the SQL function lets
        the option vary by row."""
        if value is None:
            return None
        if allow_column and isinstance(value, Column):
            return value
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            extra = " or a Column" if allow_column else ""
            raise self.type_error(
                f"{what} must be an integer{extra}, got {type(value).__name__} {value!r}")
        return int(value)

    def string(self, what: str, value: Any) -> Optional[str]:
        if value is None or isinstance(value, str):
            return value
        raise self.type_error(f"{what} must be a string, got {type(value).__name__} {value!r}")

    def fft_length(self, n: Any, allow_column: bool = True):
        n = self.integer("n", n, allow_column)
        if isinstance(n, int) and n < 1:
            raise self.value_error(f"Invalid number of data points ({n}) specified")
        return n

    def norm(self, norm: Any) -> Optional[str]:
        if norm is not None and (not isinstance(norm, str) or norm not in NORMS):
            raise self.value_error(
                f'Invalid norm value {norm!r}, should be "backward", "ortho" or "forward"')
        return norm

    def choice(self, value: Any, allowed, message: str) -> Any:
        if isinstance(value, str) and value in allowed:
            return value
        raise self.value_error(message)

    def positive_number(self, what: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise self.type_error(f"{what} must be a number, got {type(value).__name__} {value!r}")
        value = float(value)
        if not (math.isfinite(value) and value > 0):
            raise self.value_error(f"{what} must be positive and finite, got {value!r}")
        return value

    def segments(self, nperseg: Any, noverlap: Any, nfft: Any = None):
        """nperseg, noverlap and nfft of scipy.signal.welch, with SciPy's checks (those a signal's
        length cannot change: with nperseg unset it is 256 or the shorter signal's length)."""
        nperseg = self.integer("nperseg", nperseg)
        noverlap = self.integer("noverlap", noverlap)
        nfft = self.integer("nfft", nfft)
        if nperseg is not None and nperseg < 1:
            raise self.value_error(f"Parameter nperseg={nperseg} is not a positive integer!")
        if noverlap is not None and noverlap < 0:
            raise self.value_error("noverlap must be a nonnegative integer")
        if nfft is not None and nperseg is not None and nfft < nperseg:
            raise self.value_error(f"nfft={nfft} must be greater than or equal to nperseg={nperseg}!")
        if nfft is not None and nfft < 1:
            raise self.value_error(f"nfft={nfft} must be greater than or equal to nperseg!")
        bound = 256 if nperseg is None else nperseg
        if noverlap is not None and noverlap >= bound:
            raise self.value_error(f"noverlap={noverlap} must be less than nperseg={bound}!")
        return nperseg, noverlap, nfft

    def window(self, window: Any) -> str:
        """SciPy's window argument by name (a name, or a (name, parameter) tuple) as the JVM's
        text form: ``hann``, ``tukey:0.25``, ``kaiser:8.6``."""
        if isinstance(window, str):
            name, params = window, ()
        elif isinstance(window, tuple) and window:
            name, params = window[0], window[1:]
            if not isinstance(name, str):
                raise self.value_error(f"First tuple entry of parameter window={window!r} is not a str!")
        else:
            # scipy.signal.welch takes any other window as the window's values; numspark takes
            # windows by name only.
            raise self.type_error(
                f"Parameter window={window!r} must be a string or a tuple: numspark takes "
                "windows by name, e.g. 'hann' or ('kaiser', 8.6) (arrays are not supported)")
        base = name
        for suffix in ("_symmetric", "_periodic"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
        family = WINDOW_NAMES.get(base)
        if family is None:
            if base in SCIPY_ONLY_WINDOWS:
                raise self.value_error(
                    f"window '{base}' is not supported by numspark (supported: "
                    + ", ".join(_WINDOW_FAMILIES) + ")")
            raise self.value_error(f"Invalid window name '{base}' in parameter window={window!r}!")
        takes = _WINDOW_FAMILIES[family]
        if params and takes is False:
            raise self.value_error(f"'{base}' does not allow parameters, but window={window!r}!")
        if not params and takes is True:
            raise self.value_error(f"'{base}' must have parameters, but window={window!r}!")
        if len(params) > 1:
            raise self.value_error(f"'{base}' takes one parameter, but window={window!r}!")
        for p in params:
            if isinstance(p, bool) or not isinstance(p, numbers.Real):
                raise self.type_error(f"window parameter {p!r} of window={window!r} is not a number")
        return ":".join([name] + [repr(float(p)) for p in params])


def literal(value: Any) -> Column:
    """A Python option as a Spark literal (a Column as it is, for options that may vary by row)."""
    return value if isinstance(value, Column) else F.lit(value)


def options(*values: Any) -> list:
    """The options as literals, without the trailing unset ones (the SQL function's defaults)."""
    values = list(values)
    while values and values[-1] is None:
        values.pop()
    return [literal(v) for v in values]
