"""NumPy's legacy polynomial functions: polyval, polyadd, polysub, polymul, polyder, polyint,
polydiv, roots, poly, polyfit (w, full, cov), on random coefficients of several lengths, and
their errors."""

LENS = [1, 2, 3, 5, 8, 13]
RTOL = {"rtol": 1e-12, "atol": 1e-12}


def generate(g):
    for n in LENS:
        setup = (f"rng = np.random.default_rng({4000 + n})\n"
                 f"p = rng.standard_normal({n})\nq = rng.standard_normal({max(1, n // 2 + 1)})\n"
                 "x = rng.uniform(-2, 2, 37)")
        k = f"n{n}"
        g.case(f"{k}_p", "p", setup=setup)
        g.case(f"{k}_q", "q", setup=setup)
        g.case(f"{k}_x", "x", setup=setup)
        g.case(f"{k}_polyval", "np.polyval(p, x)", setup=setup)
        g.case(f"{k}_polyval_scalar", "np.polyval(p, 0.75)", setup=setup)
        g.case(f"{k}_polyadd", "np.polyadd(p, q)", setup=setup)
        g.case(f"{k}_polysub", "np.polysub(q, p)", setup=setup)
        g.case(f"{k}_polymul", "np.polymul(p, q)", setup=setup, **RTOL)
        for m in (0, 1, 2, 3):
            g.case(f"{k}_polyder{m}", f"np.polyder(p, {m})", setup=setup)
        g.case(f"{k}_polyint1", "np.polyint(p)", setup=setup)
        g.case(f"{k}_polyint2k", "np.polyint(p, 2, k=1.5)", setup=setup)
        g.case(f"{k}_polyint3k", "np.polyint(p, 3, k=[1.0, -2.0, 0.5])", setup=setup)
        g.case(f"{k}_polydiv", "np.polydiv(p, q)", setup=setup, **RTOL)
        g.case(f"{k}_polydiv_rev", "np.polydiv(q, p)", setup=setup, **RTOL)
        # roots: compared as sorted sets at 1e-8 relative (different eigen solvers).
        g.case(f"{k}_roots", "np.sort_complex(np.roots(p).astype(complex))", setup=setup, rtol=1e-8, atol=1e-8)
        g.case(f"{k}_poly", "np.poly(p)", setup=setup)
        g.case(f"{k}_poly_of_roots", "np.poly(np.roots(p))", setup=setup, rtol=1e-8, atol=1e-8)
        fit = (f"rng = np.random.default_rng({5000 + n})\nxs = np.linspace(-1, 3, {n + 20})\n"
               f"ys = rng.standard_normal(({n + 20}, 3))\nw = rng.uniform(0.5, 2, {n + 20})")
        d = min(n, 6)
        g.case(f"{k}_fx", "xs", setup=fit)
        g.case(f"{k}_fy", "ys", setup=fit)
        g.case(f"{k}_fw", "w", setup=fit)
        g.case(f"{k}_polyfit", f"np.polyfit(xs, ys[:, 0], {d})", setup=fit, rtol=1e-9, atol=1e-10)
        g.case(f"{k}_polyfit_w", f"np.polyfit(xs, ys[:, 0], {d}, w=w)", setup=fit, rtol=1e-9, atol=1e-10)
        g.case(f"{k}_polyfit_2d", f"np.polyfit(xs, ys, {d})", setup=fit, rtol=1e-9, atol=1e-10)
        g.case(f"{k}_polyfit_full", f"np.polyfit(xs, ys[:, 1], {d}, full=True)", setup=fit, rtol=1e-9, atol=1e-10)
        g.case(f"{k}_polyfit_cov", f"np.polyfit(xs, ys[:, 2], {d}, w=w, cov=True)", setup=fit, rtol=1e-8, atol=1e-10)
        g.case(f"{k}_polyfit_cov_unscaled", f"np.polyfit(xs, ys[:, 2], {d}, cov='unscaled')", setup=fit, rtol=1e-8, atol=1e-10)
        g.case(f"{k}_polyfit_cov_2d", f"np.polyfit(xs, ys, {d}, cov=True)", setup=fit, rtol=1e-8, atol=1e-10)
    # Leading and trailing zeros in roots; constants; all zeros.
    g.case("roots_zeros", "np.sort_complex(np.roots([0.0, 0.0, 1.0, -3.0, 2.0, 0.0, 0.0]).astype(complex))", rtol=1e-12, atol=1e-12)
    g.case("roots_const", "np.roots([0.0, 5.0])")
    g.case("roots_allzero", "np.roots([0.0, 0.0])")
    g.case("roots_complex", "np.sort_complex(np.roots([1.0, 0.0, 1.0]).astype(complex))", rtol=1e-12, atol=1e-12)
    g.case("roots_2d", "np.roots([[1.0, 2.0]])")
    g.case("poly_matrix", "np.poly(np.array([[1.0, 2.0], [3.0, 4.0]]))", rtol=1e-12, atol=1e-12)
    g.case("poly_matrix_complex", "np.poly(np.array([[0.0, -1.0], [1.0, 0.0]]))", rtol=1e-12, atol=1e-12)
    g.case("poly_complex_pairs", "np.poly(np.array([1 + 2j, 1 - 2j, 3]))")
    g.case("poly_complex", "np.poly(np.array([1 + 2j, 3j]))")
    g.case("poly_bad", "np.poly(np.ones((2, 3)))")
    g.case("polydiv_exact", "np.polydiv([1.0, -3.0, 2.0], [1.0, -1.0])")
    g.case("polyder_neg", "np.polyder([1.0, 2.0], -1)")
    g.case("polyint_neg", "np.polyint([1.0, 2.0], -1)")
    g.case("polyint_badk", "np.polyint([1.0, 2.0], 3, k=[1.0, 2.0])")
    g.case("polyval_inf", "np.polyval([1.0, 2.0], np.array([np.inf, -np.inf, np.nan]))")
    g.case("polyfit_negdeg", "np.polyfit([1.0, 2.0], [1.0, 2.0], -1)")
    g.case("polyfit_x2d", "np.polyfit(np.ones((2, 2)), [1.0, 2.0], 1)")
    g.case("polyfit_xempty", "np.polyfit(np.array([]), np.array([]), 1)")
    g.case("polyfit_y3d", "np.polyfit([1.0, 2.0], np.ones((2, 1, 1)), 1)")
    g.case("polyfit_len", "np.polyfit([1.0, 2.0], [1.0, 2.0, 3.0], 1)")
    g.case("polyfit_w2d", "np.polyfit([1.0, 2.0], [1.0, 2.0], 1, w=np.ones((2, 1)))")
    g.case("polyfit_wlen", "np.polyfit([1.0, 2.0], [1.0, 2.0], 1, w=[1.0])")
    g.case("polyfit_cov_few", "np.polyfit([1.0, 2.0, 3.0], [1.0, 2.0, 0.0], 2, cov=True)")
    # poly1d: construction (leading zeros dropped), evaluation, arithmetic, calculus.
    for n in LENS:
        setup = (f"rng = np.random.default_rng({6000 + n})\n"
                 f"a = np.concatenate([[0.0, 0.0], rng.standard_normal({n})])\nb = rng.standard_normal({n // 2 + 1})\n"
                 "x = rng.uniform(-2, 2, 11)\np = np.poly1d(a)\nq = np.poly1d(b)")
        k = f"p1d_n{n}"
        g.case(f"{k}_a", "a", setup=setup)
        g.case(f"{k}_b", "b", setup=setup)
        g.case(f"{k}_x", "x", setup=setup)
        g.case(f"{k}_coeffs", "p.coeffs", setup=setup)
        g.case(f"{k}_order", "p.order", setup=setup)
        g.case(f"{k}_call", "p(x)", setup=setup)
        g.case(f"{k}_add", "(p + q).coeffs", setup=setup)
        g.case(f"{k}_sub", "(q - p).coeffs", setup=setup)
        g.case(f"{k}_mul", "(p * q).coeffs", setup=setup, **RTOL)
        g.case(f"{k}_neg", "(-p).coeffs", setup=setup)
        g.case(f"{k}_deriv2", "p.deriv(2).coeffs", setup=setup)
        g.case(f"{k}_integ", "p.integ(2, k=[0.5, -1.0]).coeffs", setup=setup)
        g.case(f"{k}_divmod", "tuple(r.coeffs for r in p / q)", setup=setup, **RTOL)
        g.case(f"{k}_fromroots", "np.poly1d(b, r=True).coeffs", setup=setup)
    g.case("p1d_zero", "np.poly1d([0.0, 0.0]).coeffs")
    g.case("p1d_zero_order", "np.poly1d([0.0, 0.0]).order")
    # Non-finite input, division by a leading zero, underdetermined fits.
    g.case("roots_nan", "np.roots([1.0, np.nan, 2.0])")
    g.case("roots_inf", "np.roots([1.0, 2.0, np.inf])")
    g.case("polyfit_nan", "np.polyfit([1.0, 2.0, 3.0], [1.0, np.nan, 0.0], 1)")
    g.case("polydiv_zero_lead", "np.polydiv([1.0, 2.0, 3.0], [0.0, 1.0])")
    g.case("polyfit_underdetermined", "np.polyfit([0.0, 1.0, 2.0], [1.0, -1.0, 0.5], 4, full=True)", rtol=1e-9, atol=1e-10)
    g.case("polyval_empty_p", "np.polyval(np.array([]), np.array([1.0, 2.0]))")
    # A large rcond makes the fit rank deficient: empty residuals meet the covariance.
    rd = "xr = np.linspace(0, 1, 10)\nyr = np.cos(3 * xr)"
    g.case("polyfit_cov_rankdef", "np.polyfit(xr, yr, 3, rcond=0.1, cov=True)", setup=rd)
    g.case("polyfit_cov_rankdef_2d", "np.polyfit(xr, np.c_[yr, yr], 3, rcond=0.1, cov=True)[1].shape", setup=rd)
