"""Generator.multivariate_hypergeometric: streams of both methods for several seeds, colors,
sample sizes and output shapes, the stream after the call, and NumPy's argument errors
(nprs-random)."""

# (name, colors, nsample): small counts (the direct sampler), counts whose marginals run
# HRUA (nsample >= 10 and below total - 10), nsample past total / 2 (the complement is
# drawn), the whole urn, nothing, and empty colors.
URNS = [
    ("small", [16, 8, 4], 6),
    ("zeros", [0, 5, 0, 7, 3], 4),
    ("half", [3, 2, 5], 6),
    ("hrua", [1000, 2000, 500, 30], 700),
    ("hrua_over", [1000, 2000, 500, 30], 3000),
    ("large", [10**8, 5 * 10**8, 3, 12345], 123456789),
    ("all", [4, 9, 2], 15),
    ("none", [4, 9, 2], 0),
    ("one_color", [17], 5),
    ("empty", [], 0),
]
COUNT_URNS = {"large"}  # 'count' allocates sum(colors) indices: skip the 6e8 urn
SEEDS = [0, 42, 12345]
SIZES = ["None", "5", "(2, 3)", "()", "0"]
ERRORS = {
    "method": "rng.multivariate_hypergeometric([3, 4], 2, method='exact')",
    "nsample_negative": "rng.multivariate_hypergeometric([3, 4], -1)",
    "nsample_negative_first": "rng.multivariate_hypergeometric([-3, 4], -1)",
    "colors_negative": "rng.multivariate_hypergeometric([3, -4], 2)",
    "colors_2d": "rng.multivariate_hypergeometric([[3, 4]], 2)",
    "colors_0d": "rng.multivariate_hypergeometric(5, 2)",
    "colors_sum": "rng.multivariate_hypergeometric([2**62, 2**62], 2)",
    "colors_sum_count": "rng.multivariate_hypergeometric([2**62, 2**62], 2, method='count')",
    "marginals_total": "rng.multivariate_hypergeometric([10**9 - 5, 5], 2)",
    "count_total": "rng.multivariate_hypergeometric([2**60, 5], 2, method='count')",
    "count_memory": "rng.multivariate_hypergeometric([2**60 - 1], 1, method='count')",
    "nsample_too_big": "rng.multivariate_hypergeometric([3, 4], 8)",
    "nsample_too_big_count": "rng.multivariate_hypergeometric([3, 4], 8, method='count')",
    "negative_size": "rng.multivariate_hypergeometric([3, 4], 2, size=-1)",
    "negative_size_tuple": "rng.multivariate_hypergeometric([3, 4], 2, size=(2, -1))",
}


def generate(g):
    for method in ["marginals", "count"]:
        for name, colors, nsample in URNS:
            if method == "count" and name in COUNT_URNS:
                continue
            for seed in SEEDS:
                for i, size in enumerate(SIZES):
                    g.case(
                        f"{method}_{name}_s{seed}_{i}",
                        "r",
                        setup=f"rng = np.random.default_rng({seed}); "
                        f"x = rng.multivariate_hypergeometric({colors}, {nsample}, size={size}, method='{method}'); "
                        "r = [x, rng.integers(0, 2**62, 2)]",
                    )
    # Many variates of a mid-sized urn: every branch of both samplers many times over.
    for method in ["marginals", "count"]:
        g.case(
            f"{method}_many",
            "r",
            setup="rng = np.random.default_rng(2024); colors = [5, 0, 40, 13, 200, 1, 77]; "
            f"x = rng.multivariate_hypergeometric(colors, 150, size=(40, 25), method='{method}'); "
            "r = [x, rng.random(2)]",
        )
    for name, code in ERRORS.items():
        g.case(f"err_{name}", code, setup="rng = np.random.default_rng(1)")
