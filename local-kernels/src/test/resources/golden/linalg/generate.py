"""Golden files for dev.numspark.linalg, from the machine's numpy/scipy (run: python3 generate.py).

Each case CASE writes CASE.a.npy (and CASE.b.npy), CASE.cond.npy (2-norm condition number per
matrix, for tolerances) and one CASE.OP.npy per expected result. Decompositions whose factors are
not unique (eigenvectors, SVD and QR factors) are checked in Java by reconstruction and invariants,
so only their unique parts are stored here.
"""
import os

import numpy as np
import scipy
import scipy.linalg as sl

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240605)


def save(name, arr):
    np.save(os.path.join(HERE, name + ".npy"), np.array(arr, dtype=np.float64, order="C"))


def cond(a):
    if a.shape[-1] == 0 or a.shape[-2] == 0 or a.size == 0:
        return np.ones(a.shape[:-2])
    s = np.linalg.svd(a, compute_uv=False)
    with np.errstate(divide="ignore"):
        return s[..., 0] / s[..., -1]


NORMS = [("fro", "fro"), (2, "2"), (-2, "-2"), (1, "1"), (-1, "-1"), (np.inf, "inf"),
         (-np.inf, "-inf"), ("nuc", "nuc")]


def square_case(name, a, b, spd=False, symmetric=False):
    save(name + ".a", a)
    save(name + ".b", b)
    save(name + ".cond", cond(a))
    save(name + ".solve", sl.solve(a, b))
    save(name + ".solve_gen", sl.solve(a, b, assume_a="gen"))
    save(name + ".inv", sl.inv(a))
    save(name + ".det", sl.det(a))
    sign, logdet = np.linalg.slogdet(a)
    save(name + ".slogdet", np.stack([sign, logdet], axis=-1))
    save(name + ".svdvals", np.linalg.svd(a, compute_uv=False))
    save(name + ".expm", sl.expm(a))
    save(name + ".pinv", np.linalg.pinv(a, rcond=max(a.shape[-2:]) * np.finfo(float).eps))
    for o, key in NORMS:
        save(name + ".norm_" + key, np.linalg.norm(a, ord=o, axis=(-2, -1)))
    w = np.linalg.eigvals(a)
    order = np.lexsort((w.imag, w.real), axis=-1)
    w = np.take_along_axis(w, order, axis=-1)
    save(name + ".eigvals", np.stack([w.real, w.imag], axis=-1))
    if symmetric or spd:
        save(name + ".eigh", np.linalg.eigvalsh(a))
        save(name + ".solve_sym", sl.solve(a, b, assume_a="sym"))
    if spd:
        save(name + ".cholesky", np.linalg.cholesky(a).swapaxes(-1, -2))
        save(name + ".solve_pos", sl.solve(a, b, assume_a="pos"))


def rect_case(name, a, b):
    save(name + ".a", a)
    save(name + ".b", b)
    save(name + ".cond", cond(a))
    x, res, rank, s = sl.lstsq(a, b)
    save(name + ".lstsq_x", x)
    save(name + ".lstsq_res", res)
    save(name + ".lstsq_rank", [rank])
    save(name + ".svdvals", s)
    save(name + ".pinv", sl.pinv(a))


n = 5
a = rng.standard_normal((n, n))
square_case("random", a, rng.standard_normal((n, 3)))
square_case("random_vec", a, rng.standard_normal(n))

h = sl.hilbert(6)
square_case("illcond", h, rng.standard_normal(6), spd=True)

s = rng.standard_normal((6, 6))
square_case("symmetric", s + s.T, rng.standard_normal((6, 2)), symmetric=True)

m = rng.standard_normal((6, 6))
square_case("spd", m @ m.T + 6 * np.eye(6), rng.standard_normal((6, 2)), spd=True)

ab = rng.standard_normal((64, 8, 8))
square_case("batch", ab, rng.standard_normal((64, 8, 3)))
mb = rng.standard_normal((64, 8, 8))
square_case("batch_spd", mb @ mb.swapaxes(-1, -2) + 8 * np.eye(8), rng.standard_normal((8,)),
            spd=True)

square_case("one", np.array([[2.5]]), np.array([[1.5, -3.0]]), spd=True)

rect_case("tall", rng.standard_normal((7, 4)), rng.standard_normal((7, 2)))
rect_case("wide", rng.standard_normal((4, 7)), rng.standard_normal(4))
rank_def = rng.standard_normal((6, 2)) @ rng.standard_normal((2, 4))
rect_case("rankdef", rank_def, rng.standard_normal((6, 3)))

# expm across the Pade degrees and with scaling: norms from 1e-3 to 1e2
e = rng.standard_normal((5, 5))
for scale in [1e-3, 1e-1, 1.0, 5.0, 100.0]:
    save("expm_%g.a" % scale, e * scale / np.linalg.norm(e, 1))
    save("expm_%g.expm" % scale, sl.expm(e * scale / np.linalg.norm(e, 1)))

# lstsq with rank-deficient, wide, tall and batched a, and cond (issue 20, item 4). The rank is
# decided on singular values at the rounding level (s_i <= cond * s_max), so each case is drawn
# until SciPy's first dropped singular value sits at most half the cutoff: the expected
# rank then does not hinge on the last bits of one LAPACK build. CASE.lstsq_cond is s_0/s_{rank-1}
# per matrix (the conditioning of the minimum-norm solution, for tolerances).
EPS = np.finfo(float).eps


def low_rank(shape, rank, cond=None):
    while True:
        a = rng.standard_normal(shape[:-1] + (rank,)) @ rng.standard_normal(
            shape[:-2] + (rank, shape[-1]))
        s = np.linalg.svd(a, compute_uv=False)
        cut = (EPS if cond is None else cond) * s[..., :1]
        if rank >= s.shape[-1] or np.all(s[..., rank] <= cut[..., 0] / 2):
            return a


def lstsq_case(name, a, b, cond=None):
    save(name + ".a", a)
    save(name + ".b", b)
    x, res, rank, s = np.vectorize(
        lambda a, b: sl.lstsq(a, b, cond=cond), signature="(m,n),(m,k)->(n,k),(r),(),(q)")(
        a, b if b.ndim > 1 else b[:, None]) if a.ndim > 2 else sl.lstsq(a, b, cond=cond)
    if a.ndim > 2 and b.ndim == 1:
        x = x[..., 0]
    rank = np.atleast_1d(rank)
    save(name + ".lstsq_x", x)
    save(name + ".lstsq_res", res)
    save(name + ".lstsq_rank", rank)
    save(name + ".lstsq_s", s)
    flat = s.reshape(-1, s.shape[-1])
    save(name + ".lstsq_cond", [f[0] / f[r - 1] if r > 0 else 1.0 for f, r in zip(flat, rank)])


# the recipe of issue 20: a 30 x 5 product of random 30 x 2 and 2 x 5 matrices
lstsq_case("lstsq_rank2_tall", low_rank((30, 5), 2), rng.standard_normal(30))
lstsq_case("lstsq_rank2_wide", low_rank((5, 30), 2), rng.standard_normal((5, 3)))
lstsq_case("lstsq_rank3_square", low_rank((12, 12), 3), rng.standard_normal((12, 2)))
lstsq_case("lstsq_rank_large", low_rank((60, 40), 7), rng.standard_normal((60, 2)))
lstsq_case("lstsq_full_tall", rng.standard_normal((9, 4)), rng.standard_normal((9, 2)))
lstsq_case("lstsq_full_wide", rng.standard_normal((3, 8)), rng.standard_normal(3))
lstsq_case("lstsq_batch_rankdef", np.stack([low_rank((10, 6), r) for r in (1, 2, 4, 5)]),
           rng.standard_normal((4, 10, 2)))
lstsq_case("lstsq_batch_full", rng.standard_normal((5, 8, 3)), rng.standard_normal((5, 8, 2)))
# cond: singular values 1, 1e-3, 1e-8, 1e-12 give rank 4, 3 and 2 at cond None, 1e-10 and 1e-5
u, _ = np.linalg.qr(rng.standard_normal((7, 4)))
v, _ = np.linalg.qr(rng.standard_normal((4, 4)))
graded = u @ np.diag([1.0, 1e-3, 1e-8, 1e-12]) @ v.T
b_graded = rng.standard_normal(7)
lstsq_case("lstsq_cond_default", graded, b_graded)
lstsq_case("lstsq_cond_1e-10", graded, b_graded, cond=1e-10)
lstsq_case("lstsq_cond_1e-5", graded, b_graded, cond=1e-5)
lstsq_case("lstsq_cond_negative", graded, b_graded, cond=-1.0)

# Ranks at the rounding level, as they come: 300 products of random 30 x 2 and 2 x 5 matrices
# with no margin; SciPy itself reports rank 3 for about 1 in 80 of them.
many = rng.standard_normal((300, 30, 2)) @ rng.standard_normal((300, 2, 5))
many_b = rng.standard_normal((300, 30))
save("lstsq_rank2_many.a", many)
save("lstsq_rank2_many.b", many_b)
save("lstsq_rank2_many.lstsq_rank", [sl.lstsq(a, b)[2] for a, b in zip(many, many_b)])
save("lstsq_rank2_many.lstsq_x", np.stack([sl.lstsq(a, b)[0] for a, b in zip(many, many_b)]))

# complex128 (issue 21). Eigenvectors are not stored: the Java tests check A V = V diag(w),
# V^H V = I and the projectors onto (degenerate) eigenspaces against c_*.eigh_proj.


def csave(name, arr):
    np.save(os.path.join(HERE, name + ".npy"), np.array(arr, dtype=np.complex128, order="C"))


def crandn(*shape):
    return rng.standard_normal(shape) + 1j * rng.standard_normal(shape)


def projectors(a):
    """sum of v v^H over each group of equal eigenvalues (rtol 1e-8), per matrix: (..., n, n)."""
    w, v = np.linalg.eigh(a)
    out = np.zeros(a.shape, dtype=np.complex128)
    for idx in np.ndindex(a.shape[:-2]):
        ws, vs = w[idx], v[idx]
        start = 0
        for j in range(1, len(ws) + 1):
            if j == len(ws) or abs(ws[j] - ws[start]) > 1e-8 * max(1.0, abs(ws[-1])):
                block = vs[:, start:j]
                # projector of each eigenvalue's space, summed with weights j so groups differ
                out[idx] += (start + 1) * (block @ block.conj().T)
                start = j
    return out


def complex_case(name, a, b, hermitian=False, hpd=False):
    csave(name + ".a", a)
    csave(name + ".b", b)
    save(name + ".cond", cond(a))
    csave(name + ".solve", sl.solve(a, b))
    csave(name + ".solve_gen", sl.solve(a, b, assume_a="gen"))
    csave(name + ".inv", sl.inv(a))
    csave(name + ".det", sl.det(a))
    sign, logdet = np.linalg.slogdet(a)
    csave(name + ".slogdet_sign", sign)
    save(name + ".slogdet_log", logdet)
    save(name + ".svdvals", np.linalg.svd(a, compute_uv=False))
    for o, key in NORMS:
        save(name + ".norm_" + key, np.linalg.norm(a, ord=o, axis=(-2, -1)))
    csave(name + ".pinv", np.linalg.pinv(a, rcond=max(a.shape[-2:]) * np.finfo(float).eps))
    w = np.linalg.eigvals(a)
    order = np.lexsort((w.imag, w.real), axis=-1)
    csave(name + ".eigvals", np.take_along_axis(w, order, axis=-1))
    if hermitian or hpd:
        save(name + ".eigh", np.linalg.eigvalsh(a))
        csave(name + ".eigh_proj", projectors(a))
        csave(name + ".solve_her", sl.solve(a, b, assume_a="her"))
    if hpd:
        csave(name + ".cholesky", np.linalg.cholesky(a).conj().swapaxes(-1, -2))
        csave(name + ".solve_pos", sl.solve(a, b, assume_a="pos"))


def hermitian(*shape):
    h = crandn(*shape)
    return h + h.conj().swapaxes(-1, -2)


def hpd(*shape):
    m = crandn(*shape)
    return m @ m.conj().swapaxes(-1, -2) + shape[-1] * np.eye(shape[-1])


complex_case("c_general", crandn(5, 5), crandn(5))
complex_case("c_hermitian", hermitian(4, 6, 6), crandn(4, 6, 2), hermitian=True)
complex_case("c_hpd", hpd(3, 5, 5), crandn(3, 5, 2), hpd=True)
complex_case("c_large", hermitian(40, 40), crandn(40, 3), hermitian=True)
complex_case("c_symmetric", (lambda s: s + s.T)(crandn(6, 6)), crandn(6, 2))
q, _ = np.linalg.qr(crandn(6, 6))
degenerate = q @ np.diag([1.0, 1.0, 1.0, 2.0, 3.0, 3.0]) @ q.conj().T
degenerate = (degenerate + degenerate.conj().T) / 2
complex_case("c_degenerate", degenerate, crandn(6), hermitian=True)
# numpy's promotion: a real matrix with a complex right-hand side
mixed_a = rng.standard_normal((5, 5))
mixed_b = crandn(5, 2)
save("c_mixed.a", mixed_a)
csave("c_mixed.b", mixed_b)
csave("c_mixed.solve", sl.solve(mixed_a, mixed_b))
csave("c_mixed.lstsq_x", sl.lstsq(mixed_a, mixed_b)[0])
csave("c_mixed.matmul", mixed_a @ mixed_b)


def complex_lstsq_case(name, a, b):
    csave(name + ".a", a)
    csave(name + ".b", b)
    csave(name + ".pinv", sl.pinv(a))
    x, res, rank, s = sl.lstsq(a, b)
    csave(name + ".lstsq_x", x)
    save(name + ".lstsq_res", res)
    save(name + ".lstsq_rank", [rank])
    save(name + ".lstsq_s", s)
    save(name + ".lstsq_cond", [s[0] / s[rank - 1]])


complex_lstsq_case("c_lstsq_tall", crandn(9, 4), crandn(9, 2))
complex_lstsq_case("c_lstsq_wide", crandn(3, 7), crandn(3))
while True:
    low = crandn(8, 2) @ crandn(2, 5)
    sv = np.linalg.svd(low, compute_uv=False)
    if sv[2] <= EPS * sv[0] / 2:
        break
complex_lstsq_case("c_lstsq_rankdef", low, crandn(8, 2))

# complex vector norms (last: draws no earlier case's random numbers)
c_vector = crandn(7)
c_vector[3] = 0
csave("c_vector.a", c_vector)
for o, key in [(None, "2"), (1, "1"), (np.inf, "inf"), (-np.inf, "-inf"), (0, "0"), (3, "3")]:
    save("c_vector.norm_" + key, np.linalg.norm(c_vector, ord=o))

# complex expm (issue 21; draws after every earlier case). Random 5 x 5 matrices at 1-norms from
# 1e-3 to 1e2 (Pade degrees 3, 5, 7, 13; s up to 4), a diagonal, an upper triangular with
# s > 0, a skew-Hermitian (exp unitary), a batch with all five degrees, a 30 x 30 and a 1 x 1.
def expm_case(name, a):
    csave(name + ".a", a)
    csave(name + ".expm", sl.expm(a))


ce = crandn(5, 5)
for scale in [1e-3, 1e-1, 1.0, 5.0, 100.0]:
    expm_case("c_expm_%g" % scale, ce * scale / np.linalg.norm(ce, 1))
expm_case("c_expm_diag", np.diag(crandn(4)))
expm_case("c_expm_upper", np.triu(2 * crandn(5, 5)))
skew = crandn(6, 6)
expm_case("c_expm_skew", skew - skew.conj().T)
stack = crandn(6, 5, 5)
stack *= (np.array([1e-2, 0.3, 1.0, 2.0, 10.0, 50.0]) / np.linalg.norm(stack, 1, axis=(-2, -1)))[
    :, None, None]
expm_case("c_expm_batch", stack)
expm_case("c_expm_large", crandn(30, 30) / 3)
expm_case("c_expm_one", np.array([[0.5 - 2j]]))

print("scipy", scipy.__version__, "numpy", np.__version__, "->", HERE)
