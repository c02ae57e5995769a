"""Which floating-point conditions NumPy raises for the exactly defined kernels: each case
runs one ufunc on a few elements under np.errstate(all='raise'), so it records either the
FloatingPointError (the first condition in NumPy's order: divide, overflow, underflow,
invalid) or, when nothing is raised, the result."""

import numpy as np

CASES = {
    # name: (ufunc, inputs as NumPy code)
    "int16_fmod_zero": ("fmod", "np.array([7, 7], dtype=np.int16), np.array([2, 0], dtype=np.int16)"),
    "int16_fmod_min": ("fmod", "np.array([-32768], dtype=np.int16), np.array([-1], dtype=np.int16)"),
    "int64_divmod_zero": ("divmod", "np.array([7], dtype=np.int64), np.array([0], dtype=np.int64)"),
    "int8_divmod_min": ("divmod", "np.array([-128], dtype=np.int8), np.array([-1], dtype=np.int8)"),
    "uint8_divmod_zero": ("divmod", "np.array([7], dtype=np.uint8), np.array([0], dtype=np.uint8)"),
    "int64_gcd_min": ("gcd", "np.array([-2**63], dtype=np.int64), np.array([0], dtype=np.int64)"),
    "int8_shift_big": ("left_shift", "np.array([1], dtype=np.int8), np.array([9], dtype=np.int8)"),
    "float64_nextafter_max": ("nextafter", "np.array([np.finfo(np.float64).max]), np.array([np.inf])"),
    "float64_nextafter_zero": ("nextafter", "np.array([0.0]), np.array([1.0])"),
    "float64_nextafter_sub": ("nextafter", "np.array([np.finfo(np.float64).smallest_normal]), np.array([0.0])"),
    "float64_nextafter_one": ("nextafter", "np.array([1.0]), np.array([2.0])"),
    "float32_nextafter_max": ("nextafter", "np.array([np.finfo(np.float32).max], dtype=np.float32), np.array([np.inf], dtype=np.float32)"),
    "float16_nextafter_max": ("nextafter", "np.array([65504.0], dtype=np.float16), np.array([np.inf], dtype=np.float16)"),
    "float64_spacing_max": ("spacing", "np.array([np.finfo(np.float64).max])"),
    "float64_spacing_inf": ("spacing", "np.array([np.inf])"),
    "float64_spacing_zero": ("spacing", "np.array([0.0])"),
    "float16_spacing_inf": ("spacing", "np.array([np.inf], dtype=np.float16)"),
    "float16_spacing_max": ("spacing", "np.array([65504.0], dtype=np.float16)"),
    "float64_ldexp_over": ("ldexp", "np.array([1.0]), np.array([2000], dtype=np.int32)"),
    "float64_ldexp_under": ("ldexp", "np.array([1.0]), np.array([-1100], dtype=np.int32)"),
    "float64_fmod_zero": ("fmod", "np.array([1.0]), np.array([0.0])"),
    "float64_fmod_inf": ("fmod", "np.array([np.inf]), np.array([2.0])"),
    "float64_divmod_zero": ("divmod", "np.array([1.0]), np.array([0.0])"),
    "float64_modf_inf": ("modf", "np.array([np.inf, -np.inf, np.nan])"),
    "float64_frexp_inf": ("frexp", "np.array([np.inf, np.nan, 5e-324])"),
    "float64_fmax_nan": ("fmax", "np.array([np.nan, 1.0]), np.array([1.0, np.nan])"),
    "float64_floor_nan": ("floor", "np.array([np.nan, np.inf])"),
    "float64_rint_nan": ("rint", "np.array([np.nan, np.inf])"),
    "float64_heaviside_nan": ("heaviside", "np.array([np.nan, 0.0]), np.array([0.5, np.nan])"),
    "float64_logaddexp_inf": ("logaddexp", "np.array([np.inf, -np.inf, np.nan]), np.array([np.inf, -np.inf, 1.0])"),
    "float64_copysign_nan": ("copysign", "np.array([np.nan]), np.array([-1.0])"),
    "float64_signbit_nan": ("signbit", "np.array([np.nan])"),
    "float64_deg2rad_over": ("deg2rad", "np.array([np.finfo(np.float64).max])"),
    "complex128_log_zero": ("log", "np.array([0j])"),
    "complex128_power_zero": ("power", "np.array([0j]), np.array([-1 + 0j])"),
    "complex128_sqrt_neg": ("sqrt", "np.array([-1 + 0j])"),
    "complex128_exp_inf": ("exp", "np.array([complex(1.0, np.inf)])"),
    "complex128_arctanh_one": ("arctanh", "np.array([1 + 0j])"),
}


def generate(g):
    for name, (uf, args) in CASES.items():
        g.case(name, f"with np.errstate(all='raise'):\n    r = np.{uf}({args})", result="r")
