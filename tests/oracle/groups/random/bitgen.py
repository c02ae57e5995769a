"""Bit generators: raw streams, seeding, state, advance/jumped, NumPy's test sets (nprs-random)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _common import case  # noqa: E402

BITGENS = ["PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"]
SEEDS = {"0": "0", "42": "42", "big": "2**100 + 3", "seq": "[1, 2, 3]"}


def generate(g):
    for bg in BITGENS:
        for sname, s in SEEDS.items():
            case(g, f"raw_{bg}_{sname}", f"np.random.{bg}({s}).random_raw(12)")
        case(g, f"u32_{bg}", f"np.random.Generator(np.random.{bg}(42)).integers(0, 2**32, size=9, dtype=np.uint32)")
        case(g, f"double_{bg}", f"np.random.Generator(np.random.{bg}(42)).random(9)")
        case(g, f"f32_{bg}", f"np.random.Generator(np.random.{bg}(42)).random(9, dtype=np.float32)")
        for i in (1, 2):
            case(g, f"testset_{bg}_{i}", f"[int(seed), vals[:8], fnv(vals)]",
                 setup=f"seed, vals = testset({bg.lower()!r}, {i})")
    # State after seeding.
    for bg in ("PCG64", "PCG64DXSM"):
        case(g, f"state_{bg}_42", "list(words128(s['state']['state']) + words128(s['state']['inc']))",
             setup=f"s = np.random.{bg}(42).state")
        case(g, f"advance_{bg}", "list(words128(bg.advance(2**64 + 3).state['state']['state']))",
             setup=f"bg = np.random.{bg}(42)")
        case(g, f"advance_back_{bg}", "bg.random_raw(3)",
             setup=f"bg = np.random.{bg}(7); bg.random_raw(10); bg.advance(-10)")
        case(g, f"advance_buffer_{bg}", "np.random.Generator(bg).integers(0, 2**32, size=3, dtype=np.uint32)",
             setup=f"bg = np.random.{bg}(7); np.random.Generator(bg).integers(0, 2**32, dtype=np.uint32); bg.advance(1)")
        case(g, f"jumped_{bg}", "[list(words128(j.state['state']['state'])), j.random_raw(4)]",
             setup=f"j = np.random.{bg}(42).jumped()")
        case(g, f"jumped3_{bg}", "np.random.{bg}(42).jumped(3).random_raw(4)".replace("{bg}", bg))
    case(g, "state_MT19937_42", "[s['pos'], s['key'][:6], fnv(s['key'])]", setup="s = np.random.MT19937(42).state['state']")
    case(g, "jumped_MT19937", "[s['pos'], fnv(s['key']), j.random_raw(6)]",
         setup="j = np.random.MT19937(42).jumped(); s = j.state['state']")
    case(g, "jumped_MT19937_mid", "[s['pos'], fnv(s['key']), j.random_raw(6)]",
         setup="bg = np.random.MT19937(5); bg.random_raw(100); j = bg.jumped(2); s = j.state['state']")
    case(g, "legacy_MT19937_int", "[s['pos'], s['key'][:6], fnv(s['key'])]",
         setup="bg = np.random.MT19937(); bg._legacy_seeding(12345); s = bg.state['state']")
    case(g, "legacy_MT19937_array", "[s['pos'], s['key'][:6], fnv(s['key'])]",
         setup="bg = np.random.MT19937(); bg._legacy_seeding([1, 2, 3, 2**32 - 1]); s = bg.state['state']")
    case(g, "legacy_MT19937_long_array", "fnv(bg.state['state']['key'])",
         setup="bg = np.random.MT19937(); bg._legacy_seeding(list(range(700)))")
    case(g, "state_Philox_42", "[s['state']['key'], s['state']['counter'], s['buffer_pos']]",
         setup="s = np.random.Philox(42).state")
    case(g, "advance_Philox", "bg.random_raw(6)", setup="bg = np.random.Philox(42); bg.advance(2**70 + 5)")
    case(g, "advance_Philox_carry", "[bg.state['state']['counter'], bg.random_raw(3)]",
         setup="bg = np.random.Philox(counter=(5 << 128) + 2**128 - 1, key=1 + (2 << 64)); bg.advance(3)")
    case(g, "advance_Philox_negative", "[bg.state['state']['counter'], bg.random_raw(3)]",
         setup="bg = np.random.Philox(42); bg.advance(-1)")
    case(g, "jumped_Philox", "[j.state['state']['counter'], j.random_raw(6)]",
         setup="bg = np.random.Philox(42); bg.random_raw(3); j = bg.jumped(2)")
    case(g, "key_Philox", "np.random.Philox(key=123 + (456 << 64), counter=7).random_raw(6)")
    case(g, "state_SFC64_42", "s['state']['state']", setup="s = np.random.SFC64(42).state")
    case(g, "spawn_PCG64", "[c.random_raw(2) for c in bg.spawn(2) + bg.spawn(1)]", setup="bg = np.random.PCG64(42)")
    case(g, "spawn_Philox", "[c.random_raw(2) for c in np.random.Philox(42).spawn(2)]")
    case(g, "spawn_generator", "[c.random() for c in rng.spawn(2) + rng.spawn(1)]",
         setup="rng = np.random.default_rng(42)")
    case(g, "spawn_key_generator", "np.random.Generator(np.random.PCG64(np.random.SeedSequence(42, spawn_key=(1,)))).random()")
    case(g, "err_spawn_keyed", "np.random.Philox(key=[1, 2]).spawn(1)")
    case(g, "default_rng_seq", "np.random.default_rng([1, 2, 3]).random(3)")
    case(g, "default_rng_ss", "np.random.default_rng(np.random.SeedSequence(7)).random(3)")
    case(g, "default_rng_big", "np.random.default_rng(2**100 + 3).random(3)")
    case(g, "default_rng_bitgen", "np.random.default_rng(np.random.Philox(3)).random(3)")
    case(g, "default_rng_pcg", "np.random.default_rng(bg).random(3)",
         setup="bg = np.random.PCG64(5); bg.random_raw(2)")
