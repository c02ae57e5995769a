"""NumPy's public names, per namespace, for the porting map: `docs/porting.md` must give
every one an nprs path, or say why it is not provided, or list it as missing
(`crates/nprs/tests/porting_map.rs` checks it). A module's names are its `__all__`; a
class's are the names of `dir(cls)` without a leading underscore."""

# (case name, the module or class, "all" for a module's __all__ or "dir" for a class)
NAMESPACES = [
    ("numpy", "np", "all"),
    ("numpy.ndarray", "np.ndarray", "dir"),
    ("numpy.linalg", "np.linalg", "all"),
    ("numpy.fft", "np.fft", "all"),
    ("numpy.random", "np.random", "all"),
    ("numpy.random.Generator", "np.random.Generator", "dir"),
    ("numpy.random.RandomState", "np.random.RandomState", "dir"),
    ("numpy.ma", "np.ma", "all"),
    ("numpy.strings", "np.strings", "all"),
    ("numpy.char", "np.char", "all"),
    ("numpy.rec", "np.rec", "all"),
    ("numpy.testing", "np.testing", "all"),
    ("numpy.polynomial", "np.polynomial", "all"),
    ("numpy.polynomial.Polynomial", "np.polynomial.Polynomial", "dir"),
    ("numpy.polynomial.polynomial", "np.polynomial.polynomial", "all"),
    ("numpy.polynomial.chebyshev", "np.polynomial.chebyshev", "all"),
    ("numpy.polynomial.legendre", "np.polynomial.legendre", "all"),
    ("numpy.polynomial.hermite", "np.polynomial.hermite", "all"),
    ("numpy.polynomial.hermite_e", "np.polynomial.hermite_e", "all"),
    ("numpy.polynomial.laguerre", "np.polynomial.laguerre", "all"),
]

IMPORTS = "import numpy.ma, numpy.strings, numpy.testing, numpy.polynomial"


def generate(g):
    for name, obj, how in NAMESPACES:
        if how == "all":
            names = f"sorted(set({obj}.__all__))"
        else:
            names = f"sorted(n for n in dir({obj}) if not n.startswith('_'))"
        # An input case (its code ends in a bare name): the list the map is checked against.
        g.case(name, "names", setup=f"{IMPORTS}\nnames = {names}")
