"""Generator basics: random, integers, bytes, choice, shuffle, permutation, permuted (nprs-random)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _common import case  # noqa: E402

SEEDS = [0, 42, 12345]
RNG = "rng = np.random.default_rng({s})"

INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


def generate(g):
    for s in SEEDS:
        r = RNG.format(s=s)
        case(g, f"random_{s}", "rng.random(7)", setup=r)
        case(g, f"random_2x3_{s}", "rng.random((2, 3))", setup=r)
        case(g, f"random_f32_{s}", "rng.random(9, dtype=np.float32)", setup=r)
        case(g, f"random_scalars_{s}", "[rng.random() for _ in range(3)] + [rng.random(dtype=np.float32)]", setup=r)
    case(g, "random_empty", "rng.random(0)", setup=RNG.format(s=0))
    case(g, "random_0d", "rng.random(())", setup=RNG.format(s=0))
    case(g, "random_hash", "fnv(rng.random(100000))", setup=RNG.format(s=42))
    case(g, "random_f32_hash", "fnv(rng.random(100000, dtype=np.float32))", setup=RNG.format(s=42))

    # integers: every dtype, several ranges, scalar vs array draws.
    for dt in INT_DTYPES + ["bool"]:
        info = "np.iinfo(np.%s)" % dt if dt != "bool" else None
        lo, hi = ("0", "2") if dt == "bool" else (f"{info}.min", f"{info}.max")
        for s in (0, 42):
            r = RNG.format(s=s)
            if dt != "bool":
                case(g, f"int_{dt}_small_{s}", f"rng.integers(0, 100, size=20, dtype=np.{dt})", setup=r)
                case(g, f"int_{dt}_full_{s}", f"rng.integers({lo}, {hi}, size=12, dtype=np.{dt}, endpoint=True)", setup=r)
                case(g, f"int_{dt}_open_{s}", f"rng.integers({lo}, {hi}, size=12, dtype=np.{dt})", setup=r)
                case(g, f"int_{dt}_odd_{s}", f"rng.integers(3, 3 + 37, size=25, dtype=np.{dt})", setup=r)
                case(g, f"int_{dt}_scalars_{s}", f"[rng.integers(0, 100, dtype=np.{dt}) for _ in range(4)]", setup=r)
            else:
                case(g, f"int_bool_{s}", "rng.integers(0, 2, size=40, dtype=bool)", setup=r)
                case(g, f"int_bool_scalars_{s}", "[rng.integers(0, 2, dtype=bool) for _ in range(4)]", setup=r)
        if dt.startswith("int") and dt != "int64":
            case(g, f"int_{dt}_neg", f"rng.integers(-5, 5, size=15, dtype=np.{dt})", setup=RNG.format(s=42))
    r = RNG.format(s=42)
    case(g, "int_default", "rng.integers(0, 10, size=10)", setup=r)
    case(g, "int_neg_range", "rng.integers(-1000, 1000, size=5)", setup=r)
    case(g, "int_2p40", "rng.integers(0, 2**40, size=4)", setup=r)
    case(g, "int_2p32_exact", "rng.integers(0, 2**32, size=4)", setup=r)
    case(g, "int_full_endpoint", "rng.integers(-2**63, 2**63 - 1, endpoint=True, size=3)", setup=r)
    case(g, "int_u64_full", "rng.integers(0, 2**64 - 1, endpoint=True, dtype=np.uint64, size=3)", setup=r)
    case(g, "int_u64_big", "rng.integers(2**63, 2**64, dtype=np.uint64, size=4)", setup=r)
    case(g, "int_endpoint_same", "rng.integers(5, 5, endpoint=True, size=3)", setup=r)
    case(g, "int_endpoint", "rng.integers(0, 10, endpoint=True, size=10)", setup=r)
    case(g, "int_bool_const", "rng.integers(1, 2, size=5, dtype=bool)", setup=r)
    case(g, "int_broadcast", "rng.integers([0, 0, 0], [10, 100, 1000])", setup=r)
    case(g, "int_broadcast_2d", "rng.integers([[0], [5]], [10, 20, 30])", setup=r)
    case(g, "int_broadcast_u8", "rng.integers([1, 3, 5, 7], [[10], [20]], dtype=np.uint8)", setup=r)
    case(g, "int_broadcast_size", "rng.integers([0, 1], [5, 6], size=(3, 2))", setup=r)
    case(g, "int_broadcast_size_small", "rng.integers([0, 1], 5, size=1)", setup=r)
    case(g, "int_broadcast_i16_endpoint", "rng.integers(-3, [0, 3, 300], endpoint=True, dtype=np.int16)", setup=r)
    case(g, "int_broadcast_bool", "rng.integers(0, [1, 2, 2, 2, 1, 2], dtype=bool)", setup=r)
    case(g, "int_broadcast_u64", "rng.integers(0, np.array([2**64 - 1, 5], dtype=np.uint64), dtype=np.uint64)", setup=r)
    case(g, "int_interplay", "[rng.integers(0, 1000), rng.random(), rng.integers(0, 1000), rng.integers(0, 1000)]", setup=r)
    case(g, "int_zero_size", "rng.integers(5, 3, size=(2, 0))", setup=r)
    case(g, "int_hash", "fnv(rng.integers(0, 1000, 100000))", setup=r)
    case(g, "int_hash_wide", "fnv(rng.integers(-2**62, 2**62, 100000))", setup=r)
    case(g, "int_hash_u8", "fnv(rng.integers(0, 100, 100000, dtype=np.uint8))", setup=r)

    case(g, "bytes_6", "rng.bytes(6)", setup=r)
    case(g, "bytes_13", "rng.bytes(13)", setup=r)
    case(g, "bytes_then_random", "[rng.bytes(3), rng.random()]", setup=r)

    # choice
    for s in (0, 42):
        r = RNG.format(s=s)
        case(g, f"choice_{s}", "rng.choice(10, 5)", setup=r)
        case(g, f"choice_noreplace_{s}", "rng.choice(10, 5, replace=False)", setup=r)
        case(g, f"choice_noshuffle_{s}", "rng.choice(10, 5, replace=False, shuffle=False)", setup=r)
        case(g, f"choice_p_{s}", "rng.choice(4, 6, p=[0.1, 0.2, 0.3, 0.4])", setup=r)
        case(g, f"choice_p_noreplace_{s}", "rng.choice(4, 3, replace=False, p=[0.1, 0.2, 0.3, 0.4])", setup=r)
        case(g, f"choice_p_zeros_{s}", "rng.choice(6, 12, p=[0.5, 0.0, 0.25, 0.0, 0.25, 0.0])", setup=r)
        case(g, f"choice_p_zeros_noreplace_{s}", "rng.choice(6, 3, replace=False, p=[0.5, 0.0, 0.25, 0.0, 0.25, 0.0])", setup=r)
        case(g, f"choice_tail_{s}", "rng.choice(20000, 500, replace=False)", setup=r)
        case(g, f"choice_tail_noshuffle_{s}", "rng.choice(20000, 1500, replace=False, shuffle=False)[:300]", setup=r)
    r = RNG.format(s=42)
    case(g, "choice_scalars", "[rng.choice(10) for _ in range(3)]", setup=r)
    case(g, "choice_p_scalar", "[rng.choice(3, p=[0.2, 0.3, 0.5]) for _ in range(4)]", setup=r)
    case(g, "choice_shape", "rng.choice(7, (2, 3))", setup=r)
    case(g, "choice_shape_noreplace", "rng.choice(50, (2, 3), replace=False)", setup=r)
    case(g, "choice_0d", "rng.choice(7, ())", setup=r)
    case(g, "choice_floats", "rng.choice(np.array([1.5, -2.0, 3.25, 8.0]), 6)", setup=r)
    case(g, "choice_2d_axis0", "rng.choice(np.arange(12).reshape(4, 3), 2, replace=False)", setup=r)
    case(g, "choice_2d_axis1", "rng.choice(np.arange(12).reshape(3, 4), (2, 2), axis=1)", setup=r)
    case(g, "choice_2d_axis1_p", "rng.choice(np.arange(12).reshape(3, 4), 3, axis=1, p=[0.1, 0.2, 0.3, 0.4])", setup=r)
    case(g, "choice_all", "rng.choice(8, 8, replace=False)", setup=r)
    case(g, "choice_zero", "rng.choice(0, 0)", setup=r)
    case(g, "choice_big_hash", "fnv(rng.choice(1000000, 1000, replace=False))", setup=r)
    case(g, "choice_big_tail_hash", "fnv(rng.choice(100000, 40000, replace=False))", setup=r)

    # shuffle / permutation / permuted
    for s in (0, 42):
        r = RNG.format(s=s)
        case(g, f"shuffle_{s}", "x", setup=r + "; x = np.arange(10); rng.shuffle(x)", result="x")
        case(g, f"permutation_{s}", "rng.permutation(10)", setup=r)
    r = RNG.format(s=42)
    case(g, "shuffle_2d", "x", setup=r + "; x = np.arange(12).reshape(4, 3); rng.shuffle(x)", result="x")
    case(g, "shuffle_2d_axis1", "x", setup=r + "; x = np.arange(12).reshape(3, 4); rng.shuffle(x, axis=1)", result="x")
    case(g, "shuffle_floats", "x", setup=r + "; x = np.linspace(0, 1, 7); rng.shuffle(x)", result="x")
    case(g, "shuffle_strided", "x", setup=r + "; x = np.arange(20); rng.shuffle(x[::3])", result="x")
    case(g, "shuffle_list", "x", setup=r + "; x = list(range(9)); rng.shuffle(x)", result="x")
    case(g, "permutation_arr", "rng.permutation(np.arange(12).reshape(4, 3))", setup=r)
    case(g, "permutation_arr_axis1", "rng.permutation(np.arange(12).reshape(3, 4), axis=1)", setup=r)
    case(g, "permutation_floats", "rng.permutation(np.array([0.5, 1.5, 2.5, 3.5, 4.5]))", setup=r)
    case(g, "permutation_empty", "rng.permutation(0)", setup=r)
    case(g, "permutation_hash", "fnv(rng.permutation(100000))", setup=r)
    case(g, "permutation_large", "rng.permutation(70000)[:50]", setup=r)
    case(g, "permuted_axis1", "rng.permuted(np.arange(8).reshape(2, 4), axis=1)", setup=r)
    case(g, "permuted_axis0", "rng.permuted(np.arange(12).reshape(3, 4), axis=0)", setup=r)
    case(g, "permuted_none", "rng.permuted(np.arange(12).reshape(3, 4))", setup=r)
    case(g, "permuted_none_f", "rng.permuted(np.asfortranarray(np.arange(12).reshape(3, 4)))", setup=r)
    case(g, "permuted_none_fview", "rng.permuted(np.arange(24).reshape(4, 6)[::2, 1:].T)", setup=r)
    case(g, "permuted_3d", "rng.permuted(np.arange(24).reshape(2, 3, 4), axis=1)", setup=r)
    case(g, "permuted_1d", "rng.permuted(np.arange(9))", setup=r)
