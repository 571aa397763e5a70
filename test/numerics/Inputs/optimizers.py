"""The optimizer update ops against torch.optim, in float32 and float64.

Each case is one optimizer configuration run for 5 steps on a [3, 4]
parameter with given gradients (of varying scale, so that amsgrad's maximum
and the averages move): torch.optim's step() with foreach=False (the
`_single_tensor_*` functions the ops follow) on one side, on the other a
model that chains the kiln update op 5 times, with the step constants 1..5
and the gradients and initial state as inputs. The final parameter and every
state tensor torch keeps are compared. The cases of each optimizer go into
one model, run once with `kiln run --output-dir`.

Configurations: SGD with momentum, dampening, nesterov, weight_decay and
maximize; Adam and AdamW with their defaults, other betas, weight decay,
amsgrad and maximize; RMSprop plain, centered, with momentum and all
together; Adagrad with lr_decay and initial_accumulator_value, weight decay
and maximize; Adadelta with weight decay, another rho, eps and maximize.
Usage: optimizers.py PATH/TO/kiln WORK_DIR."""

import itertools
import os
import shutil
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (FLOAT_DTYPES, Tolerance, compare_arrays,  # noqa: E402
                     describe, mlir_type, run_or_exit)

STEPS = 5
SHAPE = (3, 4)
# The scale of each step's gradient.
GRAD_SCALES = [2.0, 0.5, 1.0, 3.0, 0.2]

# Kiln emits the same float operations as torch's single-tensor functions,
# in the same order, with the same roundings of Python floats (scalars round
# to the tensor's dtype; step arithmetic happens in float64 with the same
# libm pow). What differs is contraction: torch's vectorized CPU kernel of
# `add(other, alpha=s)` computes `self + s * other` with a fused
# multiply-add, one rounding where kiln has two, so results differ in the
# last bits: a
# few ulp of the value (up to 8 measured), or of the operands in values that
# cancel towards zero (at most 6e-8 absolute in float32, 1.1e-16 in
# float64). The bounds allow ~10 ulp relative and a few ulp of 1 absolute;
# the largest difference measured is a seventh of them.
UPDATE = Tolerance("update", {
    np.dtype(np.float32): (1e-6, 1e-6),
    np.dtype(np.float64): (2e-15, 1e-15),
})

# (torch class, kiln op, state names in kiln operand order, configurations).
# A configuration is torch.optim's keyword arguments; the same names become
# the op's attributes (betas as beta1/beta2, flags as unit attributes) but
# initial_accumulator_value, which is the initial value of Adagrad's sum.
OPTIMIZERS = [
    (torch.optim.SGD, "sgd_update", ["momentum_buffer"], [
        dict(lr=0.1),
        dict(lr=0.1, momentum=0.9),
        dict(lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01),
        dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.1),
        dict(lr=0.1, momentum=0.5, maximize=True),
        dict(lr=0.1, weight_decay=0.1, maximize=True),
    ]),
    (torch.optim.Adam, "adam_update",
     ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"], [
        dict(),
        dict(lr=0.01, betas=(0.8, 0.99), weight_decay=0.1),
        dict(lr=0.01, amsgrad=True),
        dict(lr=0.01, amsgrad=True, maximize=True, weight_decay=0.05,
             eps=1e-3),
    ]),
    (torch.optim.AdamW, "adamw_update",
     ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"], [
        dict(),
        dict(lr=0.01, weight_decay=0.1, amsgrad=True),
        dict(lr=0.01, betas=(0.5, 0.6), maximize=True),
    ]),
    (torch.optim.RMSprop, "rmsprop_update",
     ["square_avg", "grad_avg", "momentum_buffer"], [
        dict(),
        dict(centered=True),
        dict(momentum=0.9),
        dict(lr=0.05, alpha=0.9, eps=1e-4, weight_decay=0.1, momentum=0.5,
             centered=True, maximize=True),
    ]),
    (torch.optim.Adagrad, "adagrad_update", ["sum"], [
        dict(),
        dict(lr_decay=0.1, initial_accumulator_value=0.5),
        dict(lr=0.1, weight_decay=0.1, eps=1e-3, maximize=True),
    ]),
    (torch.optim.Adadelta, "adadelta_update", ["square_avg", "acc_delta"], [
        dict(),
        dict(rho=0.95, weight_decay=0.1),
        dict(lr=0.5, eps=1e-4, maximize=True),
    ]),
]


def mlir_float(value):
    """A float attribute that parses back to the same double."""
    return f"{value:.17e} : f64"


def attributes(config):
    """The update op's attribute dictionary for torch's keyword arguments."""
    attrs = []
    for name, value in config.items():
        if name == "initial_accumulator_value":
            continue
        if name == "betas":
            attrs += [f"beta1 = {mlir_float(value[0])}",
                      f"beta2 = {mlir_float(value[1])}"]
        elif isinstance(value, bool):
            attrs += [name] if value else []
        else:
            attrs.append(f"{name} = {mlir_float(value)}")
    return "{" + ", ".join(attrs) + "}"


class Case:
    def __init__(self, index, torch_class, op, state_names, config, dtype,
                 rng):
        self.name = f"c{index}"
        self.op = op
        self.config = config
        self.dtype = np.dtype(dtype)
        self.param = rng.standard_normal(SHAPE).astype(dtype)
        self.grads = [(rng.standard_normal(SHAPE) * scale).astype(dtype)
                      for scale in GRAD_SCALES]
        self.expected = self.run_torch(torch_class)
        # The states torch keeps with this configuration, in operand order.
        self.states = [name for name in state_names if name in self.expected]
        init = config.get("initial_accumulator_value", 0.0)
        self.initial = {name: np.full(SHAPE, init if name == "sum" else 0.0,
                                      dtype) for name in self.states}

    def label(self):
        return f"{self.op} {self.config} on {describe(self.param)}"

    def run_torch(self, torch_class):
        param = torch.nn.Parameter(torch.from_numpy(self.param.copy()))
        optimizer = torch_class([param], foreach=False, **self.config)
        for grad in self.grads:
            param.grad = torch.from_numpy(grad.copy())
            optimizer.step()
        expected = {"param": param.detach().numpy().copy()}
        # SGD without momentum stores a None momentum_buffer.
        for name, value in optimizer.state[param].items():
            if name != "step" and value is not None:
                expected[name] = value.numpy().copy()
        return expected

    def inputs(self):
        """(input name, array) pairs."""
        pairs = [(f"{self.name}_param0", self.param)]
        pairs += [(f"{self.name}_grad{k + 1}", g)
                  for k, g in enumerate(self.grads)]
        pairs += [(f"{self.name}_{s}0", self.initial[s]) for s in self.states]
        return pairs

    def outputs(self):
        return ["param"] + self.states

    def body(self):
        """The 5 chained updates; returns (lines, final values by output)."""
        c, t = self.name, mlir_type(SHAPE, self.dtype)
        current = {name: f"%{c}_{name}0" for name in self.outputs()}
        lines = [f"  // {self.label()}"]
        for k in range(1, STEPS + 1):
            lines.append(f"  %{c}_t{k} = kiln.constant "
                         f"dense<{float(k):.1f}> : tensor<f64>")
            states = "".join(f", {s} {current[s]}" for s in self.states)
            results = {name: f"%{c}_{name}{k}" for name in self.outputs()}
            lines.append(
                f"  {', '.join(results.values())} = kiln.{self.op} "
                f"{current['param']}, %{c}_grad{k}, step %{c}_t{k}{states} "
                f"{attributes(self.config)} : {t}")
            current = results
        return lines, current


def model(cases):
    args, results, body, returns = [], [], [], []
    for case in cases:
        for name, array in case.inputs():
            args.append(f"    %{name}: {mlir_type(array.shape, array.dtype)} "
                        f"{{kiln.input = \"{name}\"}}")
        lines, final = case.body()
        body += lines
        t = mlir_type(SHAPE, case.dtype)
        for name in case.outputs():
            results.append(f"    {t} {{kiln.output = \"{case.name}_{name}\"}}")
            returns.append((final[name], t))
    return ("// Generated by test/numerics/Inputs/optimizers.py.\n"
            "func.func @optimizers(\n" + ",\n".join(args) + ")\n"
            "    -> (\n" + ",\n".join(results) + ") {\n" + "\n".join(body) +
            "\n  return " + ", ".join(r for r, _ in returns) + " : " +
            ", ".join(t for _, t in returns) + "\n}\n")


def run_kiln(kiln, work, cases):
    """Runs the model of `cases` with their inputs under `work`; returns the
    directory of its outputs."""
    os.makedirs(os.path.join(work, "inputs"))
    out_dir = os.path.join(work, "outputs")
    command = [kiln, "run", os.path.join(work, "model.mlir"),
               "--output-dir", out_dir]
    for case in cases:
        for name, array in case.inputs():
            path = os.path.join(work, "inputs", f"{name}.npy")
            np.save(path, array)
            command += ["--input", f"{name}={path}"]
    with open(os.path.join(work, "model.mlir"), "w") as f:
        f.write(model(cases))
    run_or_exit(command, os.path.join(work, "model.mlir"))
    return out_dir


def main():
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} PATH/TO/kiln WORK_DIR")
    kiln, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    rng = np.random.default_rng(11)
    failures = total = 0
    # One model per optimizer: compile time grows faster than the model.
    for torch_class, op, state_names, configs in OPTIMIZERS:
        variants = itertools.product(configs, FLOAT_DTYPES)
        cases = [Case(i, torch_class, op, state_names, config, dtype, rng)
                 for i, (config, dtype) in enumerate(variants)]
        out_dir = run_kiln(kiln, os.path.join(work, op), cases)
        total += len(cases)
        for case in cases:
            for name in case.outputs():
                actual = np.load(os.path.join(out_dir,
                                              f"{case.name}_{name}.npy"))
                problem = compare_arrays(actual, case.expected[name], UPDATE)
                if problem:
                    failures += 1
                    print(f"MISMATCH {op} {case.name} {name}: "
                          f"{case.label()}\n  {problem}")
    if failures:
        print(f"FAIL: {failures} results of the {total} optimizer cases "
              f"differ from torch.optim")
        sys.exit(1)
    print(f"PASS: all {total} optimizer cases (param and state after "
          f"{STEPS} steps) match torch.optim")


if __name__ == "__main__":
    main()
