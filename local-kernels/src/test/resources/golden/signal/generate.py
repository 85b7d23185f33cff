#!/usr/bin/env python3
"""Golden data for dev.numspark.signal, made with the machine's numpy/scipy.

Run from this directory:  python3 generate.py
Writes in_*.npy (inputs), <case>_f/_t/_v.npy (expected freqs, times, values), manifest.txt
(one case per line: name<TAB>op<TAB>inputs<TAB>options) and errors.txt (name<TAB>SciPy's
message). Options use the CLI spelling key=value; window=@name means the array in_name.npy.
"""
import os
import warnings

import numpy as np
import scipy
import scipy.signal as ss

warnings.simplefilter("ignore")  # SciPy's warnings become documented behaviour in numspark
os.chdir(os.path.dirname(os.path.abspath(__file__)))
for f in os.listdir("."):
    if f.endswith(".npy") or f in ("manifest.txt", "errors.txt"):
        os.remove(f)

rng = np.random.default_rng(20240917)
manifest = []
inputs = {}


def inp(name, a):
    inputs[name] = a
    np.save(f"in_{name}.npy", a)


def win_arg(w):
    """window option: CLI spelling -> scipy argument."""
    if w.startswith("@"):
        return inputs[w[1:]]
    if ":" in w:
        n, p = w.split(":")
        return (n, float(p))
    return w


def py_opts(opts):
    out = {}
    for k, v in opts.items():
        k2 = k.replace("-", "_")
        if k2 == "window":
            out[k2] = win_arg(v)
        elif k2 in ("nperseg", "noverlap", "nfft", "axis", "time_axis", "freq_axis"):
            out[k2] = int(v)
        elif k2 == "axes":
            out[k2] = [int(a) for a in v.split(",")]
        elif k2 == "fs":
            out[k2] = float(v)
        elif k2 in ("return_onesided", "padded", "input_onesided"):
            out[k2] = v == "true"
        elif k2 == "detrend" and v == "false":
            out[k2] = False
        elif k2 == "boundary" and v == "none":
            out[k2] = None
        elif k2 == "istft_boundary":
            out["boundary"] = v == "true"
        else:
            out[k2] = v
    return out


def case(name, op, ins, opts=None, result=None):
    opts = opts or {}
    args = [inputs[i] for i in ins]
    kw = py_opts(opts)
    res = result if result is not None else getattr(ss, op)(*args, **kw)
    if op in ("welch", "periodogram", "csd"):
        f, v = res
        np.save(f"{name}_f.npy", np.asarray(f, dtype=float))
        np.save(f"{name}_v.npy", v)
    elif op in ("spectrogram", "stft"):
        f, t, v = res
        np.save(f"{name}_f.npy", np.asarray(f, dtype=float))
        np.save(f"{name}_t.npy", np.asarray(t, dtype=float))
        np.save(f"{name}_v.npy", v)
    elif op == "istft":
        t, v = res
        np.save(f"{name}_t.npy", np.asarray(t, dtype=float))
        np.save(f"{name}_v.npy", v)
    else:
        np.save(f"{name}_v.npy", res)
    o = " ".join(f"{k}={v}" for k, v in opts.items())
    manifest.append(f"{name}\t{op}\t{','.join(ins)}\t{o}")
    return res


# ---- windows: every window, both fftbins, short and odd/even lengths
for w in ["boxcar", "hann", "hamming", "blackman", "bartlett", "tukey", "tukey:0.25",
          "tukey:1.5", "kaiser:8.6", "kaiser:0", "gaussian:7", "hann_symmetric", "hann_periodic"]:
    for fftbins in (True, False):
        for nx in (1, 2, 7, 16):
            name = f"win_{w.replace(':', '_')}_{'p' if fftbins else 's'}{nx}"
            v = ss.get_window(win_arg(w), nx, fftbins=fftbins)
            np.save(f"{name}_v.npy", v)
            manifest.append(f"{name}\tget_window\t\twindow={w} nx={nx} fftbins={str(fftbins).lower()}")

# ---- inputs
t = np.arange(1000) / 1000.0
inp("x1", np.sin(2 * np.pi * 50 * t) + 0.5 * rng.standard_normal(1000) + 3 * t + 1)
inp("y1", np.cos(2 * np.pi * 50 * t[:900]) + rng.standard_normal(900))
inp("x2", rng.standard_normal((3, 700)))
inp("x2t", np.ascontiguousarray(inputs["x2"].T))
inp("xc", rng.standard_normal(600) + 1j * rng.standard_normal(600))
inp("yc", rng.standard_normal(600) + 1j * rng.standard_normal(600))
inp("xs", rng.standard_normal(100))
inp("w64", ss.get_window("blackman", 64))
inp("x3", rng.standard_normal((2, 3, 200)))

# ---- welch
case("welch_default", "welch", ["x1"])
case("welch_fs_odd", "welch", ["x1"], {"fs": "1000", "nperseg": "255", "noverlap": "100"})
case("welch_nfft", "welch", ["x1"], {"nperseg": "200", "nfft": "512"})
case("welch_nfft_odd", "welch", ["x1"], {"nperseg": "100", "nfft": "151"})
case("welch_linear", "welch", ["x1"], {"nperseg": "128", "detrend": "linear"})
case("welch_nodetrend", "welch", ["x1"], {"nperseg": "128", "detrend": "false"})
case("welch_twosided", "welch", ["x1"], {"nperseg": "128", "return-onesided": "false"})
case("welch_complex", "welch", ["xc"], {"nperseg": "100"})
case("welch_spectrum", "welch", ["x1"], {"nperseg": "128", "scaling": "spectrum"})
case("welch_median", "welch", ["x1"], {"nperseg": "128", "average": "median"})
case("welch_median_odd", "welch", ["x1"], {"nperseg": "100", "noverlap": "0", "average": "median"})
case("welch_axis0", "welch", ["x2t"], {"nperseg": "64", "axis": "0"})
case("welch_2d", "welch", ["x2"], {"nperseg": "64", "window": "hamming"})
case("welch_3d_axis1", "welch", ["x3"], {"nperseg": "2", "noverlap": "1", "axis": "1"})
case("welch_short", "welch", ["xs"])
case("welch_arraywin", "welch", ["x1"], {"window": "@w64", "noverlap": "10"})
case("welch_kaiser", "welch", ["x1"], {"window": "kaiser:8.6", "nperseg": "90"})
case("welch_tukey", "welch", ["x1"], {"window": "tukey:0.25", "nperseg": "90", "average": "median"})
# Welch on the FFT engine (dev.numspark.fft.engine.SegmentPowers): its own generator, so the inputs
# above keep their values. Many groups of 64 segments and a partial last block; an odd segment
# zero-padded to an even nfft; a large DC offset (detrending before the FFT keeps the precision);
# no detrending over several groups.
welch_rng = np.random.default_rng(20261205)
inp("xlong", np.sin(2 * np.pi * 0.07 * np.arange(20000)) + welch_rng.standard_normal(20000))
inp("xoffset", 1.0e4 + welch_rng.standard_normal(4000))
case("welch_long", "welch", ["xlong"], {"fs": "250", "nperseg": "64"})
case("welch_odd_seg_even_nfft", "welch", ["x1"], {"nperseg": "101", "nfft": "256"})
case("welch_offset", "welch", ["xoffset"], {"nperseg": "256"})
case("welch_long_nodetrend", "welch", ["xlong"], {"nperseg": "100", "noverlap": "30", "detrend": "false"})
# csd of two signals on the engine: many groups (a single line split by groups over workers), an
# odd segment padded to an even nfft without detrending, y shorter than x (zero-padded)
inp("ylong", np.cos(2 * np.pi * 0.07 * np.arange(20000) + 0.3) + welch_rng.standard_normal(20000))
case("csd_engine_long", "csd", ["xlong", "ylong"], {"fs": "250", "nperseg": "64"})
case("csd_engine_pad", "csd", ["x1", "y1"], {"nperseg": "101", "nfft": "256", "detrend": "false"})
# Welch's median on the engine (each segment's power, then the median bin by bin): an even count
# of segments over a long line (split over workers), an odd count without detrending, and lines
# of a 2-D array
case("welch_median_long", "welch", ["xlong"], {"fs": "250", "nperseg": "64", "average": "median"})
case("welch_median_long_odd", "welch", ["xlong"], {"nperseg": "100", "noverlap": "30", "detrend": "false", "average": "median"})
case("welch_median_2d", "welch", ["x2"], {"nperseg": "64", "average": "median"})
# linear detrending on the engine (each segment's least-squares line taken off as it is laid in)
case("welch_linear_long", "welch", ["xlong"], {"nperseg": "100", "noverlap": "30", "detrend": "linear"})
case("welch_linear_median", "welch", ["xlong"], {"nperseg": "64", "detrend": "linear", "average": "median"})
case("csd_engine_linear", "csd", ["xlong", "ylong"], {"nperseg": "64", "detrend": "linear"})
case("spec_engine_linear", "spectrogram", ["xlong"], {"nperseg": "128", "detrend": "linear"})

# ---- csd
case("csd_default", "csd", ["x1", "y1"], {"nperseg": "128"})
case("csd_median", "csd", ["x1", "y1"], {"nperseg": "128", "average": "median", "fs": "10"})
case("csd_complex", "csd", ["xc", "yc"], {"nperseg": "64", "scaling": "spectrum"})
case("csd_2d", "csd", ["x2", "x2"], {"nperseg": "50", "detrend": "linear"})
case("csd_twosided", "csd", ["x1", "y1"], {"nperseg": "77", "return-onesided": "false"})

# ---- periodogram
case("per_default", "periodogram", ["x1"])
case("per_nfft_more", "periodogram", ["x1"], {"nfft": "1500", "fs": "2"})
case("per_nfft_less", "periodogram", ["x1"], {"nfft": "333"})
case("per_hann_spec", "periodogram", ["x1"], {"window": "hann", "scaling": "spectrum"})
case("per_twosided", "periodogram", ["xs"], {"return-onesided": "false", "detrend": "linear"})
case("per_complex", "periodogram", ["xc"])
case("per_axis0", "periodogram", ["x2t"], {"axis": "0"})

# ---- spectrogram
case("spec_default", "spectrogram", ["x1"])
case("spec_odd", "spectrogram", ["x1"], {"nperseg": "101", "noverlap": "33", "fs": "1000"})
case("spec_complexmode", "spectrogram", ["x1"], {"nperseg": "64", "mode": "complex"})
case("spec_magnitude", "spectrogram", ["x1"], {"nperseg": "64", "mode": "magnitude"})
case("spec_angle", "spectrogram", ["x1"], {"nperseg": "64", "mode": "angle", "detrend": "false"})
case("spec_phase", "spectrogram", ["x1"], {"nperseg": "64", "mode": "phase", "detrend": "false"})
case("spec_axis0", "spectrogram", ["x2t"], {"nperseg": "64", "axis": "0", "nfft": "100"})
case("spec_complex_in", "spectrogram", ["xc"], {"nperseg": "64", "scaling": "spectrum"})
case("spec_linear", "spectrogram", ["x1"], {"nperseg": "50", "detrend": "linear", "return-onesided": "false"})
# The PSD spectrogram on the FFT engine (SegmentPowers.eachPower): a partial last block; an odd
# segment zero-padded to an even nfft; many segments without detrending; the 'spectrum' scaling.
case("spec_engine", "spectrogram", ["x1"], {"nperseg": "64", "fs": "1000"})
case("spec_engine_pad", "spectrogram", ["x1"], {"nperseg": "61", "noverlap": "20", "nfft": "128"})
case("spec_engine_long", "spectrogram", ["xlong"], {"nperseg": "128", "detrend": "false", "scaling": "spectrum"})
case("spec_engine_2d", "spectrogram", ["x2"], {"nperseg": "32", "window": "hann"})

# ---- stft / istft
case("stft_default", "stft", ["x1"])
case("stft_opts", "stft", ["x1"], {"nperseg": "64", "noverlap": "48", "nfft": "100", "fs": "1000"})
case("stft_odd", "stft", ["x1"], {"nperseg": "65", "window": "hamming"})
for b in ("even", "odd", "constant", "none"):
    case(f"stft_b_{b}", "stft", ["xs"], {"nperseg": "32", "boundary": b})
case("stft_unpadded", "stft", ["xs"], {"nperseg": "30", "padded": "false", "noverlap": "7"})
case("stft_psd", "stft", ["x1"], {"nperseg": "64", "scaling": "psd", "detrend": "constant"})
case("stft_complex", "stft", ["xc"], {"nperseg": "64"})
case("stft_axis0", "stft", ["x2t"], {"nperseg": "64", "axis": "0"})
case("stft_3d", "stft", ["x3"], {"nperseg": "32"})

inp("z1", ss.stft(inputs["x1"], nperseg=64)[2])
case("istft_roundtrip", "istft", ["z1"], {"nperseg": "64"})
inp("z1odd", ss.stft(inputs["x1"], nperseg=65, noverlap=40, window="hamming")[2])
case("istft_odd", "istft", ["z1odd"], {"nperseg": "65", "noverlap": "40", "window": "hamming"})
inp("zc", ss.stft(inputs["xc"], nperseg=64, return_onesided=False)[2])
case("istft_twosided", "istft", ["zc"], {"input-onesided": "false"})
inp("zpsd", ss.stft(inputs["x1"], nperseg=64, scaling="psd", fs=100.0)[2])
case("istft_psd", "istft", ["zpsd"], {"scaling": "psd", "fs": "100"})
inp("z3", ss.stft(inputs["x3"], nperseg=32)[2])
case("istft_3d", "istft", ["z3"], {"nperseg": "32"})
inp("zt", np.ascontiguousarray(np.moveaxis(inputs["z1"], -1, 0)))  # (time, freq)
case("istft_axes", "istft", ["zt"], {"time-axis": "0", "freq-axis": "1"})
case("istft_noboundary", "istft", ["z1"], {"istft-boundary": "false", "nfft": "80", "nperseg": "64"})
# istft on the engine (V segments per block): many blocks with a partial last one, and segments
# shorter than nfft
inp("zlong", ss.stft(inputs["xlong"], nperseg=128, noverlap=96)[2])
case("istft_engine_long", "istft", ["zlong"], {"nperseg": "128", "noverlap": "96"})
inp("zpad", ss.stft(inputs["x1"], nperseg=100, noverlap=60, nfft=160, window="hamming")[2])
case("istft_engine_pad", "istft", ["zpad"], {"nperseg": "100", "noverlap": "60", "nfft": "160", "window": "hamming"})

# ---- convolution
inp("a1", rng.standard_normal(1000))
inp("k1", rng.standard_normal(37))
inp("a2", rng.standard_normal((4, 300)))
inp("k2", rng.standard_normal((4, 20)))
inp("k2b", rng.standard_normal((1, 20)))
inp("img", rng.standard_normal((20, 30)))
inp("ker", rng.standard_normal((5, 7)))
inp("ac", rng.standard_normal(200) + 1j * rng.standard_normal(200))
inp("long", rng.standard_normal(5000))
inp("short", rng.standard_normal(60))
inp("long2", rng.standard_normal((3000, 2)))
inp("short2", rng.standard_normal((40, 2)))
inp("p1", rng.standard_normal(1))
for op in ("fftconvolve", "oaconvolve"):
    for mode in ("full", "same", "valid"):
        case(f"{op}_1d_{mode}", op, ["a1", "k1"], {"mode": mode})
        case(f"{op}_1d_swap_{mode}", op, ["k1", "a1"], {"mode": mode})
        case(f"{op}_2d_axis_{mode}", op, ["a2", "k2"], {"mode": mode, "axes": "1"})
        case(f"{op}_2d_bcast_{mode}", op, ["a2", "k2b"], {"mode": mode, "axes": "-1"})
        case(f"{op}_2d_all_{mode}", op, ["img", "ker"], {"mode": mode})
        case(f"{op}_complex_{mode}", op, ["ac", "k1"], {"mode": mode})
        case(f"{op}_long_{mode}", op, ["long", "short"], {"mode": mode})
        case(f"{op}_long2_{mode}", op, ["long2", "short2"], {"mode": mode, "axes": "0"})
    case(f"{op}_len1", op, ["a1", "p1"], {})
    case(f"{op}_same_len", op, ["k1", "k1"], {"mode": "same"})

with open("manifest.txt", "w") as fh:
    fh.write(f"# scipy {scipy.__version__}, numpy {np.__version__}\n")
    fh.write("\n".join(manifest) + "\n")

# ---- error messages, as SciPy words them
errors = {
    "nx0": lambda: ss.get_window("hann", 0),
    "badwindow": lambda: ss.get_window("foo", 8),
    "kaiser_noparam": lambda: ss.get_window("kaiser", 8),
    "hann_param": lambda: ss.get_window(("hann", 2), 8),
    "nperseg0": lambda: ss.welch(np.ones(100), nperseg=0),
    "nfft_small": lambda: ss.welch(np.ones(100), nperseg=30, nfft=20),
    "noverlap_big": lambda: ss.welch(np.ones(100), nperseg=30, noverlap=30),
    "scaling": lambda: ss.welch(np.ones(100), scaling="foo"),
    "average": lambda: ss.welch(np.ones(100), nperseg=30, average="foo"),
    "detrend": lambda: ss.welch(np.ones(100), detrend="foo"),
    "winlen": lambda: ss.welch(np.ones(100), window=np.ones(20), nperseg=30),
    "fs0": lambda: ss.welch(np.ones(100), fs=0),
    "axis": lambda: np.empty((2, 3)).sum(axis=2),
    "per_win": lambda: ss.periodogram(np.ones(10), window=np.ones(5)),
    "csd_bcast": lambda: ss.csd(np.ones((2, 100)), np.ones((3, 100))),
    "stft_boundary": lambda: ss.stft(np.ones(100), boundary="foo"),
    "stft_noverlap": lambda: ss.stft(np.ones(100), nperseg=30, noverlap=40),
    "spec_mode": lambda: ss.spectrogram(np.ones(100), mode="foo"),
    "spec_longwin": lambda: ss.spectrogram(np.ones(100), window=np.ones(200)),
    "istft_1d": lambda: ss.istft(np.ones(100)),
    "istft_axes": lambda: ss.istft(np.ones((10, 10)), time_axis=0, freq_axis=0),
    "istft_nfft": lambda: ss.istft(np.ones((10, 10)), nperseg=10, nfft=8),
    "conv_dims": lambda: ss.fftconvolve(np.ones(10), np.ones((3, 4))),
    "conv_shapes": lambda: ss.fftconvolve(np.ones((3, 4)), np.ones((2, 5)), axes=[0]),
    "conv_valid": lambda: ss.fftconvolve(np.ones((3, 4)), np.ones((4, 3)), mode="valid"),
    "conv_mode": lambda: ss.fftconvolve(np.ones(10), np.ones(10), mode="foo"),
    "conv_axes_empty": lambda: ss.fftconvolve(np.ones(10), np.ones(10), axes=[]),
    "conv_axes_range": lambda: ss.fftconvolve(np.ones(10), np.ones(10), axes=[1]),
    "conv_axes_dup": lambda: ss.fftconvolve(np.ones((3, 4)), np.ones((3, 4)), axes=[0, 0]),
}
with open("errors.txt", "w") as fh:
    for name, fn in errors.items():
        try:
            fn()
            raise SystemExit(f"{name}: SciPy raised nothing")
        except (ValueError, np.exceptions.AxisError) as e:
            fh.write(f"{name}\t{e}\n")
print(f"{len(manifest)} cases, {len(errors)} error messages")
