"""Differential testing of `kiln run` against PyTorch on random graphs.

Usage: difftest.py PATH/TO/kiln WORK_DIR [--seed S] [--graphs N] [--budget SECONDS]
                   [--min-graphs M] [--keep] [--verbose]

Graph i of seed S is drawn from numpy's default_rng([S, i]), so a run checks
graphs 0, 1, ... until N graphs or the budget (at least M graphs whatever
the budget): a slower machine checks a prefix of the same sequence.

Generates random well-typed kiln graphs from a seed (element-wise chains with
broadcasting, reductions, matmuls followed by epilogue chains, softmax and
log-softmax, mse and cross-entropy losses) on float32 inputs that mix normal
values with NaN, +-inf, -0.0, +0.0, denormals and huge values, some with an
empty (size 0) dimension. Each graph runs twice under `kiln run`:

- fused: the graph as one model, so kiln-fuse builds its kernels and
  kiln-fold-matmul-epilogues folds a matmul's element-wise successors into
  oneDNN post-ops. Every intermediate is a model output (so each op is
  compared), except a matmul's product and the steps of its epilogue before
  the last: an output there would be a second user and stop the folding.
- unfused: every op of the graph as its own op on its own model arguments
  (fed the operand values torch computed), so nothing can fuse or fold: one
  op per kernel, the lowering alone. The kiln CLI has no switch that turns
  fusion or epilogue folding off, so this is how "off" is tested.

Every output is compared with PyTorch op by op: an op's output from the fused
run against the torch op applied to the fused run's own values of its
operands (so rounding differences do not compound along the graph); an
epilogue chain's last output against the torch chain from the matmul's
operands. NaN positions must match exactly, an infinity only equals itself
(sign included), finite values within |kiln - torch| <= atol + rtol*|torch|
(TOLERANCES below), shapes and dtypes exactly. -0.0 equals +0.0 except for
the ops listed in SIGNED_ZERO (where the sign of a zero is the result).

Mismatches that are known bugs being fixed are listed in EXPECTED_FAILURES
with the reason; they are reported as XFAIL and do not fail the run, and one
that stops failing is reported as XPASS (also not a failure, so a fix landing
does not turn CI red: remove the entry then). Exits 1 on any other mismatch
or when kiln fails on a model, printing the op, the graph and the inputs
(kept under WORK_DIR with --keep, to reproduce with `kiln run`).
"""

import argparse
import os
import shutil
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

F32 = np.float32

# (rtol, atol) per kind of op, for float32. Exactly rounded IEEE ops agree to
# the bit; transcendentals within a few ulp (SLEEF in torch, libm/LLVM in
# kiln); sums, matmuls and softmax denominators over the <= 8 terms these
# graphs reduce within a few roundings of the terms' magnitude (atol scales
# with the largest operand magnitude, see `atol_scale`).
TOLERANCES = {
    "exact": (0.0, 0.0),
    "elementwise": (1e-6, 1e-7),
    "accumulate": (1e-5, 1e-5),
}

# Ops whose result's sign of zero is part of the comparison.
SIGNED_ZERO = {"neg", "abs", "relu", "mul", "maximum", "minimum"}

# Known mismatches, each (op, predicate on the case's input features, reason).
# Features: "nan", "inf", "negzero", "empty_reduce" (a reduced dim of size 0),
# "epilogue" (the op was folded as a matmul epilogue in the fused run).
EXPECTED_FAILURES = [
    # None at present. The generator found, and kiln fixed (issue 20):
    # oneDNN post-ops changing NaN (relu(NaN) = 0, exp(NaN) = +inf) and an
    # approximate log, now left unfolded; relu(-0.0) giving +0.0.
]

UNARY = {
    "neg": (torch.neg, "exact"),
    "abs": (torch.abs, "exact"),
    "exp": (torch.exp, "elementwise"),
    "log": (torch.log, "elementwise"),
    "sqrt": (torch.sqrt, "exact"),
    "tanh": (torch.tanh, "elementwise"),
    "sigmoid": (torch.sigmoid, "elementwise"),
    "relu": (torch.relu, "exact"),
}
BINARY = {
    "add": (torch.add, "exact"),
    "sub": (torch.sub, "exact"),
    "mul": (torch.mul, "exact"),
    "div": (torch.div, "exact"),
    "maximum": (torch.maximum, "exact"),
    "minimum": (torch.minimum, "exact"),
}
# Steps an epilogue may take (kiln-fold-matmul-epilogues folds these).
EPILOGUE_UNARY = ["relu", "tanh", "sigmoid", "exp", "log", "sqrt", "abs"]
EPILOGUE_BINARY = ["add", "mul", "sub"]


def mlir_type(shape, dtype=F32):
    kind = {np.dtype(F32): "f32", np.dtype(np.int64): "i64"}[np.dtype(dtype)]
    return "tensor<" + "".join(f"{d}x" for d in shape) + kind + ">"


class Value:
    def __init__(self, name, shape, dtype=F32):
        self.name, self.shape, self.dtype = name, tuple(shape), np.dtype(dtype)


class Node:
    """One op: `kind` (a key of UNARY/BINARY or a structured op), its operand
    Values, attributes, and its result Value. `export` says whether the
    fused model returns it; `epilogue` whether it is a step after a matmul
    (with `chain_root` the matmul node)."""

    def __init__(self, kind, operands, result, attrs=None):
        self.kind, self.operands, self.result = kind, operands, result
        self.attrs = attrs or {}
        self.export = True
        self.epilogue = False
        self.chain_root = None


def broadcast_shape(a, b):
    return tuple(np.broadcast_shapes(a, b))


class Generator:
    def __init__(self, rng):
        self.rng = rng
        self.inputs = []  # (Value, numpy array)
        self.nodes = []
        self.values = []  # float values available as operands
        self.counter = 0

    def fresh(self, shape, dtype=F32):
        self.counter += 1
        return Value(f"v{self.counter}", shape, dtype)

    # Inputs ---------------------------------------------------------------
    def special_array(self, shape):
        rng = self.rng
        x = np.array(rng.standard_normal(shape) * 2, dtype=F32, ndmin=0)
        if x.size:
            specials = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1e-40,
                                 -3e-42, 1e30, -1e30, 1.5], dtype=F32)
            mask = np.asarray(rng.random(shape) < rng.choice([0.0, 0.1, 0.3]))
            x[mask] = rng.choice(specials, size=int(mask.sum()))
        return x

    def random_shape(self):
        rank = int(self.rng.integers(0, 4))
        sizes = [1, 2, 3, 4, 5]
        if self.rng.random() < 0.15:
            sizes.append(0)
        return tuple(int(self.rng.choice(sizes)) for _ in range(rank))

    def new_input(self, shape):
        v = self.fresh(shape)
        v.name = f"in{len(self.inputs)}"
        self.inputs.append((v, self.special_array(shape)))
        self.values.append(v)
        return v

    def pick(self):
        if not self.values or self.rng.random() < 0.2:
            return self.new_input(self.random_shape())
        return self.values[int(self.rng.integers(len(self.values)))]

    def broadcastable_to(self, shape):
        """A shape that broadcasts with `shape`: some dims set to 1, some
        leading dims dropped."""
        s = [d if self.rng.random() < 0.7 else 1 for d in shape]
        drop = int(self.rng.integers(0, len(s) + 1)) if self.rng.random() < 0.3 else 0
        return tuple(s[drop:])

    def add(self, node):
        self.nodes.append(node)
        if node.result.dtype == np.dtype(F32):
            self.values.append(node.result)
        return node

    # Ops ------------------------------------------------------------------
    def unary(self, kind=None, x=None):
        kind = kind or str(self.rng.choice(sorted(UNARY)))
        x = x or self.pick()
        return self.add(Node(kind, [x], self.fresh(x.shape)))

    def binary(self, kind=None, x=None, y=None):
        kind = kind or str(self.rng.choice(sorted(BINARY)))
        x = x or self.pick()
        if y is None:
            if self.rng.random() < 0.5 and self.values:
                cands = [v for v in self.values
                         if _broadcasts(v.shape, x.shape)]
                y = cands[int(self.rng.integers(len(cands)))] if cands else None
            y = y or self.new_input(self.broadcastable_to(x.shape))
        if self.rng.random() < 0.5:
            x, y = y, x
        return self.add(Node(kind, [x, y],
                             self.fresh(broadcast_shape(x.shape, y.shape))))

    def reduction(self):
        x = self.pick()
        if not x.shape:
            x = self.new_input((3, 4))
        kind = str(self.rng.choice(["sum", "mean", "max"]))
        rank = len(x.shape)
        dims = sorted(set(int(d) for d in self.rng.choice(
            rank, size=int(self.rng.integers(1, rank + 1)))))
        if kind == "max" and any(x.shape[d] == 0 for d in dims):
            kind = "sum"  # torch.amax refuses an empty reduced dim
        keepdim = bool(self.rng.random() < 0.5)
        shape = [1 if i in dims else d for i, d in enumerate(x.shape)
                 ] if keepdim else [d for i, d in enumerate(x.shape)
                                    if i not in dims]
        return self.add(Node(kind, [x], self.fresh(shape),
                             {"dim": dims, "keepdim": keepdim}))

    def softmax(self):
        x = self.pick()
        if not x.shape:
            x = self.new_input((2, 5))
        kind = str(self.rng.choice(["softmax", "log_softmax"]))
        dim = int(self.rng.integers(-len(x.shape), len(x.shape)))
        return self.add(Node(kind, [x], self.fresh(x.shape), {"dim": dim}))

    def matmul(self):
        m, k, n = (int(self.rng.choice([1, 2, 3, 4, 7])) for _ in range(3))
        if self.rng.random() < 0.1:
            k = 0
        batch = () if self.rng.random() < 0.6 else (int(self.rng.choice([1, 2])),)
        a = self.new_input(batch + (m, k))
        b = self.new_input((k, n))
        mm = self.add(Node("matmul", [a, b], self.fresh(batch + (m, n))))
        mm.export = False
        last = mm
        for _ in range(int(self.rng.integers(1, 4))):
            if self.rng.random() < 0.5:
                step = self.unary(str(self.rng.choice(EPILOGUE_UNARY)),
                                  last.result)
            else:
                shape = last.result.shape
                other = self.new_input(
                    [(shape[-1],), shape, ()][int(self.rng.integers(3))])
                step = self.binary(str(self.rng.choice(EPILOGUE_BINARY)),
                                   last.result, other)
                if step.operands[0] is not last.result:  # keep r - x
                    step.operands.reverse()
            step.epilogue, step.chain_root, step.export = True, mm, False
            last = step
        last.export = True
        # The epilogue's internals are not operands of later ops: only the
        # chain's result is, as a fresh value would be.
        chain = {n.result.name for n in self.nodes
                 if n.chain_root is mm or n is mm} - {last.result.name}
        self.values = [v for v in self.values if v.name not in chain]
        return last

    def loss(self):
        if self.rng.random() < 0.5:
            x = self.pick()
            y = self.new_input(x.shape)
            red = str(self.rng.choice(["mean", "sum", "none"]))
            shape = x.shape if red == "none" else ()
            return self.add(Node("mse_loss", [x, y], self.fresh(shape),
                                 {"reduction": red}))
        n, c = int(self.rng.choice([0, 1, 3, 4])), int(self.rng.choice([2, 5]))
        x = self.new_input((n, c))
        t = self.fresh((n,), np.int64)
        t.name = f"in{len(self.inputs)}"
        self.inputs.append((t, self.rng.integers(0, c, (n,)).astype(np.int64)))
        red = str(self.rng.choice(["mean", "sum", "none"]))
        return self.add(Node("cross_entropy", [x, t],
                             self.fresh((n,) if red == "none" else ()),
                             {"reduction": red}))

    def graph(self, size):
        makers = [self.unary, self.unary, self.binary, self.binary,
                  self.reduction, self.softmax, self.matmul, self.loss]
        while len([n for n in self.nodes if n.export]) < size:
            makers[int(self.rng.integers(len(makers)))]()
        return self


def _broadcasts(a, b):
    try:
        return np.broadcast_shapes(a, b) == tuple(b)
    except ValueError:
        return False


# Kiln syntax and torch semantics ------------------------------------------
def op_text(node, names):
    ins = ", ".join(mlir_type(v.shape, v.dtype) for v in node.operands)
    out = mlir_type(node.result.shape, node.result.dtype)
    args = ", ".join(names)
    a = node.attrs
    if node.kind in ("sum", "mean", "max"):
        attr = f" dim [{', '.join(map(str, a['dim']))}]" + (
            " keepdim" if a["keepdim"] else "")
    elif node.kind in ("softmax", "log_softmax"):
        attr = f" dim {a['dim']}"
    elif node.kind in ("mse_loss", "cross_entropy"):
        attr = f" reduction <{a['reduction']}>"
    else:
        attr = ""
    return f"kiln.{node.kind} {args}{attr} : ({ins}) -> {out}"


def torch_op(node, args):
    a = node.attrs
    k = node.kind
    if k in UNARY:
        return UNARY[k][0](args[0])
    if k in BINARY:
        return BINARY[k][0](args[0], args[1])
    if k == "sum":
        return torch.sum(args[0], dim=a["dim"], keepdim=a["keepdim"])
    if k == "mean":
        return torch.mean(args[0], dim=a["dim"], keepdim=a["keepdim"])
    if k == "max":
        return torch.amax(args[0], dim=a["dim"], keepdim=a["keepdim"])
    if k == "softmax":
        return torch.softmax(args[0], a["dim"])
    if k == "log_softmax":
        return torch.log_softmax(args[0], a["dim"])
    if k == "matmul":
        return torch.matmul(args[0], args[1])
    if k == "mse_loss":
        return F.mse_loss(args[0], args[1], reduction=a["reduction"])
    if k == "cross_entropy":
        return F.cross_entropy(args[0], args[1], reduction=a["reduction"])
    raise ValueError(k)


def tolerance_kind(node):
    if node.kind in UNARY:
        return UNARY[node.kind][1]
    if node.kind in BINARY:
        return BINARY[node.kind][1]
    return "accumulate"


def compare(actual, expected, node, operand_arrays, chain=False):
    if actual.shape != expected.shape or actual.dtype != expected.dtype:
        return (f"kiln gives {actual.dtype}{list(actual.shape)}, torch "
                f"{expected.dtype}{list(expected.shape)}")
    if expected.size == 0:
        return None
    rtol, atol = TOLERANCES["accumulate" if chain else tolerance_kind(node)]
    # Sums and products of big terms: atol relative to the largest finite
    # operand magnitude (and its square for a matmul-like accumulation).
    scale = 1.0
    if rtol or atol:
        mags = [np.abs(x[np.isfinite(x)]).max() for x in operand_arrays
                if x.dtype.kind == "f" and np.isfinite(x).any()]
        mags = sorted([1.0] + [float(m) for m in mags], reverse=True)
        scale = mags[0]
        if chain or node.kind in ("matmul", "mse_loss"):
            # A sum of products: the two largest factors' magnitudes.
            scale = mags[0] * (mags[1] if len(mags) > 1 else 1.0)
    a64, e64 = actual.astype(np.float64), expected.astype(np.float64)
    nan_a, nan_e = np.isnan(a64), np.isnan(e64)
    with np.errstate(invalid="ignore", over="ignore"):
        bad = np.where(nan_a | nan_e, nan_a != nan_e,
                       np.where(np.isinf(a64) | np.isinf(e64), a64 != e64,
                                np.abs(a64 - e64) > atol * scale + rtol * np.abs(e64)))
        if node.kind in SIGNED_ZERO and not chain:
            zero = (a64 == 0) & (e64 == 0)
            bad |= zero & (np.signbit(a64) != np.signbit(e64))
    if not bad.any():
        return None
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    return (f"{int(bad.sum())} of {expected.size} differ (rtol {rtol:g}, "
            f"atol {atol:g} x {scale:g}); first at {list(first)}: kiln "
            f"{actual[first]!r}, torch {expected[first]!r}")


def features(node, operand_arrays):
    fl = [x for x in operand_arrays if x.dtype.kind == "f"]
    return {
        "nan": any(np.isnan(x).any() for x in fl),
        "inf": any(np.isinf(x).any() for x in fl),
        "negzero": any(((x == 0) & np.signbit(x)).any() for x in fl),
        "empty_reduce": node.kind in ("sum", "mean", "max") and any(
            node.operands[0].shape[d] == 0 for d in node.attrs["dim"]),
        "epilogue": node.epilogue,
    }


def expected_failure(node, feats):
    for op, pred, reason in EXPECTED_FAILURES:
        if op == node.kind and pred(feats):
            return reason
    return None


# Models -------------------------------------------------------------------
def write_model(path, name, args, body, results):
    """args: [(ssa, type, input name)], results: [(ssa, type, output name)]."""
    text = (f"func.func @{name}(\n" + ",\n".join(
        f"    %{s}: {t} {{kiln.input = \"{n}\"}}" for s, t, n in args) +
        ")\n    -> (" + ",\n        ".join(
            f"{t} {{kiln.output = \"{n}\"}}" for _, t, n in results) +
        ") {\n" + "\n".join("  " + line for line in body) + "\n  return " +
        ", ".join(f"%{s}" for s, _, _ in results) + " : " +
        ", ".join(t for _, t, _ in results) + "\n}\n")
    with open(path, "w") as f:
        f.write(text)


def run_kiln(kiln, model, inputs, out_dir, timeout=120):
    os.makedirs(out_dir, exist_ok=True)
    cmd = [kiln, "run", model, "--output-dir", out_dir]
    for name, path in inputs:
        cmd += ["--input", f"{name}={path}"]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=timeout)
    return proc.returncode, proc.stderr, cmd


def t(x):
    return torch.from_numpy(np.array(x, copy=True))


def check_graph(kiln, work, index, gen, log):
    """Runs graph `index` fused and unfused; returns (failures, xfails, xpasses)."""
    gdir = os.path.join(work, f"g{index}")
    os.makedirs(gdir)
    inputs = []
    arrays = {}
    for v, x in gen.inputs:
        path = os.path.join(gdir, f"{v.name}.npy")
        np.save(path, x)
        inputs.append((v.name, path))
        arrays[v.name] = x

    # Torch's values of every node, from torch's values of its operands.
    ref = dict(arrays)
    for n in gen.nodes:
        ref[n.result.name] = torch_op(
            n, [t(ref[v.name]) for v in n.operands]).numpy()

    failures, xfails, xpasses = [], [], []

    def judge(mode, n, actual, expected, operand_arrays, chain=False):
        problem = compare(actual, expected, n, operand_arrays, chain)
        feats = features(n, operand_arrays)
        if mode == "unfused":
            feats["epilogue"] = False
        reason = expected_failure(n, feats)
        if chain:
            # A folded chain inherits the known failures of all its steps.
            root = n.chain_root
            steps = [m for m in gen.nodes if m.chain_root is root]
            for m in steps[:steps.index(n) + 1]:
                reason = reason or expected_failure(m, dict(
                    features(m, operand_arrays), epilogue=True))
        what = (f"[{mode}] graph {index} {n.result.name} = {op_text(n, [f'%{v.name}' for v in n.operands])}"
                + (" (last step of a folded matmul epilogue; compared as a chain)"
                   if chain else ""))
        if problem and reason:
            xfails.append(f"XFAIL {what}\n  {problem}\n  known: {reason}")
        elif problem:
            failures.append(f"MISMATCH {what}\n  {problem}")
        elif reason and (feats["nan"] or feats["negzero"]):
            xpasses.append(f"XPASS {what} (known: {reason})")

    # Fused: the graph as one model.
    body = [f"%{n.result.name} = {op_text(n, [f'%{v.name}' for v in n.operands])}"
            for n in gen.nodes]
    results = [(n.result.name, mlir_type(n.result.shape, n.result.dtype),
                n.result.name) for n in gen.nodes if n.export]
    args = [(v.name, mlir_type(v.shape, v.dtype), v.name) for v, _ in gen.inputs]
    model = os.path.join(gdir, "fused.mlir")
    write_model(model, f"graph{index}", args, body, results)
    rc, err, cmd = run_kiln(kiln, model, inputs, os.path.join(gdir, "fused"))
    if rc != 0:
        failures.append(f"KILN FAILED [fused] graph {index}: {' '.join(cmd)}\n{err}")
        return failures, xfails, xpasses
    got = {}
    for n in gen.nodes:
        if n.export:
            got[n.result.name] = np.load(os.path.join(gdir, "fused",
                                                      f"{n.result.name}.npy"))
    got.update(arrays)
    for n in gen.nodes:
        if not n.export:
            continue
        if n.epilogue:
            # The chain from the matmul's operands, in torch.
            root = n.chain_root
            ops = [root] + [m for m in gen.nodes if m.chain_root is root]
            ops = ops[:ops.index(n) + 1]
            vals = {}
            for m in ops:
                vals[m.result.name] = torch_op(m, [
                    t(vals[v.name]) if v.name in vals else t(got[v.name])
                    for v in m.operands]).numpy()
            operand_arrays = [got[v.name] for m in ops for v in m.operands
                              if v.name in got]
            judge("fused", n, got[n.result.name], vals[n.result.name],
                  operand_arrays, chain=True)
        else:
            operand_arrays = [got[v.name] for v in n.operands]
            expected = torch_op(n, [t(x) for x in operand_arrays]).numpy()
            judge("fused", n, got[n.result.name], expected, operand_arrays)

    # Unfused: every op on its own arguments, fed torch's operand values.
    body, args, results, uinputs = [], [], [], []
    for i, n in enumerate(gen.nodes):
        names = []
        for j, v in enumerate(n.operands):
            name = f"o{i}_a{j}"
            path = os.path.join(gdir, f"{name}.npy")
            np.save(path, ref[v.name])
            uinputs.append((name, path))
            args.append((name, mlir_type(v.shape, v.dtype), name))
            names.append(f"%{name}")
        body.append(f"%o{i} = {op_text(n, names)}")
        results.append((f"o{i}", mlir_type(n.result.shape, n.result.dtype), f"o{i}"))
    model = os.path.join(gdir, "unfused.mlir")
    write_model(model, f"graph{index}_unfused", args, body, results)
    rc, err, cmd = run_kiln(kiln, model, uinputs, os.path.join(gdir, "unfused"))
    if rc != 0:
        failures.append(f"KILN FAILED [unfused] graph {index}: {' '.join(cmd)}\n{err}")
        return failures, xfails, xpasses
    for i, n in enumerate(gen.nodes):
        actual = np.load(os.path.join(gdir, "unfused", f"o{i}.npy"))
        judge("unfused", n, actual, ref[n.result.name],
              [ref[v.name] for v in n.operands])
    return failures, xfails, xpasses


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("kiln")
    p.add_argument("work")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--graphs", type=int, default=1000)
    p.add_argument("--budget", type=float, default=60.0,
                   help="stop starting new graphs after this many seconds")
    p.add_argument("--min-graphs", type=int, default=10,
                   help="graphs run whatever the budget (the first ones of the seed)")
    p.add_argument("--size", type=int, default=6, help="exported ops per graph")
    p.add_argument("--verbose", action="store_true",
                   help="also print the known failures that passed (XPASS)")
    p.add_argument("--keep", action="store_true",
                   help="keep every graph's models and inputs under WORK")
    opts = p.parse_args()
    shutil.rmtree(opts.work, ignore_errors=True)
    os.makedirs(opts.work)
    start = time.monotonic()
    nfail = nx = nxp = ngraphs = nops = 0
    for index in range(opts.graphs):
        if index >= opts.min_graphs and time.monotonic() - start > opts.budget:
            break
        gen = Generator(np.random.default_rng([opts.seed, index])).graph(opts.size)
        with np.errstate(all="ignore"):
            failures, xfails, xpasses = check_graph(opts.kiln, opts.work, index,
                                                    gen, print)
        for line in failures + xfails + (xpasses if opts.verbose else []):
            print(line)
        if not failures and not opts.keep:
            shutil.rmtree(os.path.join(opts.work, f"g{index}"))
        elif failures:
            print(f"  reproduce: {os.path.join(opts.work, f'g{index}')} "
                  f"(fused.mlir, unfused.mlir and their .npy inputs)")
        nfail += len(failures)
        nx += len(xfails)
        nxp += len(xpasses)
        ngraphs += 1
        nops += len(gen.nodes)
    took = time.monotonic() - start
    summary = (f"{ngraphs} graphs ({nops} ops) from seed {opts.seed} in "
               f"{took:.0f} s: {nfail} mismatches, {nx} expected failures, "
               f"{nxp} unexpected passes of expected failures")
    if nfail:
        print(f"FAIL: {summary}")
        sys.exit(1)
    print(f"PASS: {summary}")


if __name__ == "__main__":
    main()
