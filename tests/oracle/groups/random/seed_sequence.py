"""SeedSequence: entropy words, pool mixing, generate_state (u32/u64), spawn (nprs-random)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _common import case  # noqa: E402

ENTROPIES = {
    "0": "0",
    "42": "42",
    "12345": "12345",
    "2p32": "2**32",
    "2p64p5": "2**64 + 5",
    "2p128p1": "2**128 + 1",
    "big": "2**200 + 7 * 2**100 + 12345",
    "seq123": "[1, 2, 3]",
    "seq6": "[1, 2, 3, 4, 5, 6]",
    "empty": "[]",
    "seq_wide": "[2**40, 5]",
    "u32max": "2**32 - 1",
}


def generate(g):
    for name, e in ENTROPIES.items():
        case(g, f"pool_{name}", f"np.random.SeedSequence({e}).pool")
        case(g, f"gen4_{name}", f"np.random.SeedSequence({e}).generate_state(4)")
        case(g, f"gen64_{name}", f"np.random.SeedSequence({e}).generate_state(3, np.uint64)")
    case(g, "gen9_42", "np.random.SeedSequence(42).generate_state(9)")
    case(g, "gen64_5_42", "np.random.SeedSequence(42).generate_state(5, np.uint64)")
    case(g, "gen0_42", "np.random.SeedSequence(42).generate_state(0)")
    case(g, "spawn_42", "[c.generate_state(4) for c in ss.spawn(2) + ss.spawn(1)] + [ss.n_children_spawned]",
         setup="ss = np.random.SeedSequence(42)")
    case(g, "spawn_keys_42", "[list(c.spawn_key) for c in ss.spawn(2) + ss.spawn(1)]",
         setup="ss = np.random.SeedSequence(42)")
    case(g, "grandchild_42", "ss.spawn(1)[0].spawn(2)[1].generate_state(4)", setup="ss = np.random.SeedSequence(42)")
    case(g, "spawn_key_7", "np.random.SeedSequence(42, spawn_key=(7,)).generate_state(4)")
    case(g, "spawn_key_7_padded", "np.random.SeedSequence([42, 0, 0, 0], spawn_key=(7,)).generate_state(4)")
    case(g, "spawn_key_long", "np.random.SeedSequence([1, 2, 3, 4, 5], spawn_key=(3, 2**40)).generate_state(4)")
    case(g, "pool_size_8", "np.random.SeedSequence(42, pool_size=8).generate_state(8)")
    case(g, "pool_size_8_pool", "np.random.SeedSequence(2**300 + 1, pool_size=8).pool")
    case(g, "trailing_zero", "np.random.SeedSequence([42, 0]).generate_state(4)")
    case(g, "err_negative", "np.random.SeedSequence(-1)")
    case(g, "err_negative_elem", "np.random.SeedSequence([1, -1])")
    case(g, "err_pool_size", "np.random.SeedSequence(0, pool_size=3)")
