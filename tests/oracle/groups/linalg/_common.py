"""Inputs shared by the linalg case files: random well-conditioned matrices per dtype."""

DTYPES = {"f32": "np.float32", "f64": "np.float64", "c64": "np.complex64", "c128": "np.complex128", "i64": "np.int64"}

# Tolerances the Rust side must meet: NumPy computes in double precision through LAPACK,
# nprs in double precision through its own kernels and faer, so the results agree to a
# small multiple of the double epsilon times the (small) condition number; single-precision
# results are the double results rounded, so they agree to about one single ulp.
TOL = {
    "f32": {"rtol": 2e-6, "atol": 2e-6},
    "c64": {"rtol": 2e-6, "atol": 2e-6},
    "f64": {"rtol": 1e-11, "atol": 1e-12},
    "c128": {"rtol": 1e-11, "atol": 1e-12},
    "i64": {"rtol": 1e-11, "atol": 1e-12},
}


def matrix_setup(seed, shape, dt, kind="general"):
    """Statements that bind ``a``: a well-conditioned matrix stack of ``shape`` and dtype ``dt``.

    kind: "general" (random plus n on the diagonal), "hpd" (Hermitian positive definite),
    "int" (small integers with a dominant diagonal).
    """
    n = shape[-1]
    eye = f"np.eye({shape[-2]}, {n})"
    lines = [f"rng = np.random.default_rng({seed})", f"shape = {tuple(shape)!r}"]
    if dt == "i64":
        lines.append(f"a = rng.integers(-4, 5, shape) + {2 * n + 1} * {eye}.astype(np.int64)")
        if kind == "hpd":
            lines.append("a = a @ np.swapaxes(a, -1, -2)")
        lines.append("a = a.astype(np.int64)")
        return "\n".join(lines)
    if dt.startswith("c"):
        lines.append("x = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)")
    else:
        lines.append("x = rng.standard_normal(shape)")
    if kind == "hpd":
        lines.append(f"a = x @ np.swapaxes(x, -1, -2).conj() + {n} * np.eye({n})")
    else:
        lines.append(f"a = x + {n} * {eye}")
    lines.append(f"a = a.astype({DTYPES[dt]})")
    return "\n".join(lines)
