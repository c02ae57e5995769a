"""The NumPy side of `cargo xtask bench --compare`.

`python numpy_compare.py serve` answers the line protocol described in
benches/src/serve.rs: one JSON request per line on stdin, one JSON answer per line on
stdout. The workload code (setup statements and the timed expression) comes from the
nprs workload table with each `setup` request, so this file holds no workloads itself.

The inputs are generated exactly as benches/src/data.rs generates them (SplitMix64 over a
counter, with wrapping uint64 arithmetic), and results are checked with the same
position-weighted checksum as benches/src/output.rs.
"""

import gc
import json
import math
import os
import platform
import sys
import time

import numpy as np

GAMMA = 0x9E3779B97F4A7C15
SEED_MIX = 0xD1B54A32D192ED03
MASK64 = (1 << 64) - 1


def bits(n, seed):
    """n random 64-bit words of stream `seed` (data::bits)."""
    z = np.arange(1, n + 1, dtype=np.uint64)
    z *= np.uint64(GAMMA)
    z += np.uint64((seed * SEED_MIX) & MASK64)
    z ^= z >> np.uint64(30)
    z *= np.uint64(0xBF58476D1CE4E5B9)
    z ^= z >> np.uint64(27)
    z *= np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return z


def uniform(n, seed):
    """n doubles in [0, 1): top 53 bits times 2**-53 (data::uniform)."""
    return (bits(n, seed) >> np.uint64(11)).astype(np.float64) * (1.0 / (1 << 53))


def indices(n, high, seed):
    """n int64 indices in range(high) (data::indices)."""
    return (bits(n, seed) % np.uint64(high)).astype(np.int64)


def mask(n, seed):
    """n booleans, the top bit of each word (data::mask)."""
    return (bits(n, seed) >> np.uint64(63)) == np.uint64(1)


def digest(out, approx=False):
    """Position-weighted checksum of the C-order bytes (output::digest_bytes); with
    ``approx`` (a number of bits), of the two rounded weighted sums output.rs describes."""
    if approx:
        x = np.asarray(out, dtype=np.float64).reshape(-1)
        w = 1.0 + (np.arange(x.size) % 7)
        words = []
        for t in (float(np.dot(x, w)), float(np.abs(x).sum())):
            m = abs(t)
            q = 2.0 ** (math.ceil(math.log2(m)) - int(approx)) if m > 0 and math.isfinite(m) else 1.0
            words.append(math.floor(t / q + 0.5))
        out = np.array(words, dtype=np.int64)
    raw = np.ascontiguousarray(out).reshape(-1).view(np.uint8)
    pad = (-raw.size) % 8
    if pad:
        raw = np.concatenate([raw, np.zeros(pad, dtype=np.uint8)])
    words = raw.view("<u8")
    weights = np.arange(words.size, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    return int((words * weights).sum(dtype=np.uint64))


def fingerprint(out):
    """[sum |x|, sum c*Re x, sum c*Im x], c = k % 17 + 1 in C order (Output::fingerprint)."""
    x = np.ascontiguousarray(out).reshape(-1).astype(np.complex128)
    c = (np.arange(x.size) % 17 + 1).astype(np.float64)
    return [float(np.abs(x).sum()), float((c * x.real).sum()), float((c * x.imag).sum())]


def info():
    """NumPy's version, build and runtime configuration, and its thread pools."""
    config = np.show_config(mode="dicts")
    result = {
        "side": "numpy",
        "numpy": np.__version__,
        "python": platform.python_version(),
        "simd": config.get("SIMD Extensions"),
        "blas": config.get("Build Dependencies", {}).get("blas"),
        "env": {
            k: os.environ.get(k)
            for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                      "NPY_DISABLE_CPU_FEATURES")
        },
    }
    try:
        import threadpoolctl
    except ImportError:
        result["threadpools"] = "threadpoolctl is not installed"
    else:
        result["threadpoolctl"] = threadpoolctl.__version__
        result["threadpools"] = threadpoolctl.threadpool_info()
    return result


class Side:
    def __init__(self):
        self.run = None
        self.files = []

    def scratch(self, name):
        """A scratch file path for an I/O workload; removed when the workload is dropped."""
        import tempfile

        path = os.path.join(tempfile.gettempdir(), f"numpy-bench-{os.getpid()}-{name}.npy")
        self.files.append(path)
        return path

    def clean(self):
        for path in self.files:
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
        self.files = []

    def handle(self, req):
        cmd = req.get("cmd")
        if cmd == "info":
            return {"ok": True, "info": info()}
        if cmd == "setup":
            self.run = None
            self.clean()
            ns = {"np": np, "dims": tuple(req["dims"]), "bits": bits, "uniform": uniform, "indices": indices, "mask": mask,
                  "scratch": self.scratch}
            exec(req["setup"], ns)
            run = eval("lambda: " + req["run"], ns)
            start = time.perf_counter()
            out = run()
            first = time.perf_counter() - start
            answer = {
                "ok": True,
                "dtype": str(out.dtype),
                "shape": list(out.shape),
                "digest": digest(out, ns.get("approx_digest", False)),
                "fingerprint": fingerprint(out),
                "first_s": first,
            }
            del out
            self.run = run
            return answer
        if cmd == "run":
            if self.run is None:
                return {"ok": False, "error": "run before setup"}
            inner = max(1, int(req.get("inner", 1)))
            run = self.run
            gc.disable()
            try:
                start = time.perf_counter()
                for _ in range(inner):
                    run()
                elapsed = time.perf_counter() - start
            finally:
                gc.enable()
            return {"ok": True, "s": elapsed / inner}
        if cmd == "drop":
            self.run = None
            self.clean()
            gc.collect()
            return {"ok": True}
        return {"ok": False, "error": f"unknown command {cmd!r}"}


def serve():
    side = Side()
    try:
        serve_lines(side)
    finally:
        side.clean()


def serve_lines(side):
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            req = json.loads(line)
            if req.get("cmd") == "quit":
                break
            answer = side.handle(req)
        except Exception as e:  # report to the driver and keep serving
            answer = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    if sys.argv[1:] != ["serve"]:
        sys.exit("usage: numpy_compare.py serve")
    serve()
