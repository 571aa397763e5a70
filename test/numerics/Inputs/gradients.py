"""Gradients of kiln ops against PyTorch autograd, and kiln's own gradcheck.

A family script builds a `GradFamily`, adds cases and calls `run()`:

    fam = GradFamily("grad_elementwise")
    fam.case("mul", "kiln.mul {0}, {1}", [a, b], torch.mul)
    fam.run()

Each case is one kiln op on NumPy inputs (as in harness.py; `{dtype}` in the
text is the run's float type, f32 or f64) and the torch function computing
the same thing. Every case runs twice, with its float inputs in float32 and
in float64; integer and bool inputs are kept as they are. `wrt` lists the
inputs to differentiate (default: the float ones).

Per run, the script draws a cotangent w for each case's result and writes
ONE model whose loss is the sum over cases of sum(op(x) * w), in float64
(each case's sum is cast up): since cases share no inputs, the gradient of
that loss with respect to a case's input is exactly that case's
vector-Jacobian product with w, which torch.autograd.grad gives as the
reference. The differentiated inputs are the model's parameters
(`kiln.param`, passed in a safetensors file), the rest and the cotangents
its inputs. Then:
  - `kiln-opt` runs kiln-decompose and kiln-autodiff on the model and
    `kiln run` computes the gradients, compared with torch's: float32 within
    rtol 1e-5, atol 1e-5 (the backward graph of one op is a few roundings
    plus one reduction of <= ~30 terms over broadcast dims, as for the
    forward ACCUMULATE bound in harness.py); float64 within rtol 1e-10,
    atol 1e-12 (the same argument with float64's epsilon, 2^-52, leaves
    several orders of magnitude of margin);
  - in float64, `kiln gradcheck` compares the same gradients with central
    differences of kiln's own forward model (eps 1e-6, atol 1e-5, rtol 1e-3:
    torch.autograd.gradcheck's defaults).

An op with several results (batch_norm's running statistics, layer_norm's
mean) is differentiated through its first: its reference returns a tuple,
whose other members give the op's other result types. A case with
`gradcheck=False` (an input at a kink, such as tied maxima, where central
differences mean nothing) is compared with torch.autograd only.

Usage: FAMILY.py PATH/TO/BIN_DIR WORK_DIR, where BIN_DIR holds kiln and
kiln-opt. Exits non-zero after printing every mismatch, naming the case.
"""

import os
import shutil
import subprocess
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "scripts"))
import safetensors_numpy  # noqa: E402
from harness import (Family, Tolerance, compare_arrays, describe,  # noqa: E402
                     mlir_type, run_or_exit, type_signature)

GRAD = Tolerance("grad", {
    np.dtype(np.float32): (1e-5, 1e-5),
    np.dtype(np.float64): (1e-10, 1e-12),
})

MLIR_FLOAT = {np.dtype(np.float32): "f32", np.dtype(np.float64): "f64"}


class GradCase:
    def __init__(self, op, text, inputs, reference, wrt, syntax, note,
                 tolerance, gradcheck=True):
        self.op = op
        self.text = text
        self.inputs = [np.asarray(x) for x in inputs]
        self.reference = reference
        self.wrt = (wrt if wrt is not None else
                    [j for j, x in enumerate(self.inputs)
                     if x.dtype.kind == "f"])
        self.syntax = syntax
        self.note = note
        self.tolerance = tolerance or GRAD
        self.extra_types = []
        # False where central differences are undefined (an input at a
        # kink, such as tied maxima): torch.autograd is the reference.
        self.gradcheck = gradcheck

    def label(self, inputs):
        shapes = ", ".join(describe(x) for x in inputs)
        note = f" ({self.note})" if self.note else ""
        return f"{self.op}{note} on ({shapes}), wrt inputs {self.wrt}"


class GradFamily(Family):
    def case(self, op, text, inputs, reference, wrt=None,
             syntax="functional", note="", tolerance=None, gradcheck=True):
        self.cases.append(GradCase(op, text, inputs, reference, wrt, syntax,
                                   note, tolerance, gradcheck))

    # One run in one float dtype ---------------------------------------------

    def _prepare(self, dtype):
        """Inputs, cotangents and torch's gradients of every case in
        `dtype`."""
        prepared = []
        for case in self.cases:
            inputs = [x.astype(dtype) if x.dtype.kind == "f" else x
                      for x in case.inputs]
            tensors = [torch.tensor(x, requires_grad=(j in case.wrt))
                       for j, x in enumerate(inputs)]
            result = case.reference(*tensors)
            # An op with several results is differentiated through its
            # first; the others only give the op's type.
            outputs = [result]
            if isinstance(result, (tuple, list)):
                outputs = list(result)
                result = outputs[0]
            case.extra_types = [mlir_type(tuple(o.shape), inputs[0].dtype)
                                for o in outputs[1:]]
            if not result.dtype.is_floating_point:
                sys.exit(f"{case.op}: the result must be float to be "
                         f"differentiated")
            w = self.rng.standard_normal(tuple(result.shape))
            w = torch.tensor(w, dtype=result.dtype)
            wrt = [tensors[j] for j in case.wrt]
            grads = torch.autograd.grad((result * w).sum(), wrt,
                                        allow_unused=True)
            grads = [torch.zeros_like(t) if g is None else g
                     for t, g in zip(wrt, grads)]
            prepared.append((inputs, result.detach().numpy(),
                             w.numpy(), [g.numpy() for g in grads]))
        return prepared

    def _model(self, prepared):
        args, body = [], []
        loss = None
        for i, (case, (inputs, result, w, _)) in enumerate(
                zip(self.cases, prepared)):
            names = []
            for j, x in enumerate(inputs):
                role = "kiln.param" if j in case.wrt else "kiln.input"
                names.append(f"%c{i}_a{j}")
                args.append(f"    %c{i}_a{j}: {mlir_type(x.shape, x.dtype)} "
                            f"{{{role} = \"c{i}_a{j}\"}}")
            args.append(f"    %c{i}_w: {mlir_type(w.shape, w.dtype)} "
                        f"{{kiln.input = \"c{i}_w\"}}")
            out = mlir_type(result.shape, result.dtype)
            ins = [mlir_type(x.shape, x.dtype) for x in inputs]
            float_name = MLIR_FLOAT[np.dtype(result.dtype)]
            op = case.text.format(*names, dtype=float_name)
            scalar = f"tensor<{float_name}>"
            if case.extra_types:
                outs = ", ".join([out] + case.extra_types)
                types = type_signature(case.syntax, ins, f"({outs})")
                count = 1 + len(case.extra_types)
                line = f"  %r{i}_all:{count} = {op} : {types}"
                value = f"%r{i}_all#0"
            else:
                types = type_signature(case.syntax, ins, out)
                indices = f", %x{i}" if case.syntax == "with_indices" else ""
                line = f"  %r{i}{indices} = {op} : {types}"
                value = f"%r{i}"
            body += [
                f"  // {case.label(inputs)}",
                line,
                f"  %p{i} = kiln.mul {value}, %c{i}_w : ({out}, {out}) -> {out}",
                f"  %s{i} = kiln.sum %p{i} : ({out}) -> {scalar}",
            ]
            term = f"%s{i}"
            if float_name != "f64":
                body.append(f"  %d{i} = kiln.cast %s{i} : {scalar} to "
                            f"tensor<f64>")
                term = f"%d{i}"
            if loss is None:
                loss = term
            else:
                body.append(f"  %l{i} = kiln.add {loss}, {term} : "
                            f"(tensor<f64>, tensor<f64>) -> tensor<f64>")
                loss = f"%l{i}"
        return (f"// Generated by test/numerics/Inputs/{self.name}.py.\n"
                f"func.func @{self.name}(\n" + ",\n".join(args) + ")\n"
                "    -> (tensor<f64> {kiln.output = \"loss\"}) {\n" +
                "\n".join(body) + f"\n  return {loss} : tensor<f64>\n}}\n")

    def _run(self, bin_dir, work, dtype):
        prepared = self._prepare(dtype)
        os.makedirs(os.path.join(work, "inputs"))
        model = os.path.join(work, "model.mlir")
        with open(model, "w") as f:
            f.write(self._model(prepared))
        params, bindings = {}, []
        for i, (case, (inputs, _, w, _)) in enumerate(
                zip(self.cases, prepared)):
            named = [(f"c{i}_a{j}", x, j in case.wrt)
                     for j, x in enumerate(inputs)]
            named.append((f"c{i}_w", w, False))
            for name, x, is_param in named:
                if is_param:
                    params[name] = x
                    continue
                path = os.path.join(work, "inputs", f"{name}.npy")
                np.save(path, x)
                bindings += ["--input", f"{name}={path}"]
        params_file = os.path.join(work, "params.safetensors")
        safetensors_numpy.write(params_file, params)

        grad_model = os.path.join(work, "grad.mlir")
        out_dir = os.path.join(work, "outputs")
        steps = [
            [os.path.join(bin_dir, "kiln-opt"), model, "-o", grad_model,
             "--pass-pipeline=builtin.module(func.func(kiln-decompose,"
             "kiln-autodiff))"],
            [os.path.join(bin_dir, "kiln"), "run", grad_model, "--params",
             params_file, "--output-dir", out_dir] + bindings,
        ]
        for command in steps:
            run_or_exit(command, model)

        failures = 0
        for i, (case, (inputs, _, _, expected)) in enumerate(
                zip(self.cases, prepared)):
            for j, reference in zip(case.wrt, expected):
                actual = np.load(os.path.join(out_dir, f"c{i}_a{j}.grad.npy"))
                problem = compare_arrays(actual, np.asarray(reference),
                                         case.tolerance)
                if problem:
                    failures += 1
                    print(f"MISMATCH c{i} d/d(input {j}) "
                          f"{case.label(inputs)}\n  {problem}")

        if dtype == np.float64:
            failures += self._gradcheck(bin_dir, model, params_file, bindings,
                                        prepared)
        return failures

    def _gradcheck(self, bin_dir, model, params_file, bindings, prepared):
        proc = subprocess.run(
            [os.path.join(bin_dir, "kiln"), "gradcheck", model, "--params",
             params_file] + bindings,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode == 0:
            return 0
        failures = skipped = 0
        for line in proc.stdout.splitlines():
            if not line.startswith("FAIL "):
                continue
            name = line.split()[1].rstrip(":")
            i = int(name[1:name.index("_")])
            if not self.cases[i].gradcheck:
                skipped += 1
                continue
            failures += 1
            print(f"GRADCHECK c{i} "
                  f"{self.cases[i].label(prepared[i][0])}\n  {line}")
        if not failures and not skipped:
            print(f"FAIL: kiln gradcheck exited with {proc.returncode} on "
                  f"{model}:\n{proc.stderr}")
            failures = 1
        return failures

    def run(self):
        if len(sys.argv) != 3:
            sys.exit(f"usage: {sys.argv[0]} PATH/TO/BIN_DIR WORK_DIR")
        bin_dir, work = sys.argv[1], sys.argv[2]
        shutil.rmtree(work, ignore_errors=True)
        failures = 0
        for dtype in (np.float32, np.float64):
            failures += self._run(bin_dir, os.path.join(
                work, np.dtype(dtype).name), dtype)
        ops = len({case.op for case in self.cases})
        if failures:
            print(f"FAIL: {failures} {self.name} gradient checks failed")
            sys.exit(1)
        print(f"PASS: all {len(self.cases)} {self.name} cases ({ops} ops): "
              f"float32 and float64 gradients match torch, float64 passes "
              f"gradcheck")
