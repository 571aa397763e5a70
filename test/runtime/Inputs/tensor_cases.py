"""The arrays the runtime lit tests save, print and convert.

Shared by the *-vs-torch and *-vs-numpy scripts so that every file-format
and printing test covers the same ground: every Kiln dtype, 0-d, empty, 1-D
and N-D shapes, arrays large enough to be summarized, values that switch
PyTorch's printer into scientific or integer mode, negative zero, nan and
inf, and the extremes of each integer type.
"""

import numpy as np

DTYPES = [np.float32, np.float64, np.int64, np.int32, np.uint8, np.bool_]


def _values(rng, dtype, shape, kind):
    """An array of `shape` whose values follow the distribution `kind`."""
    size = int(np.prod(shape))
    if dtype == np.bool_:
        return (rng.random(size) < 0.5).reshape(shape)
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        if kind == "extreme":
            values = rng.choice([info.min, info.max, 0, 1, -1 if info.min else 2], size)
        elif kind == "wide":
            values = rng.integers(info.min, info.max, size, dtype=dtype, endpoint=True)
        else:
            values = rng.integers(max(info.min, -1000), 1000, size)
        return values.astype(dtype).reshape(shape)
    if kind == "mixed":
        values = rng.standard_normal(size) * 10.0 ** rng.integers(-6, 6, size)
    elif kind == "integral":
        values = np.round(rng.standard_normal(size) * 100)
    elif kind == "special":
        pool = [0.0, -0.0, np.nan, np.inf, -np.inf, 1.0, -2.0, 0.5, 123.25]
        values = rng.choice(pool, size)
    elif kind == "extreme":
        finfo = np.finfo(dtype)
        pool = [finfo.max, -finfo.max, finfo.tiny, finfo.smallest_subnormal, 1.0, 1e-3]
        values = rng.choice(pool, size)
    else:
        scale = {"normal": 1.0, "small": 1e-5, "large": 1e9}[kind]
        values = rng.standard_normal(size) * scale
    return values.astype(dtype).reshape(shape)


SHAPES = [(), (0,), (0, 3), (2, 0, 4), (1,), (5,), (3, 4), (2, 3, 4),
          (2, 1, 3, 1), (17,), (33,), (1001,), (40, 50), (7, 8, 20), (3, 400)]
KINDS = ["normal", "small", "large", "mixed", "integral", "special", "extreme", "wide"]


def make_cases(seed=0):
    """[(name, array)] covering every dtype, shape and value kind."""
    rng = np.random.default_rng(seed)
    cases = []
    for dtype in DTYPES:
        name = np.dtype(dtype).name
        for shape in SHAPES:
            for kind in KINDS:
                if dtype == np.bool_ and kind != "normal":
                    continue
                if np.issubdtype(dtype, np.floating) and kind == "wide":
                    continue
                if np.issubdtype(dtype, np.integer) and kind not in ("normal", "extreme", "wide"):
                    continue
                array = _values(rng, dtype, shape, kind)
                shape_name = "x".join(map(str, shape)) or "scalar"
                cases.append((f"{name}_{shape_name}_{kind}", array))
    # Hand-picked values at the printer's decision boundaries.
    exact = [
        ("negzero", np.array([-0.0, 0.0, 1.0], np.float32)),
        ("negzero_only", np.array([-0.0, 0.0], np.float32)),
        ("all_nan", np.array([np.nan, np.nan], np.float32)),
        ("nan_inf_int", np.array([np.nan, -np.inf, 3.0], np.float64)),
        ("ratio_1000", np.array([1.0, 1000.0], np.float32)),
        ("ratio_1001", np.array([1.0, 1001.0], np.float32)),
        ("max_1e8", np.array([1e8, 2.0], np.float64)),
        ("above_1e8", np.array([100000001.0, 2.0], np.float64)),
        ("min_1e-4", np.array([1e-4, 0.5], np.float64)),
        ("below_1e-4", np.array([9.9e-5, 0.5], np.float64)),
        ("round_half", np.array([0.00005, 0.00015, 2.5, 0.12345], np.float64)),
        ("scalar_float", np.array(3.14159, np.float32)),
        ("scalar_nan", np.array(np.nan, np.float64)),
        ("scalar_negzero", np.array(-0.0, np.float32)),
        ("scalar_bool", np.array(True)),
        ("scalar_int", np.array(104)),
        ("scalar_int32", np.array(-7, np.int32)),
        ("scalar_uint8", np.array(255, np.uint8)),
        ("huge_double", np.array([1e300, -1e-300], np.float64)),
        ("int64_limits", np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max])),
        ("wrap_int32", np.arange(-30, 30, dtype=np.int32)),
        ("wrap_float", np.linspace(-1, 1, 41, dtype=np.float32)),
        ("bool_3d", np.array([[[True, False]], [[False, True]]])),
        ("deep", np.arange(24, dtype=np.float32).reshape(1, 2, 1, 3, 1, 4)),
        ("summarized_3d", np.arange(3000, dtype=np.float64).reshape(10, 10, 30) / 7),
        ("summarized_edge", np.arange(1001, dtype=np.uint8)),
        ("not_summarized", np.arange(1000, dtype=np.int64)),
    ]
    cases.extend(exact)
    return cases
