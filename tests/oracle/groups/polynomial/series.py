"""numpy.polynomial: the six series families' module functions (val, vander, add, sub,
mul, mulx, div, pow, der, int, fromroots, roots, companion, line, trim, fit, conversions to
and from power series) on random float64 coefficients of several lengths (complex128 for
the arithmetic), the classes (mapping, arithmetic, calculus, roots, fit, convert,
linspace, truncation), their printing (compared exactly) and NumPy's errors.

Tolerances: values and coefficients rtol 1e-10 with an absolute floor scaled by the
family's growth (nprs evaluates every family by one generic Clenshaw recurrence, so the
last bits differ from NumPy's per-family loops); roots 1e-8 relative (different eigen
solvers, compared as sets); fits rtol 1e-8."""

LENS = [1, 2, 3, 5, 8, 13]
# prefix, module, class, absolute-error scale, x range
FAMILIES = [
    ("poly", "polynomial", "Polynomial", 1.0, (-1, 1)),
    ("cheb", "chebyshev", "Chebyshev", 1.0, (-1, 1)),
    ("leg", "legendre", "Legendre", 1.0, (-1, 1)),
    ("herm", "hermite", "Hermite", 1e5, (-1, 1)),
    ("herme", "hermite_e", "HermiteE", 1e3, (-1, 1)),
    ("lag", "laguerre", "Laguerre", 1e3, (0, 2)),
]


def generate(g):
    for fi, (p, mod, cls, scale, (lo, hi)) in enumerate(FAMILIES):
        tol = {"rtol": 1e-10, "atol": 1e-10 * scale}
        M = f"np.polynomial.{mod}"
        for n in LENS:
            k = f"{p}_n{n}"
            setup = (f"rng = np.random.default_rng({7000 + 100 * fi + n})\n"
                     f"c = rng.standard_normal({n})\nd = rng.standard_normal({n // 2 + 1})\n"
                     f"x = rng.uniform({lo}, {hi}, 37)\nr = rng.uniform({lo}, {hi}, {n})\n"
                     f"M = {M}")
            g.case(f"{k}_c", "c", setup=setup)
            g.case(f"{k}_d", "d", setup=setup)
            g.case(f"{k}_x", "x", setup=setup)
            g.case(f"{k}_r", "r", setup=setup)
            g.case(f"{k}_val", f"M.{p}val(x, c)", setup=setup, **tol)
            g.case(f"{k}_vander", f"M.{p}vander(x, {n - 1})", setup=setup, **tol)
            g.case(f"{k}_add", f"M.{p}add(c, d)", setup=setup)
            g.case(f"{k}_sub", f"M.{p}sub(d, c)", setup=setup)
            g.case(f"{k}_mul", f"M.{p}mul(c, d)", setup=setup, **tol)
            g.case(f"{k}_mulx", f"M.{p}mulx(c)", setup=setup, **tol)
            g.case(f"{k}_div", f"M.{p}div(c, d)", setup=setup, rtol=1e-8, atol=1e-8 * scale)
            if n <= 5:
                g.case(f"{k}_pow3", f"M.{p}pow(c, 3)", setup=setup, **tol)
            for m in (0, 1, 2, 3):
                g.case(f"{k}_der{m}", f"M.{p}der(c, {m})", setup=setup, **tol)
            g.case(f"{k}_der2s", f"M.{p}der(c, 2, scl=1.5)", setup=setup, **tol)
            g.case(f"{k}_int1", f"M.{p}int(c)", setup=setup, **tol)
            g.case(f"{k}_int2", f"M.{p}int(c, 2, k=[1.0, -2.0], lbnd=0.5, scl=1.5)", setup=setup, **tol)
            g.case(f"{k}_int3", f"M.{p}int(c, 3, k=[0.25])", setup=setup, **tol)
            g.case(f"{k}_fromroots", f"M.{p}fromroots(r)", setup=setup, **tol)
            g.case(f"{k}_roots", f"np.sort_complex(M.{p}roots(c).astype(complex))", setup=setup, rtol=1e-8, atol=1e-8)
            if n >= 2:
                g.case(f"{k}_companion", f"M.{p}companion(c)", setup=setup, **tol)
            g.case(f"{k}_trim", f"M.{p}trim(np.concatenate([c, [1e-3, 0.0]]), 0.01)", setup=setup)
            if p != "poly":
                g.case(f"{k}_2poly", f"M.{p}2poly(c)", setup=setup, **tol)
                g.case(f"{k}_poly2", f"M.poly2{p}(c)", setup=setup, **tol)
            # complex coefficients and points
            if n in (3, 8):
                cs = setup + "\ncc = c + 1j * rng.standard_normal(c.shape)\nxc = x + 0.5j * x[::-1]"
                g.case(f"{k}_cc", "cc", setup=cs)
                g.case(f"{k}_xc", "xc", setup=cs)
                g.case(f"{k}_cval", f"M.{p}val(xc, cc)", setup=cs, **tol)
                g.case(f"{k}_cmul", f"M.{p}mul(cc, d)", setup=cs, **tol)
                g.case(f"{k}_cder", f"M.{p}der(cc, 1, scl=2.0)", setup=cs, **tol)
                g.case(f"{k}_cint", f"M.{p}int(cc, 1, k=[1j])", setup=cs, **tol)
            # fits
            fit = (f"rng = np.random.default_rng({8000 + 100 * fi + n})\nxs = np.linspace({lo}, {hi}, {n + 20})\n"
                   f"ys = rng.standard_normal(({n + 20}, 2))\nw = rng.uniform(0.5, 2, {n + 20})\nM = {M}")
            dg = min(n, 6)
            ftol = {"rtol": 1e-8, "atol": 1e-9 * scale}
            g.case(f"{k}_fx", "xs", setup=fit)
            g.case(f"{k}_fy", "ys", setup=fit)
            g.case(f"{k}_fw", "w", setup=fit)
            g.case(f"{k}_fit", f"M.{p}fit(xs, ys[:, 0], {dg})", setup=fit, **ftol)
            g.case(f"{k}_fit_w", f"M.{p}fit(xs, ys[:, 0], {dg}, w=w)", setup=fit, **ftol)
            g.case(f"{k}_fit_2d", f"M.{p}fit(xs, ys, {dg})", setup=fit, **ftol)
            g.case(f"{k}_fit_terms", f"M.{p}fit(xs, ys[:, 1], [0, {dg}])", setup=fit, **ftol)
            g.case(f"{k}_fit_full", f"(lambda r: (r[0], *r[1]))(M.{p}fit(xs, ys[:, 1], {dg}, full=True))", setup=fit, **ftol)
            # the class
            cs = setup + f"\nK = np.polynomial.{cls}\nP = K(c, domain=[-2.0, 3.0])\nQ = K(d, domain=[-2.0, 3.0])"
            g.case(f"{k}_K_call", "P(x)", setup=cs, **tol)
            g.case(f"{k}_K_add", "(P + Q).coef", setup=cs)
            g.case(f"{k}_K_sub", "(P - Q).coef", setup=cs)
            g.case(f"{k}_K_mul", "(P * Q).coef", setup=cs, **tol)
            g.case(f"{k}_K_floordiv", "(P // Q).coef", setup=cs, rtol=1e-8, atol=1e-8 * scale)
            g.case(f"{k}_K_mod", "(P % Q).coef", setup=cs, rtol=1e-8, atol=1e-8 * scale)
            g.case(f"{k}_K_pow2", "(P ** 2).coef", setup=cs, **tol)
            g.case(f"{k}_K_addsc", "(P + 2.5).coef", setup=cs)
            g.case(f"{k}_K_rsubsc", "(2.5 - P).coef", setup=cs)
            g.case(f"{k}_K_mulsc", "(P * 3.0).coef", setup=cs, **tol)
            g.case(f"{k}_K_divsc", "(P / 2.0).coef", setup=cs, **tol)
            g.case(f"{k}_K_neg", "(-P).coef", setup=cs)
            g.case(f"{k}_K_deriv", "P.deriv(2).coef", setup=cs, **tol)
            g.case(f"{k}_K_integ", "P.integ(2, k=[1.0], lbnd=0.5).coef", setup=cs, **tol)
            g.case(f"{k}_K_roots", "np.sort_complex(P.roots().astype(complex))", setup=cs, rtol=1e-8, atol=1e-8)
            g.case(f"{k}_K_convert_poly", "P.convert(kind=np.polynomial.Polynomial).coef", setup=cs,
                   rtol=1e-9, atol=1e-9 * scale)
            g.case(f"{k}_K_convert_cheb", "P.convert(kind=np.polynomial.Chebyshev, domain=[0.0, 1.0]).coef", setup=cs,
                   rtol=1e-9, atol=1e-9 * scale)
            g.case(f"{k}_K_linspace", "P.linspace(9)", setup=cs, **tol)
            g.case(f"{k}_K_cutdeg", "P.cutdeg(2).coef", setup=cs)
            g.case(f"{k}_K_trim", "P.trim(0.5).coef", setup=cs)
            g.case(f"{k}_K_fromroots", "K.fromroots(r, domain=[-2.0, 3.0]).coef", setup=cs, **tol)
            fc = fit + f"\nK = np.polynomial.{cls}"
            # Laguerre series on a sub-interval of their window [0, 1] are ill-conditioned
            # (coefficients ~1e7 for data ~1): the last digits follow the rounding of the
            # Vandermonde matrix, so 1e-6 relative there.
            wtol = {"rtol": 1e-6, "atol": 1e-9 * scale} if p == "lag" else ftol
            g.case(f"{k}_K_fit", f"K.fit(xs, ys[:, 0], {dg}).coef", setup=fc, **ftol)
            g.case(f"{k}_K_fit_domain", f"K.fit(xs, ys[:, 0], {dg}).domain", setup=fc)
            g.case(f"{k}_K_fit_w", f"K.fit(xs, ys[:, 1], {dg}, w=w, domain=[{lo} - 0.5, {hi} + 0.5]).coef", setup=fc, **wtol)
            g.case(f"{k}_K_fit_eval", f"K.fit(xs, ys[:, 1], [1, {dg}])(xs)", setup=fc, **ftol)
        # printing, exact
        K = f"np.polynomial.{cls}"
        g.case(f"{p}_str", f"str({K}([1.0, -2.5, 3.0, 0.0, -0.125]))")
        g.case(f"{p}_ascii", f"format({K}([1.0, -2.5, 3.0, 0.0, -0.125]), 'ascii')")
        g.case(f"{p}_repr", f"repr({K}([1.0, -2.5, 3.0, 0.0, -0.125]))")
        g.case(f"{p}_str_domain", f"str({K}([0.5, 1e9, -1e-7, np.nan], domain=[0.0, 4.0]))")
        g.case(f"{p}_repr_domain", f"repr({K}([0.5, 1e9, -1e-7], domain=[0.0, 4.0], symbol='t'))")
        g.case(f"{p}_ascii_shift", f"format({K}([1.0, 2.0, 3.0], domain=[1.0, 3.0], window=[0.0, 2.0]), 'ascii')")
        g.case(f"{p}_str_scale", f"str({K}([1.0, 2.0, 3.0], domain=[-2.0, 2.0]))")
        ls = "a = np.random.default_rng(9).standard_normal(19)"
        g.case(f"{p}_long", "a", setup=ls)
        g.case(f"{p}_str_long", f"str({K}(a))", setup=ls)
        g.case(f"{p}_ascii_long", f"format({K}(a * 1e4), 'ascii')", setup=ls)
        g.case(f"{p}_repr_long", f"repr({K}(a))", setup=ls)
        # errors
        es = f"M = np.polynomial.{mod}\nK = np.polynomial.{cls}"
        g.case(f"{p}_err_domains", "K([1.0]) + K([1.0], domain=[0.0, 2.0])", setup=es)
        g.case(f"{p}_err_windows", "K([1.0]) - K([1.0], window=[0.0, 2.0])", setup=es)
        g.case(f"{p}_err_symbols", "K([1.0]) * K([1.0], symbol='t')", setup=es)
        g.case(f"{p}_err_pow_neg", "K([1.0, 2.0]) ** -1", setup=es)
        g.case(f"{p}_err_pow_big", "K([1.0, 2.0]) ** 101", setup=es)
        g.case(f"{p}_err_divzero", "divmod(K([1.0, 2.0]), K([0.0]))", setup=es)
        g.case(f"{p}_err_truncate", "K([1.0, 2.0]).truncate(0)", setup=es)
        g.case(f"{p}_err_trim", "K([1.0, 2.0]).trim(-1.0)", setup=es)
        g.case(f"{p}_err_der", f"M.{p}der([1.0, 2.0], -1)", setup=es)
        g.case(f"{p}_err_int", f"M.{p}int([1.0, 2.0], -1)", setup=es)
        g.case(f"{p}_err_int_k", f"M.{p}int([1.0, 2.0], 1, k=[1.0, 2.0])", setup=es)
        g.case(f"{p}_err_vander", f"M.{p}vander([1.0, 2.0], -1)", setup=es)
        g.case(f"{p}_err_fit_deg", f"M.{p}fit([1.0, 2.0], [1.0, 2.0], -1)", setup=es)
        g.case(f"{p}_err_fit_terms", f"M.{p}fit([1.0, 2.0], [1.0, 2.0], [])", setup=es)
        g.case(f"{p}_err_fit_x2d", f"M.{p}fit(np.ones((2, 2)), [1.0, 2.0], 1)", setup=es)
        g.case(f"{p}_err_fit_len", f"M.{p}fit([1.0, 2.0], [1.0, 2.0, 3.0], 1)", setup=es)
        g.case(f"{p}_err_fit_w", f"M.{p}fit([1.0, 2.0], [1.0, 2.0], 1, w=[1.0])", setup=es)
        g.case(f"{p}_err_companion", f"M.{p}companion([1.0])", setup=es)
        g.case(f"{p}_err_pow_mod", f"M.{p}pow([1.0, 2.0], 17, maxpower=16)", setup=es)
        g.case(f"{p}_err_div_mod", f"M.{p}div([1.0, 2.0], [0.0])", setup=es)
        g.case(f"{p}_err_empty", f"M.{p}add([], [1.0])", setup=es)
    generate_more(g)
    generate_polyutils(g)
    generate_printoptions(g)
    generate_latex(g)


KINDS = ["Polynomial", "Chebyshev", "Legendre", "Hermite", "HermiteE", "Laguerre"]


def generate_more(g):
    """Lines, identities, basis functions, casts and conversions to every family, the 2-D
    and 3-D functions, the constants, and the print style switch."""
    for fi, (p, mod, cls, scale, (lo, hi)) in enumerate(FAMILIES):
        tol = {"rtol": 1e-10, "atol": 1e-10 * scale}
        M = f"np.polynomial.{mod}"
        K = f"np.polynomial.{cls}"
        setup = (f"rng = np.random.default_rng({9000 + fi})\nc = rng.standard_normal(5)\n"
                 f"c2 = rng.standard_normal((3, 4))\nc3 = rng.standard_normal((2, 3, 2))\n"
                 f"x = rng.uniform({lo}, {hi}, 7)\ny = rng.uniform({lo}, {hi}, 7)\nz = rng.uniform({lo}, {hi}, 7)\n"
                 f"xg = rng.uniform({lo}, {hi}, 3)\nyg = rng.uniform({lo}, {hi}, 2)\nM = {M}\nK = {K}\n"
                 "P = K(c, domain=[-2.0, 3.0])")
        for v in ("c", "c2", "c3", "x", "y", "z", "xg", "yg"):
            g.case(f"{p}_m_{v}", v, setup=setup)
        g.case(f"{p}_m_line", f"M.{p}line(1.5, -2.0)", setup=setup)
        g.case(f"{p}_m_identity", "K.identity(domain=[0.0, 4.0]).coef", setup=setup, **tol)
        g.case(f"{p}_m_basis", "K.basis(3, domain=[0.0, 2.0]).coef", setup=setup)
        g.case(f"{p}_m_cast", "K.cast(np.polynomial.Legendre([1.0, 2.0, 3.0], domain=[0.0, 2.0])).coef",
               setup=setup, rtol=1e-9, atol=1e-9 * scale)
        for kind in KINDS:
            g.case(f"{p}_m_convert_{kind}", f"P.convert(kind=np.polynomial.{kind}).coef", setup=setup,
                   rtol=1e-9, atol=1e-9 * scale)
        g.case(f"{p}_m_val2d", f"M.{p}val2d(x, y, c2)", setup=setup, **tol)
        g.case(f"{p}_m_val3d", f"M.{p}val3d(x, y, z, c3)", setup=setup, **tol)
        g.case(f"{p}_m_grid2d", f"M.{p}grid2d(xg, yg, c2)", setup=setup, **tol)
        g.case(f"{p}_m_grid3d", f"M.{p}grid3d(xg, yg, xg, c3)", setup=setup, **tol)
        g.case(f"{p}_m_vander2d", f"M.{p}vander2d(x, y, [2, 3])", setup=setup, **tol)
        g.case(f"{p}_m_vander3d", f"M.{p}vander3d(x, y, z, [1, 2, 1])", setup=setup, **tol)
        g.case(f"{p}_m_val2d_bad", f"M.{p}val2d(x, y[:3], c2)", setup=setup)
        g.case(f"{p}_m_vander2d_bad", f"M.{p}vander2d(x, y, [1, -1])", setup=setup)
        for const in ("domain", "zero", "one", "x"):
            g.case(f"{p}_const_{const}", f"np.asarray(M.{p}{const}, dtype=float)", setup=setup)
        g.case(f"{p}_m_symbol_bad", "K([1.0], symbol='1x')", setup=setup)
        g.case(f"{p}_m_basis_bad", "K.basis(-1)", setup=setup)
        g.case(f"{p}_m_call_series", "P(np.polynomial.Chebyshev([0.5, 0.25, -1.0], domain=[0.0, 1.0])).coef",
               setup=setup, rtol=1e-9, atol=1e-9 * scale)
        g.case(f"{p}_m_call_series_domain", "P(np.polynomial.Chebyshev([0.5, 0.25, -1.0], domain=[0.0, 1.0])).domain",
               setup=setup)
        g.case(f"{p}_m_ascii_style", "np.polynomial.set_default_printstyle('ascii')\ns = str(P)\n"
               "np.polynomial.set_default_printstyle('unicode')", setup=setup, result="s")
    vs = "rng = np.random.default_rng(9900)\nx = rng.uniform(-2, 2, (3, 5))\nr = rng.uniform(-2, 2, 6)"
    g.case("valfromroots_x", "x", setup=vs)
    g.case("valfromroots_r", "r", setup=vs)
    g.case("valfromroots", "np.polynomial.polynomial.polyvalfromroots(x, r)", setup=vs, rtol=1e-14, atol=1e-14)
    g.case("printstyle_bad", "np.polynomial.set_default_printstyle('foo')")
    # Gauss quadrature (nodes from eigvalsh plus a Newton step: 1e-11 relative), weights.
    for fi, (p, mod, cls, scale, (lo, hi)) in enumerate(FAMILIES):
        if p == "poly":
            continue
        M = f"np.polynomial.{mod}"
        for n in (1, 2, 5, 12, 30):
            g.case(f"{p}_gauss{n}", f"{M}.{p}gauss({n})", rtol=1e-11, atol=1e-13)
        g.case(f"{p}_gauss_bad", f"{M}.{p}gauss(0)")
        ws = f"x = np.random.default_rng({9500 + fi}).uniform({lo} + 0.01, {hi} - 0.01, 23)"
        g.case(f"{p}_wx", "x", setup=ws)
        g.case(f"{p}_weight", f"{M}.{p}weight(x)", setup=ws, rtol=1e-14, atol=0.0)
    C = "np.polynomial.chebyshev"
    for n in (1, 2, 7, 20):
        g.case(f"chebpts1_{n}", f"{C}.chebpts1({n})", rtol=1e-14, atol=1e-15)
        if n >= 2:
            g.case(f"chebpts2_{n}", f"{C}.chebpts2({n})", rtol=1e-14, atol=1e-15)
    g.case("chebpts1_bad", f"{C}.chebpts1(0)")
    g.case("chebpts2_bad", f"{C}.chebpts2(1)")
    g.case("chebinterpolate_cos", f"{C}.chebinterpolate(np.cos, 8)", rtol=1e-12, atol=1e-14)
    g.case("chebinterpolate_tanh", f"{C}.chebinterpolate(np.tanh, 5)", rtol=1e-12, atol=1e-14)
    g.case("chebinterpolate_bad", f"{C}.chebinterpolate(np.cos, -1)")


def generate_polyutils(g):
    """numpy.polynomial.polyutils helpers."""
    pu = "np.polynomial.polyutils"
    s = "rng = np.random.default_rng(9950)\nx = rng.uniform(-3, 3, (2, 7))\nc = np.concatenate([rng.standard_normal(4), [1e-4, 0.0, 0.0]])"
    g.case("pu_x", "x", setup=s)
    g.case("pu_c", "c", setup=s)
    g.case("pu_mapdomain", f"{pu}.mapdomain(x, [-3.0, 3.0], [0.0, 1.0])", setup=s, rtol=1e-15, atol=1e-15)
    g.case("pu_mapparms", f"{pu}.mapparms([-3.0, 3.0], [0.0, 1.0])")
    g.case("pu_getdomain", f"{pu}.getdomain(x.ravel())", setup=s)
    g.case("pu_trimseq", f"{pu}.trimseq(c)", setup=s)
    g.case("pu_trimcoef", f"{pu}.trimcoef(c, 1e-3)", setup=s)
    g.case("pu_as_series", f"{pu}.as_series([c])[0]", setup=s)
    g.case("pu_as_series_notrim", f"{pu}.as_series([c], trim=False)[0]", setup=s)
    g.case("pu_trimcoef_bad", f"{pu}.trimcoef(c, -1.0)", setup=s)
    g.case("pu_as_series_empty", f"{pu}.as_series([[]])")


def generate_printoptions(g):
    """str of the series under print options (precision, floatmode, sign, linewidth)."""
    s = "a = np.random.default_rng(9960).standard_normal(9) * np.array([1, 1e-5, 1e3, 1e9, 1, 0.5, 2, 1e-9, 3])"
    g.case("po_a", "a", setup=s)
    for cls in KINDS:
        K = f"np.polynomial.{cls}"
        g.case(f"po_{cls}_prec3", f"with np.printoptions(precision=3):\n    r = str({K}(a, domain=[0.0, 3.0]))",
               setup=s, result="r")
        g.case(f"po_{cls}_fixed", f"with np.printoptions(precision=4, floatmode='fixed', sign='+'):\n"
               f"    r = str({K}(a))", setup=s, result="r")
        g.case(f"po_{cls}_narrow", f"with np.printoptions(linewidth=30):\n    r = format({K}(a), 'ascii')",
               setup=s, result="r")


def generate_latex(g):
    """_repr_latex_ (exact), len and the has_same* predicates."""
    for cls in KINDS:
        K = f"np.polynomial.{cls}"
        g.case(f"tex_{cls}", f"{K}([1.0, -2.5, 0.0, 3.0, 1e-9])._repr_latex_()")
        g.case(f"tex_{cls}_domain", f"{K}([0.5, 0.0, -1e9], domain=[0.0, 2.0], symbol='t')._repr_latex_()")
        g.case(f"tex_{cls}_shift", f"{K}([0.5, 2.0], domain=[1.0, 3.0], window=[0.0, 2.0])._repr_latex_()")
        s = f"P = {K}([1.0, 2.0, 3.0])\nQ = {K}([1.0, 2.0, 3.0], domain=[0.0, 1.0])\nR = {K}([1.0, 2.0])"
        g.case(f"same_{cls}", "(len(P), P.has_samecoef(Q), P.has_samecoef(R), P.has_samedomain(Q), "
               "P.has_samewindow(Q), P == Q, P == P.copy())", setup=s)
