"""The ufuncs registered in nprs-ufunc's table (src/ufunc/table.rs), shared by the
`ufunc/resolve` and `ufunc/layouts` case files; new rows of the table add their names here."""

UNARY = ("logical_not", "negative", "positive", "absolute", "sqrt", "square", "reciprocal", "sign",
         "isnan", "isinf", "isfinite", "invert", "bitwise_count", "floor", "ceil", "trunc", "rint", "spacing",
         "signbit", "fabs", "deg2rad", "rad2deg", "conjugate", "cbrt",
         "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos", "arctan",
         "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh")
BINARY = ("add", "subtract", "multiply", "divide", "floor_divide", "remainder", "equal", "not_equal",
          "less", "less_equal", "greater", "greater_equal", "logical_and", "logical_or", "logical_xor",
          "maximum", "minimum", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift", "gcd",
          "lcm", "fmod", "fmax", "fmin",
          "float_power",
          "power", "arctan2", "hypot", "logaddexp", "logaddexp2", "copysign", "nextafter", "heaviside")
# Two outputs or mixed input types: type resolution only (`ufunc/resolve`); their values are
# compared per element type in the `ufunc/elem_*` groups.
RESOLVE_ONLY = ("frexp", "modf", "divmod", "ldexp")
DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128")

