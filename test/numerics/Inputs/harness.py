"""Op-by-op numerics of `kiln run` against PyTorch on the same inputs.

A family script builds a `Family`, adds cases to it and calls `run()`:

    fam = Family("elementwise")
    fam.case("add", "kiln.add {0}, {1}", [a, b], torch.add)
    fam.run()

Each case is one kiln op (written in its custom assembly, with `{i}` for the
i-th input) applied to numpy inputs, and the torch function that computes the
same thing. The script first evaluates every reference with torch, which also
gives each case's result shape and dtype, then writes ONE model whose
arguments are all the inputs (`kiln.input = "cI_aJ"`) and whose results are
all the cases (`kiln.output = "cI"`), runs `kiln run --output-dir` on it once,
and compares every output file with its reference.

Inputs are function arguments rather than constants so that the ops reach
the lowering as they are: with constant operands the canonicalizer would
fold some of them first and the fold, not the generated code, would be
tested.

Usage: FAMILY.py PATH/TO/kiln WORK_DIR. Exits non-zero, after printing one
diff per mismatching case (op, case, input shapes and dtypes, the largest
absolute and relative errors, the first mismatching index), unless every case
agrees. Run it with the python that imports torch (Debian's /usr/bin/python3).
"""

import os
import shutil
import subprocess
import sys

import numpy as np
import torch

# The element types a kiln tensor may have, by numpy dtype.
MLIR_TYPES = {
    np.dtype(np.float32): "f32",
    np.dtype(np.float64): "f64",
    np.dtype(np.int64): "i64",
    np.dtype(np.int32): "i32",
    np.dtype(np.uint8): "ui8",
    np.dtype(np.bool_): "i1",
}
ALL_DTYPES = [np.float32, np.float64, np.int64, np.int32, np.uint8, np.bool_]
FLOAT_DTYPES = [np.float32, np.float64]
INT_DTYPES = [np.int64, np.int32, np.uint8]
NUMERIC_DTYPES = FLOAT_DTYPES + INT_DTYPES


class Tolerance:
    """How a float result is compared; integer and bool results are always
    compared exactly. `rtol`/`atol` map a float dtype to its bounds (the
    test is |kiln - torch| <= atol + rtol * |torch|, NaN equal to NaN, an
    infinity only equal to itself)."""

    def __init__(self, name, bounds, signed_zeros=False):
        self.name = name
        self.bounds = bounds
        # Whether -0.0 and +0.0 count as different (ops that do not round
        # and must keep the sign torch gives, e.g. relu(-0.0) = -0.0).
        self.signed_zeros = signed_zeros

    def for_dtype(self, dtype):
        return self.bounds.get(np.dtype(dtype), (0.0, 0.0))


# Bit-for-bit: ops that are exactly rounded or do not round at all in both
# implementations (IEEE +, -, *, / and sqrt, negation, abs, comparisons,
# selection, max/min, copies, casts).
EXACT = Tolerance("exact", {})

# Bit-for-bit, the sign of a zero included.
EXACT_SIGNED = Tolerance("exact, signed zeros", {}, signed_zeros=True)

# Element-wise transcendentals (exp, log, tanh, sigmoid, pow, rsqrt): PyTorch
# uses SLEEF's vectorized versions (<= 1 ulp) where kiln calls libm or LLVM's
# (<= 1 ulp), so the two may differ by a couple of ulp: 2^-23 ~ 1.2e-7
# relative for float32, 2^-52 ~ 2.2e-16 for float64. The bounds leave a
# margin of ~10 ulp and no more.
ELEMENTWISE = Tolerance("elementwise", {
    np.dtype(np.float32): (1e-6, 1e-7),
    np.dtype(np.float64): (1e-14, 1e-15),
})

# Short accumulations (sums, means, matmul rows, softmax denominators and
# losses over at most ~30 terms of magnitude ~1): PyTorch sums in a different
# order (vectorized, pairwise), so each result may differ by the rounding of
# n additions, n * eps * sum(|terms|): with n <= 30 terms of size <= 4 that
# is below 30 * 6e-8 * 4 ~ 7e-6 absolute for float32 and 1.3e-14 for
# float64.
ACCUMULATE = Tolerance("accumulate", {
    np.dtype(np.float32): (1e-5, 1e-5),
    np.dtype(np.float64): (1e-12, 1e-13),
})


def mlir_type(shape, dtype):
    dims = "".join(f"{size}x" for size in shape)
    return f"tensor<{dims}{MLIR_TYPES[np.dtype(dtype)]}>"


def describe(array):
    return f"{np.dtype(array.dtype).name}{list(array.shape)}"


def torch_to_numpy(value):
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    return np.asarray(value)


def type_signature(syntax, ins, out):
    """The types after an op's colon: "functional" (`(ins) -> out`), "cast"
    (`in to out`), "result" (`out`) or "with_indices" (`(ins) -> (out,
    int64 indices of out's shape)`, as kiln.topk)."""
    if syntax == "functional":
        return f"({', '.join(ins)}) -> {out}"
    if syntax == "with_indices":
        indices = out[:out.rindex("<") + 1] + "".join(
            f"{d}x" for d in out[out.rindex("<") + 1:-1].split("x")[:-1]) + \
            "i64>"
        return f"({', '.join(ins)}) -> ({out}, {indices})"
    if syntax == "cast":
        return f"{ins[0]} to {out}"
    return out


def run_or_exit(command, model):
    """Runs a kiln tool on `model`; on failure prints its stderr and exits 1."""
    proc = subprocess.run(command, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        print(f"FAIL: {os.path.basename(command[0])} exited with "
              f"{proc.returncode} on {model}:\n{proc.stderr}")
        sys.exit(1)


def compare_arrays(actual, expected, tolerance):
    """None when `actual` (kiln's) agrees with `expected` (torch's) under
    `tolerance`, else what differs: integer and bool results exactly, floats
    within atol + rtol * |expected|, NaN equal to NaN, an infinity only equal
    to itself."""
    if actual.shape != expected.shape or actual.dtype != expected.dtype:
        return (f"kiln gives {describe(actual)}, torch "
                f"{describe(expected)}")
    if expected.size == 0:
        return None
    if expected.dtype.kind != "f":
        bad = actual != expected
        if not bad.any():
            return None
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        diff = np.abs(actual.astype(np.float64) -
                      expected.astype(np.float64))
        return (f"{int(bad.sum())} of {expected.size} differ (exact); "
                f"max abs error {diff.max():g}; first at {list(first)}: "
                f"kiln {actual[first]!r}, torch {expected[first]!r}")
    rtol, atol = tolerance.for_dtype(expected.dtype)
    a64, e64 = actual.astype(np.float64), expected.astype(np.float64)
    nan_a, nan_e = np.isnan(a64), np.isnan(e64)
    inf_e = np.isinf(e64)
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(a64 - e64)
        bad = np.where(
            nan_e | nan_a, nan_a != nan_e,
            np.where(inf_e | np.isinf(a64), a64 != e64,
                     diff > atol + rtol * np.abs(e64)))
        if tolerance.signed_zeros:
            bad |= (a64 == 0) & (e64 == 0) & (np.signbit(a64) !=
                                              np.signbit(e64))
        finite = ~(nan_e | nan_a | inf_e | np.isinf(a64))
        abs_err = diff[finite].max() if finite.any() else 0.0
        rel = diff / np.maximum(np.abs(e64), np.finfo(np.float64).tiny)
        rel_err = rel[finite].max() if finite.any() else 0.0
    if not bad.any():
        return None
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    return (f"{int(bad.sum())} of {expected.size} differ "
            f"({tolerance.name}: rtol {rtol:g}, atol {atol:g}); "
            f"max abs error {abs_err:g}, max rel error {rel_err:g}; "
            f"first at {list(first)}: kiln {actual[first]!r}, "
            f"torch {expected[first]!r}")


class Case:
    def __init__(self, op, text, inputs, reference, tolerance, syntax, note):
        self.op = op
        self.text = text
        self.inputs = [np.asarray(x) for x in inputs]
        self.reference = reference
        self.tolerance = tolerance
        self.syntax = syntax
        self.note = note
        self.expected = None

    def label(self):
        shapes = ", ".join(describe(x) for x in self.inputs)
        note = f" ({self.note})" if self.note else ""
        return f"{self.op}{note} on ({shapes}) -> {describe(self.expected)}"


class Family:
    def __init__(self, name, seed=0):
        self.name = name
        self.cases = []
        self.rng = np.random.default_rng(seed)

    # Random inputs ----------------------------------------------------------

    def array(self, shape, dtype, low=-4, high=4):
        """Random values of `dtype`: normal floats scaled to ~[-2, 2], integers
        uniform in [low, high) (clipped to [0, 255] for uint8), bools fair."""
        dtype = np.dtype(dtype)
        shape = tuple(shape)
        if dtype == np.bool_:
            return self.rng.random(shape) < 0.5
        if dtype.kind == "f":
            return (self.rng.standard_normal(shape)).astype(dtype)
        if dtype == np.uint8:
            low, high = max(low, 0), min(high, 256)
        return self.rng.integers(low, high, shape).astype(dtype)

    def normal(self, shape):
        """Standard normal float64 values (the gradient scripts cast them)."""
        return self.rng.standard_normal(tuple(shape))

    def positive(self, shape, dtype):
        """Floats in [0.1, 4): the domain of log, sqrt and rsqrt."""
        return self.rng.uniform(0.1, 4.0, tuple(shape)).astype(dtype)

    # Cases ------------------------------------------------------------------

    def case(self, op, text, inputs, reference, tolerance=EXACT,
             syntax="functional", note=""):
        """Adds one case. `text` is the op with `{i}` for input i; `syntax`
        says how its types are spelled: "functional" (`: (ins) -> out`),
        "cast" (`: in to out`) or "result" (`: out`); or, for "body",
        `text` is several typed op lines that define `{r}` and may name
        intermediate values `{t}_0`, `{t}_1`, ... `reference` maps torch
        tensors of the inputs to the expected torch tensor."""
        self.cases.append(Case(op, text, inputs, reference, tolerance, syntax,
                               note))

    # Running ----------------------------------------------------------------

    def _model(self):
        args, results, body, returns = [], [], [], []
        for i, case in enumerate(self.cases):
            names = []
            for j, x in enumerate(case.inputs):
                names.append(f"%c{i}_a{j}")
                args.append(f"    %c{i}_a{j}: {mlir_type(x.shape, x.dtype)} "
                            f"{{kiln.input = \"c{i}_a{j}\"}}")
            out = mlir_type(case.expected.shape, case.expected.dtype)
            ins = [mlir_type(x.shape, x.dtype) for x in case.inputs]
            if case.syntax == "body":
                body.append(f"  // {case.label()}\n" +
                            case.text.format(*names, r=f"%r{i}", t=f"%t{i}"))
            else:
                op = case.text.format(*names)
                types = type_signature(case.syntax, ins, out)
                body.append(f"  // {case.label()}\n  %r{i} = {op} : {types}")
            results.append(f"    {out} {{kiln.output = \"c{i}\"}}")
            returns.append((f"%r{i}", out))
        return (f"// Generated by test/numerics/Inputs/{self.name}.py.\n"
                f"func.func @{self.name}(\n" + ",\n".join(args) + ")\n"
                "    -> (\n" + ",\n".join(results) + ") {\n" +
                "\n".join(body) + "\n  return " +
                ", ".join(r for r, _ in returns) + " : " +
                ", ".join(t for _, t in returns) + "\n}\n")

    def run(self):
        if len(sys.argv) != 3:
            sys.exit(f"usage: {sys.argv[0]} PATH/TO/kiln WORK_DIR")
        kiln, work = sys.argv[1], sys.argv[2]
        # KILN_NUMERICS_CASES=FIRST:LAST keeps only those cases (to bisect a
        # crash by hand).
        if "KILN_NUMERICS_CASES" in os.environ:
            first, last = os.environ["KILN_NUMERICS_CASES"].split(":")
            self.cases = self.cases[int(first):int(last)]
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(os.path.join(work, "inputs"))
        out_dir = os.path.join(work, "outputs")

        command = [kiln, "run", os.path.join(work, "model.mlir"),
                   "--output-dir", out_dir]
        for i, case in enumerate(self.cases):
            tensors = [torch.from_numpy(x.copy()) for x in case.inputs]
            case.expected = torch_to_numpy(case.reference(*tensors))
            for j, x in enumerate(case.inputs):
                path = os.path.join(work, "inputs", f"c{i}_a{j}.npy")
                np.save(path, x)
                command += ["--input", f"c{i}_a{j}={path}"]
        with open(os.path.join(work, "model.mlir"), "w") as f:
            f.write(self._model())

        run_or_exit(command, os.path.join(work, "model.mlir"))

        failures = 0
        for i, case in enumerate(self.cases):
            actual = np.load(os.path.join(out_dir, f"c{i}.npy"))
            problem = compare_arrays(actual, case.expected, case.tolerance)
            if problem:
                failures += 1
                print(f"MISMATCH c{i}: {case.label()}\n  {problem}")
        ops = len({case.op for case in self.cases})
        if failures:
            print(f"FAIL: {failures} of {len(self.cases)} {self.name} cases "
                  f"differ from torch")
            sys.exit(1)
        print(f"PASS: all {len(self.cases)} {self.name} cases ({ops} ops) "
              f"match torch")
