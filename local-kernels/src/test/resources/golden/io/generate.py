"""Writes the .npy files NpyTest reads. Run from this folder: python3 generate.py

Each case NAME.npy has a twin NAME.expected.npy: the same values converted as numspark
converts them (float64 or complex128, C order), written by numpy in the plainest layout.
"""
import numpy as np

base = np.arange(24, dtype=np.float64).reshape(2, 3, 4) * 0.5 - 3.25
cases = {
    "f8_c_3d": base,
    "f8_fortran_3d": np.asfortranarray(base),
    "f8_big_endian": base.astype(">f8"),
    "f4_2d": base.reshape(6, 4).astype(np.float32),
    "c16_2d": (base.reshape(4, 6) + 1j * base.reshape(4, 6)[::-1]),
    "c16_fortran_2d": np.asfortranarray(base.reshape(4, 6) - 2j * base.reshape(4, 6)),
    "c8_1d": (np.arange(5) + 1j * np.arange(5, 0, -1)).astype(np.complex64),
    "i4_1d": np.array([-3, 0, 7, 2**31 - 1], dtype=np.int32),
    "i8_1d": np.array([-(2**40), 5], dtype=np.int64),
    "u1_1d": np.array([0, 200, 255], dtype=np.uint8),
    "bool_1d": np.array([True, False, True]),
    "scalar_0d": np.array(2.5),
    "empty_2d": np.zeros((0, 3)),
    "one_1d": np.array([7.0]),
}
for name, arr in cases.items():
    np.save(f"{name}.npy", arr)
    expected = np.array(arr, dtype=np.complex128 if np.iscomplexobj(arr) else np.float64, order="C")
    np.save(f"{name}.expected.npy", expected)

np.save("unsupported_str.npy", np.array(["a", "b"]))
np.save("unsupported_object.npy", np.array([1, "x"], dtype=object), allow_pickle=True)
with open("truncated.npy", "wb") as f:
    f.write(open("f8_c_3d.npy", "rb").read()[:-16])
with open("not_npy.npy", "wb") as f:
    f.write(b"hello, this is not a numpy file at all")
