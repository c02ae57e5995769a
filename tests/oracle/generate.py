#!/usr/bin/env python3
"""Runs real NumPy and writes the golden data that nprs's tests compare against.

Every case is a NumPy expression (optionally after some setup statements). Its result --
an array, a scalar, a string, a tuple, or the exception NumPy raised -- is recorded under
tests/oracle/data/<group>/<file>.json together with the code that produced it, so a
failing Rust test can print the NumPy code it disagrees with.

    python generate.py            # (re)write tests/oracle/data
    python generate.py --check    # regenerate into a temporary folder and compare bytes
    python generate.py --only core/creation   # just one case file

Case files live in tests/oracle/groups/<group>/<file>.py and define ``generate(g)``,
calling ``g.case(...)``; see tests/oracle/README.md.
"""

import argparse
import filecmp
import importlib.util
import io
import json
import math
import os
import pathlib
import shutil
import sys
import tempfile
import warnings

import numpy as np

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

ROOT = pathlib.Path(__file__).resolve().parent
GROUPS = ROOT / "groups"
DATA = ROOT / "data"
# Arrays with more elements than this go to a .npy file beside the JSON.
INLINE_MAX = 2048
EXPECTED_NUMPY = "2.4.6"


def enc_float(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def enc_elem(kind, x):
    if kind == "b":
        return bool(x)
    if kind in "iu":
        return int(x)
    if kind == "f":
        return enc_float(x)
    if kind == "c":
        return [enc_float(x.real), enc_float(x.imag)]
    if kind == "U":
        return str(x)
    if kind == "S":
        return bytes(x).decode("latin-1")
    if kind in "mM":
        return int(x.view("i8")) if hasattr(x, "view") else int(x)
    raise TypeError(f"cannot encode element of kind {kind!r}")


class Group:
    """One case file's cases; written to data/<name>.json."""

    def __init__(self, name, out_dir):
        self.name = name
        self.out_dir = out_dir
        self.cases = {}

    def case(self, name, expr, *, setup="", result=None, ulp=None, rtol=None, atol=None, note=None):
        """Records what NumPy gives for ``expr``.

        expr   -- a Python expression (with ``np`` in scope); or, when ``result`` names a
                  variable, statements that assign it.
        setup  -- statements run first (their variables are visible to expr).
        ulp / rtol / atol -- the float tolerance the Rust side must meet (default: exact).
        """
        if name in self.cases:
            raise ValueError(f"{self.name}: duplicate case {name!r}")
        ns = {"np": np}
        code = (setup.strip() + "\n" if setup else "") + expr.strip()
        try:
            if setup:
                exec(setup, ns)
            if result is None:
                value = eval(expr, ns)
            else:
                exec(expr, ns)
                value = ns[result]
            encoded = self.encode(name, value)
        except Exception as e:  # the error NumPy raises is the expectation
            encoded = {"error": {"type": type(e).__name__, "message": str(e)}}
        entry = {"expr": code, "result": encoded}
        tol = {k: v for k, v in (("ulp", ulp), ("rtol", rtol), ("atol", atol)) if v is not None}
        if tol:
            entry["tol"] = tol
        if note:
            entry["note"] = note
        self.cases[name] = entry

    def encode(self, name, v, path=""):
        if isinstance(v, np.ndarray):
            return {"array": self.encode_array(f"{name}{path}", v)}
        if isinstance(v, np.generic):
            a = np.asarray(v)
            return {"scalar": {"dtype": a.dtype.str, "name": a.dtype.name, "value": enc_elem(a.dtype.kind, a[()])}}
        if isinstance(v, (bool, np.bool_)):
            return {"bool": bool(v)}
        if isinstance(v, int):
            return {"int": v if -(2**63) <= v < 2**64 else str(v)}
        if isinstance(v, float):
            return {"float": enc_float(v)}
        if isinstance(v, complex):
            return {"complex": [enc_float(v.real), enc_float(v.imag)]}
        if isinstance(v, str):
            return {"str": v}
        if isinstance(v, bytes):
            return {"str": v.decode("latin-1")}
        if v is None:
            return {"none": True}
        if isinstance(v, (tuple, list)):
            return {"list": [self.encode(name, x, f"{path}_{i}") for i, x in enumerate(v)]}
        if isinstance(v, dict):
            return {"dict": {str(k): self.encode(name, x, f"{path}_{k}") for k, x in v.items()}}
        if isinstance(v, np.dtype):
            return {"dtype": {"str": v.str, "name": v.name}}
        raise TypeError(f"{self.name}/{name}: cannot record a {type(v).__name__}")

    def encode_array(self, key, a):
        meta = {"dtype": a.dtype.str, "name": a.dtype.name, "shape": list(a.shape)}
        if a.size > INLINE_MAX or a.dtype.names is not None:
            rel = f"{self.name}/{key}.npy"
            path = self.out_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            np.save(path, a, allow_pickle=False)
            meta["npy"] = rel
        else:
            flat = a.reshape(-1) if a.ndim else a.reshape(1)
            meta["data"] = [enc_elem(a.dtype.kind, x) for x in flat]
        return meta

    def write(self):
        path = self.out_dir / f"{self.name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        # One case per line: small diffs, stable bytes.
        dump = lambda v: json.dumps(v, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        lines = [f" {dump(k)}:{dump(v)}" for k, v in self.cases.items()]
        head = f'{{"numpy":{dump(np.__version__)},"group":{dump(self.name)},"cases":{{\n'
        path.write_text(head + ",\n".join(lines) + "\n}}\n", encoding="utf-8")


def case_files(only=None):
    for f in sorted(GROUPS.glob("*/*.py")):
        name = f"{f.parent.name}/{f.stem}"
        if f.stem.startswith("_"):
            continue
        if only and name not in only:
            continue
        yield name, f


def run(out_dir, only=None):
    np.set_printoptions()  # defaults, whatever the environment
    for name, f in case_files(only):
        spec = importlib.util.spec_from_file_location(f"oracle_{name.replace('/', '_')}", f)
        mod = importlib.util.module_from_spec(spec)
        # Case files may share helpers in `_*.py` modules of their own group folder.
        sys.path.insert(0, str(f.parent))
        before = set(sys.modules)
        try:
            spec.loader.exec_module(mod)
        finally:
            sys.path.remove(str(f.parent))
            for helper in set(sys.modules) - before:  # another group's `_show` is another module
                del sys.modules[helper]
        g = Group(name, out_dir)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mod.generate(g)
            np.set_printoptions()
        g.write()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="regenerate into a temporary folder and compare")
    ap.add_argument("--only", action="append", help="a case file such as core/creation (repeatable)")
    args = ap.parse_args()
    if np.__version__ != EXPECTED_NUMPY:
        sys.exit(f"the oracle needs numpy=={EXPECTED_NUMPY}, found {np.__version__}")
    if not args.check:
        if not args.only and DATA.exists():
            shutil.rmtree(DATA)
        for name in args.only or []:
            # A case file's data is its JSON and the folder of its .npy files.
            (DATA / f"{name}.json").unlink(missing_ok=True)
            if (DATA / name).is_dir():
                shutil.rmtree(DATA / name)
        DATA.mkdir(parents=True, exist_ok=True)
        run(DATA, args.only)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        run(tmp, args.only)
        fresh = sorted(p.relative_to(tmp) for p in tmp.rglob("*") if p.is_file())
        if args.only:
            committed = sorted(p.relative_to(DATA) for p in DATA.rglob("*") if p.is_file()
                               and any(str(p.relative_to(DATA)).startswith(o) for o in args.only))
        else:
            committed = sorted(p.relative_to(DATA) for p in DATA.rglob("*") if p.is_file())
        problems = []
        if fresh != committed:
            problems.append(f"file lists differ: only fresh {sorted(set(fresh) - set(committed))}, "
                            f"only committed {sorted(set(committed) - set(fresh))}")
        for rel in fresh:
            if (DATA / rel).exists() and not filecmp.cmp(tmp / rel, DATA / rel, shallow=False):
                problems.append(f"{rel} differs from what NumPy produces now")
        if problems:
            print("oracle data is stale; run `cargo xtask golden`:", *problems, sep="\n  ")
            sys.exit(1)
        print(f"oracle data matches NumPy {np.__version__} ({len(fresh)} files)")


if __name__ == "__main__":
    main()
