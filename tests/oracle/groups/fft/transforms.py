"""numpy.fft transforms: every function, norm, dtype, even/odd/prime lengths, n shorter and
longer than the input, several axes, strided inputs, on random data.

Case names encode the call for the Rust test: ``func__input__opt__opt``, options ``n<int>``,
``ax<int>``, ``s<ints>``, ``axes<ints>`` (comma-separated, ``axes_`` for an empty tuple),
``ortho``/``forward`` and ``T`` (the input transposed, a strided view). Inputs are recorded
as ``in__<input>`` cases.
"""

import numpy as np

LENGTHS = (1, 2, 7, 8, 9, 16, 17, 101, 1024)


def inputs():
    ins = {}
    for L in LENGTHS:
        s = f"rng = np.random.default_rng({L}); "
        ins[f"f64_{L}"] = s + f"a = rng.standard_normal({L})"
        ins[f"c128_{L}"] = s + f"a = rng.standard_normal({L}) + 1j * rng.standard_normal({L})"
        if L <= 101:
            ins[f"f32_{L}"] = s + f"a = rng.standard_normal({L}).astype(np.float32)"
            ins[f"c64_{L}"] = s + f"a = (rng.standard_normal({L}) + 1j * rng.standard_normal({L})).astype(np.complex64)"
    ins["i64_9"] = "a = np.random.default_rng(3).integers(-50, 50, 9)"
    for name, shape in (("2d", (4, 6)), ("3d", (2, 3, 4))):
        s = f"rng = np.random.default_rng({len(shape)}); "
        n = int(np.prod(shape))
        ins[f"f64_{name}"] = s + f"a = rng.standard_normal({n}).reshape{shape}"
        ins[f"c128_{name}"] = s + f"a = (rng.standard_normal({n}) + 1j * rng.standard_normal({n})).reshape{shape}"
        ins[f"f32_{name}"] = s + f"a = rng.standard_normal({n}).reshape{shape}.astype(np.float32)"
        ins[f"c64_{name}"] = s + f"a = (rng.standard_normal({n}) + 1j * rng.standard_normal({n})).reshape{shape}.astype(np.complex64)"
    return ins


def call(func, opts):
    args = ["a.T" if "T" in opts else "a"]
    for o in opts:
        if o.startswith("n"):
            args.append(f"n={o[1:]}")
        elif o.startswith("axes"):
            args.append(f"axes=({o[4:].replace('_', '')},)" if o != "axes_" else "axes=()")
        elif o.startswith("ax"):
            args.append(f"axis={o[2:]}")
        elif o.startswith("s"):
            args.append(f"s=({o[1:]},)")
        elif o in ("ortho", "forward"):
            args.append(f"norm='{o}'")
    return f"np.fft.{func}({', '.join(args)})"


def generate(g):
    ins = inputs()
    for name, setup in ins.items():
        g.case(f"in__{name}", "a", setup=setup)

    def case(func, name, *opts):
        g.case("__".join((func, name) + opts), call(func, opts), setup=ins[name])

    one_d = [k for k in ins if not k.endswith("d")]
    for name in one_d:
        L = int(name.split("_")[1])
        real = not name.startswith("c")
        funcs = ["fft", "ifft", "irfft", "hfft"] + (["rfft", "ihfft"] if real else [])
        if L > 101:
            # One long length: the complex and the real pair, default arguments.
            funcs = ["fft", "irfft"] + (["rfft"] if real else [])
        for f in funcs:
            if f in ("irfft", "hfft") and L == 1:
                case(f, name, "n1")
                case(f, name, "n2", "ortho")
                continue
            case(f, name)
            if L > 101:
                continue
            case(f, name, "ortho")
            if L > 17:
                case(f, name, f"n{L // 2 + 1}", "forward")
                continue
            case(f, name, "forward")
            if L > 2:
                case(f, name, f"n{L // 2}")
            case(f, name, f"n{L + 3}")
            case(f, name, f"n{2 * L + 1}", "forward")

    for name in [k for k in ins if k.endswith("d")]:
        real = not name.startswith("c")
        three = name.endswith("3d")
        for f in ("fft", "ifft", "irfft", "hfft") + (("rfft", "ihfft") if real else ()):
            case(f, name, "ax0")
            case(f, name, "ax-1", "T")
            case(f, name, "ax1", "n7", "ortho")
        nd = ["fftn", "ifftn", "fft2", "ifft2", "irfftn", "irfft2"] + (["rfftn", "rfft2"] if real else [])
        for f in nd:
            case(f, name)
            case(f, name, "ortho")
            case(f, name, "forward", "T")
            case(f, name, "axes0")
            case(f, name, "axes-1,0")
            case(f, name, "s4,7", "axes0,1")
            case(f, name, "s-1,5", "axes1,0", "ortho")
            if three:
                case(f, name, "axes0,2")
                case(f, name, "s3,2,6", "axes0,1,2", "T")
        for f in ("fftn", "ifftn"):
            case(f, name, "axes0,0")
            case(f, name, "s3,8", "axes1,1", "ortho")
        if real:
            case("rfftn", name, "axes1,1")
            case("irfftn", name, "axes0,0")
