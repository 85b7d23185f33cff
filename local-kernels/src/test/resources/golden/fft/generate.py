#!/usr/bin/env python3
"""Golden data for dev.numspark.fft: run with the machine's scipy (1.17.1) / numpy (2.4.6).

    cd local-kernels/src/test/resources/golden/fft && python3 generate.py

Writes inputs (in_*.npy) and scipy's results (out_*.npy) and cases.tsv, one case per line:

    name <TAB> op <TAB> options (as for `bin/numspark kernel OP`) <TAB> inputs <TAB> expected

where inputs is a comma list of .npy files (or '-') and expected is an .npy file, `error:MESSAGE`
(the message scipy raises) or `value:TEXT` (what next_fast_len prints).
Deterministic: the same scipy gives byte-identical files.
"""
import os
import glob
import numpy as np
import scipy
import scipy.fft as F

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240604)
rows = []
inputs = {}


def real(*shape):
    return rng.standard_normal(shape)


def cplx(*shape):
    return rng.standard_normal(shape) + 1j * rng.standard_normal(shape)


def save_input(arr):
    key = (arr.dtype.str, arr.shape, arr.tobytes())
    if key not in inputs:
        name = f"in_{len(inputs):03d}.npy"
        np.save(os.path.join(HERE, name), arr)
        inputs[key] = name
    return inputs[key]


def opts(**kw):
    parts = []
    for k, v in kw.items():
        if v is None:
            continue
        if isinstance(v, (tuple, list)):
            v = ",".join(str(i) for i in v)
        elif isinstance(v, bool):
            v = "true" if v else "false"
        parts.append(f"--{k.replace('_', '-')} {v}")
    return " ".join(parts)


def case(op, x, cli, call):
    """Record scipy's result (or error) of call() for input x (None for no input)."""
    name = f"{len(rows):04d}_{op}"
    inp = "-" if x is None else save_input(x)
    try:
        y = call()
    except Exception as e:  # noqa: BLE001 - the message is the expectation
        rows.append((name, op, cli, inp, "error:" + str(e)))
        return
    y = np.asarray(y)
    y = y.astype(np.complex128) if np.iscomplexobj(y) else y.astype(np.float64)
    out = f"out_{name}.npy"
    np.save(os.path.join(HERE, out), y)
    rows.append((name, op, cli, inp, out))


NORMS = [None, "ortho", "forward"]
LENGTHS = [1, 2, 3, 5, 7, 8, 15, 16, 105, 210, 1009, 1024]

# ---------------------------------------------------------------- 1-d complex and real FFTs
for n in LENGTHS:
    xr, xc = real(n), cplx(n)
    for norm in NORMS if n in (1, 2, 5, 16, 105, 1009) else [None]:
        case("fft", xc, opts(norm=norm), lambda: F.fft(xc, norm=norm))
        case("ifft", xc, opts(norm=norm), lambda: F.ifft(xc, norm=norm))
        case("rfft", xr, opts(norm=norm), lambda: F.rfft(xr, norm=norm))
        case("ihfft", xr, opts(norm=norm), lambda: F.ihfft(xr, norm=norm))
    case("fft", xr, "", lambda: F.fft(xr))          # real input to a complex transform
    case("ifft", xr, "", lambda: F.ifft(xr))
    h = F.rfft(xr)
    for norm in NORMS if n in (2, 5, 16, 1009) else [None]:
        case("irfft", h, opts(norm=norm), lambda: F.irfft(h, norm=norm))
        case("irfft", h, opts(n=n, norm=norm), lambda: F.irfft(h, n=n, norm=norm))
        case("hfft", h, opts(n=n, norm=norm), lambda: F.hfft(h, n=n, norm=norm))
    case("hfft", h, "", lambda: F.hfft(h))

# padding and truncation
x5, c5 = real(5), cplx(5)
for n in (1, 3, 8, 12):
    case("fft", c5, opts(n=n), lambda: F.fft(c5, n=n))
    case("ifft", c5, opts(n=n, norm="ortho"), lambda: F.ifft(c5, n=n, norm="ortho"))
    case("rfft", x5, opts(n=n), lambda: F.rfft(x5, n=n))
    case("ihfft", x5, opts(n=n), lambda: F.ihfft(x5, n=n))
    case("irfft", c5, opts(n=n), lambda: F.irfft(c5, n=n))   # odd and even n, pad and truncate
    case("hfft", c5, opts(n=n), lambda: F.hfft(c5, n=n))
case("irfft", c5, opts(n=9, norm="forward"), lambda: F.irfft(c5, n=9, norm="forward"))
case("irfft", x5, "", lambda: F.irfft(x5))                     # real input to irfft

# axes of 2-d and 3-d inputs
a2r, a2c = real(4, 6), cplx(4, 6)
a3r, a3c = real(3, 4, 5), cplx(3, 4, 5)
for arr_r, arr_c in ((a2r, a2c), (a3r, a3c)):
    for axis in (0, 1, -1):
        case("fft", arr_c, opts(axis=axis), lambda: F.fft(arr_c, axis=axis))
        case("ifft", arr_c, opts(axis=axis, n=7), lambda: F.ifft(arr_c, axis=axis, n=7))
        case("rfft", arr_r, opts(axis=axis), lambda: F.rfft(arr_r, axis=axis))
        case("irfft", arr_c, opts(axis=axis), lambda: F.irfft(arr_c, axis=axis))
        case("irfft", arr_c, opts(axis=axis, n=5), lambda: F.irfft(arr_c, axis=axis, n=5))
        case("hfft", arr_c, opts(axis=axis), lambda: F.hfft(arr_c, axis=axis))
        case("ihfft", arr_r, opts(axis=axis, norm="ortho"),
             lambda: F.ihfft(arr_r, axis=axis, norm="ortho"))
        case("dct", arr_r, opts(axis=axis), lambda: F.dct(arr_r, axis=axis))
        case("dst", arr_r, opts(axis=axis, type=1), lambda: F.dst(arr_r, axis=axis, type=1))
case("fft", a3r, opts(axis=1), lambda: F.fft(a3r, axis=1))
case("fft", a2c, opts(axis=0, n=9, norm="forward"), lambda: F.fft(a2c, axis=0, n=9, norm="forward"))

# ---------------------------------------------------------------- n-d
b2r, b2c = real(6, 9), cplx(6, 9)
for norm in NORMS:
    for fn in ("fft2", "ifft2", "fftn", "ifftn"):
        f = getattr(F, fn)
        case(fn, b2c, opts(norm=norm), lambda: f(b2c, norm=norm))
        case(fn, a3c, opts(norm=norm), lambda: f(a3c, norm=norm))
    case("rfft2", b2r, opts(norm=norm), lambda: F.rfft2(b2r, norm=norm))
    case("rfftn", a3r, opts(norm=norm), lambda: F.rfftn(a3r, norm=norm))
    h2 = F.rfft2(b2r)
    case("irfft2", h2, opts(norm=norm), lambda: F.irfft2(h2, norm=norm))
    h3 = F.rfftn(a3r)
    case("irfftn", h3, opts(norm=norm), lambda: F.irfftn(h3, norm=norm))
case("fft2", b2r, "", lambda: F.fft2(b2r))
case("fftn", a3r, "", lambda: F.fftn(a3r))
case("fftn", a3c, opts(axes=(0, 2)), lambda: F.fftn(a3c, axes=(0, 2)))
case("fftn", a3c, opts(axes=(2, 0)), lambda: F.fftn(a3c, axes=(2, 0)))
case("fftn", a3c, opts(s=(2, 7)), lambda: F.fftn(a3c, s=(2, 7)))
case("fftn", a3c, opts(s=(5, -1), axes=(0, 1)), lambda: F.fftn(a3c, s=(5, -1), axes=(0, 1)))
case("ifftn", a3c, opts(s=(4, 3, 8), norm="ortho"), lambda: F.ifftn(a3c, s=(4, 3, 8), norm="ortho"))
case("fft2", a3c, opts(axes=(0, 1), s=(2, 6)), lambda: F.fft2(a3c, axes=(0, 1), s=(2, 6)))
case("ifft2", b2c, opts(s=(3, 12)), lambda: F.ifft2(b2c, s=(3, 12)))
case("rfftn", a3r, opts(axes=(2, 0)), lambda: F.rfftn(a3r, axes=(2, 0)))
case("rfftn", a3r, opts(s=(4, 7)), lambda: F.rfftn(a3r, s=(4, 7)))
case("rfft2", a3r, opts(axes=(0, 1), norm="forward"), lambda: F.rfft2(a3r, axes=(0, 1), norm="forward"))
case("rfft2", b2r, opts(s=(4, 4)), lambda: F.rfft2(b2r, s=(4, 4)))
h3 = F.rfftn(a3r)
case("irfftn", h3, opts(s=(3, 4, 9)), lambda: F.irfftn(h3, s=(3, 4, 9)))
case("irfftn", h3, opts(s=(2, 6)), lambda: F.irfftn(h3, s=(2, 6)))
case("irfftn", a3c, opts(axes=(0, 1)), lambda: F.irfftn(a3c, axes=(0, 1)))
case("irfft2", b2c, opts(s=(6, 9)), lambda: F.irfft2(b2c, s=(6, 9)))
case("irfft2", b2c, opts(s=(5, 8), norm="ortho"), lambda: F.irfft2(b2c, s=(5, 8), norm="ortho"))

# ---------------------------------------------------------------- DCT / DST
for n in (1, 2, 3, 5, 8, 16, 105):
    x = real(n)
    for fn in ("dct", "idct", "dst", "idst"):
        f = getattr(F, fn)
        for t in (1, 2, 3, 4):
            for norm in NORMS:
                case(fn, x, opts(type=t, norm=norm), lambda: f(x, type=t, norm=norm))
            case(fn, x, opts(type=t, norm="ortho", orthogonalize=False),
                 lambda: f(x, type=t, norm="ortho", orthogonalize=False))
            case(fn, x, opts(type=t, orthogonalize=True),
                 lambda: f(x, type=t, orthogonalize=True))
x = real(9)
for fn in ("dct", "idst"):
    f = getattr(F, fn)
    for t in (1, 2, 3, 4):
        case(fn, x, opts(type=t, n=12), lambda: f(x, type=t, n=12))
        case(fn, x, opts(type=t, n=4, norm="ortho"), lambda: f(x, type=t, n=4, norm="ortho"))
c7 = cplx(7)
case("dct", c7, opts(type=2, norm="ortho"), lambda: F.dct(c7, type=2, norm="ortho"))
case("idst", c7, opts(type=4), lambda: F.idst(c7, type=4))
for fn in ("dctn", "idctn", "dstn", "idstn"):
    f = getattr(F, fn)
    for t in (1, 2, 3, 4):
        case(fn, a3r, opts(type=t), lambda: f(a3r, type=t))
        case(fn, b2r, opts(type=t, norm="ortho"), lambda: f(b2r, type=t, norm="ortho"))
    case(fn, a3r, opts(type=2, axes=(0, 2), s=(4, 6)), lambda: f(a3r, type=2, axes=(0, 2), s=(4, 6)))
    case(fn, b2r, opts(type=3, axes=-1, norm="forward"), lambda: f(b2r, type=3, axes=-1, norm="forward"))

# ---------------------------------------------------------------- helpers
for n in (1, 2, 5, 8, 9):
    for d in (1.0, 0.1, 2.5):
        case("fftfreq", None, opts(n=n, d=d), lambda: F.fftfreq(n, d))
        case("rfftfreq", None, opts(n=n, d=d), lambda: F.rfftfreq(n, d))
v1, v2 = real(7), cplx(8)
for fn in ("fftshift", "ifftshift"):
    f = getattr(F, fn)
    case(fn, v1, "", lambda: f(v1))
    case(fn, v2, "", lambda: f(v2))
    case(fn, a3r, "", lambda: f(a3r))
    case(fn, a3c, opts(axes=(0, 2)), lambda: f(a3c, axes=(0, 2)))
    case(fn, b2r, opts(axes=-1), lambda: f(b2r, axes=-1))


def fast(target, real):
    rows.append((f"{len(rows):04d}_next_fast_len", "next_fast_len",
                 opts(target=target) + (" --real" if real else ""), "-",
                 "value:" + str(F.next_fast_len(target, real=real))))


for target in (0, 1, 2, 6, 7, 11, 12, 13, 97, 1009, 1021, 4097, 10007, 123456789, 2**31 + 1,
               10**12 + 39, 2**60 + 1):
    fast(target, False)
    fast(target, True)

# ---------------------------------------------------------------- errors (scipy's messages)
e0 = np.zeros(0)
e03 = np.zeros((0, 3))
case("fft", e0, "", lambda: F.fft(e0))
case("ifft", c5, opts(n=0), lambda: F.ifft(c5, n=0))
case("rfft", e0, "", lambda: F.rfft(e0))
case("rfft", c5, "", lambda: F.rfft(c5))
case("ihfft", x5, opts(n=-2), lambda: F.ihfft(x5, n=-2))
case("irfft", np.ones(1), "", lambda: F.irfft(np.ones(1)))
case("hfft", np.ones(1) + 0j, "", lambda: F.hfft(np.ones(1) + 0j))
case("dct", e0, "", lambda: F.dct(e0))
case("dct", x5, opts(type=5), lambda: F.dct(x5, type=5))
case("dst", x5, opts(type=0), lambda: F.dst(x5, type=0))
case("dct", np.ones(1), opts(type=1), lambda: F.dct(np.ones(1), type=1))
case("fft", x5, opts(norm="bad"), lambda: F.fft(x5, norm="bad"))
case("fftn", e03, "", lambda: F.fftn(e03))
case("fftn", a2c, opts(s=(2, 3), axes=0), lambda: F.fftn(a2c, s=(2, 3), axes=0))
case("fftn", a2c, opts(axes=(0, 0)), lambda: F.fftn(a2c, axes=(0, 0)))
case("fftn", a2c, opts(axes=(0, 2)), lambda: F.fftn(a2c, axes=(0, 2)))
case("fftn", a2c, opts(s=(1, 2, 3)), lambda: F.fftn(a2c, s=(1, 2, 3)))
case("fftn", a2c, opts(s=(0, 3)), lambda: F.fftn(a2c, s=(0, 3)))
case("fft2", x5, "", lambda: F.fft2(x5))
case("rfftn", a2c, "", lambda: F.rfftn(a2c))
case("rfftn", a2r, opts(s=(2, 3), axes=(1,)), lambda: F.rfftn(a2r, s=(2, 3), axes=(1,)))
case("dctn", a2r, opts(axes=(1, 1)), lambda: F.dctn(a2r, axes=(1, 1)))
case("fft", x5, opts(workers=0), lambda: F.fft(x5, workers=0))
case("fftfreq", None, opts(n=0, d=1.0), lambda: F.fftfreq(0, 1.0))
case("rfftfreq", None, opts(n=4, d=0.0), lambda: F.rfftfreq(4, 0.0))
for target, real_ in ((-1, False), (2**61, True)):
    try:
        F.next_fast_len(target, real=real_)
    except ValueError as e:
        rows.append((f"{len(rows):04d}_next_fast_len", "next_fast_len",
                     opts(target=target) + (" --real" if real_ else ""), "-", "error:" + str(e)))

with open(os.path.join(HERE, "cases.tsv"), "w") as fh:
    fh.write(f"# generated by generate.py with scipy {scipy.__version__}, numpy {np.__version__}\n")
    for r in rows:
        assert all("\t" not in c and "\n" not in c for c in r), r
        fh.write("\t".join(r) + "\n")
print(len(rows), "cases,", len(inputs), "inputs")
