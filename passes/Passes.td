//===- Passes.td - Kiln's passes ---------------------------*- tablegen -*-===//

#ifndef KILN_PASSES_TD
#define KILN_PASSES_TD

include "mlir/Pass/PassBase.td"

def KilnDecompose : Pass<"kiln-decompose"> {
  let summary = "Rewrites composite ops (linear, softmax, mean, losses, optimizer updates) into core ops";
  let description = [{
    After this pass only core ops remain: every op with the `Composite` trait
    (linear, softmax, log_softmax, mean, the losses and the optimizer
    updates) is expressed with element-wise ops, reductions, matmul and
    gathers, so autodiff, fusion and the backends handle a small set of ops.
    The rewrites follow PyTorch's numerically stable formulations
    (max-shifted softmax, log-sum-exp, PyTorch's clamped logarithms in binary
    cross entropy) and torch.optim's order of operations.
  }];
  let dependentDialects = ["::kiln::KilnDialect"];
}

def KilnMaterializeRandom : Pass<"kiln-materialize-random"> {
  let summary = "Evaluates seeded random draws into constants";
  let description = [{
    Every generator starts at a `kiln.manual_seed` with a constant seed, so
    each `kiln.rand`/`kiln.randn` draws values known at compile time. This
    pass draws them with Kiln's PyTorch-compatible generator, in data-flow
    order, and replaces each draw with a `kiln.constant`: the values equal
    `torch.manual_seed(seed)` followed by the same calls in PyTorch. A draw
    whose generator does not come from a `kiln.manual_seed` is an error.
  }];
  let dependentDialects = ["::kiln::KilnDialect"];
}

def KilnSplitReductions : Pass<"kiln-split-reductions", "mlir::func::FuncOp"> {
  let summary = "Sums long float reductions in stages of at most 128 terms";
  let description = [{
    A float `kiln.sum` over more than 128 elements becomes a chain of sums
    that each add at most 128 terms per result (adjacent reduced dims
    together, innermost first; a long run split into blocks), so its
    rounding error grows like PyTorch's cascade sum instead of with the
    element count. Batch norm statistics and loss means over a batch are
    such sums.
  }];
  let dependentDialects = ["::kiln::KilnDialect"];
}

def KilnAttachLoss : Pass<"kiln-attach-loss", "mlir::func::FuncOp"> {
  let summary = "Adds a loss comparing a model output with a target";
  let description = [{
    What `kiln train --loss KIND:OUTPUT,TARGET` does to a model that does not
    compute its own loss: the output named `output` and the target named
    `target` are compared by the loss op `kind` (mse, l1, smooth_l1, bce,
    bce_with_logits, cross_entropy or nll, each with PyTorch's default mean
    reduction), whose value becomes a new result named `loss`. The target is
    the model input of that name when the model has one; otherwise the pass
    adds it as an input, typed like the output for the element-wise losses
    and as int64 class indices (the output's shape without the class
    dimension 1) for cross_entropy and nll.
  }];
  let options = [
    Option<"kind", "kind", "std::string", /*default=*/"", "The loss kind">,
    Option<"output", "output", "std::string", /*default=*/"",
           "The kiln.output name of the prediction">,
    Option<"target", "target", "std::string", /*default=*/"",
           "The kiln.input name of the target">,
  ];
  let dependentDialects = ["::kiln::KilnDialect"];
}

def KilnAutodiff : Pass<"kiln-autodiff", "mlir::func::FuncOp"> {
  let summary = "Appends the gradients of a model's loss to its results";
  let description = [{
    Reverse-mode automatic differentiation as a graph transformation. The
    function's loss (the result named by `loss`, or its only result when
    unnamed) must be a 0-d float tensor. The pass emits, in the kiln dialect and in the same
    function, the gradient of the loss with respect to each parameter (the
    float `kiln.param` arguments, or those named by `wrt`) and returns it as
    a new result named `<param>.grad`, after the existing results. Every op
    on the way supplies its vector-Jacobian product through
    DifferentiableOpInterface, so composite ops must be decomposed first and
    the backward graph is compiled like any other code. docs/autodiff.md
    describes the transformation.
  }];
  let options = [
    Option<"loss", "loss", "std::string", /*default=*/"\"loss\"",
           "The kiln.output name of the loss result">,
    ListOption<"wrt", "wrt", "std::string",
               "The kiln.param names to differentiate (all float "
               "parameters when empty)">,
  ];
  let dependentDialects = ["::kiln::KilnDialect"];
}

/// A float hyperparameter of kiln-train-step, named as in torch.optim; NaN
/// (unset) stands for the optimizer's default.
class Kiln_Hyperparameter<string name, string optimizers>
    : Option<name, name, "double",
             /*default=*/"std::numeric_limits<double>::quiet_NaN()",
             optimizers # " (unset: the optimizer's torch default)">;

def KilnTrainStep : Pass<"kiln-train-step", "mlir::func::FuncOp"> {
  let summary = "Turns a model with a loss into one training step of a torch.optim optimizer";
  let description = [{
    Rewrites the function into `(inputs, params, optimizer state) -> (loss,
    new params, new state)`: the gradient of the loss (the `kiln.output`
    named by `loss`, a 0-d float tensor) with respect to every float
    `kiln.param` comes from the ops' vector-Jacobian products, and each
    parameter is updated by the optimizer's update op (`kiln.sgd_update`,
    `kiln.adam_update`, ...), which `kiln-decompose` later expands. Composites
    in the model must already be decomposed: run `kiln-decompose` first.

    New arguments, after the existing ones: the steps taken so far
    (`{kiln.state = "step"}`, a 0-d float64 starting at 0), then for each
    float parameter `P` the state tensors the optimizer keeps with these
    settings, `{kiln.state = "P.<torch state name>"}` of P's type (with a
    `kiln.init_value` when the state does not start at zero: Adagrad's
    `initial_accumulator_value`). Results: the loss, each parameter's new
    value (`{kiln.update = "P"}`), the new step (`{kiln.update = "step"}`)
    and the new states; the model's other outputs, and the ops that only
    fed them, are dropped. A parameter the loss does not depend on gets a
    zero gradient and is updated like the others (torch.optim skips a
    parameter whose `.grad` is None).

    Hyperparameters take torch.optim's names; an unset one (NaN, the
    default) takes the optimizer's torch default, and `sgd` has none for
    `lr`. Setting one the optimizer does not take is an error.
  }];
  let options = [
    Option<"optimizer", "optimizer", "std::string", /*default=*/"\"\"",
           "sgd, adam, adamw, rmsprop, adagrad or adadelta">,
    Option<"loss", "loss", "std::string", /*default=*/"\"loss\"",
           "The kiln.output name of the loss result">,
    Kiln_Hyperparameter<"lr", "all">,
    Kiln_Hyperparameter<"momentum", "sgd, rmsprop">,
    Kiln_Hyperparameter<"dampening", "sgd">,
    Option<"nesterov", "nesterov", "bool", "false", "sgd">,
    Kiln_Hyperparameter<"weight_decay", "all">,
    Option<"maximize", "maximize", "bool", "false", "all">,
    ListOption<"betas", "betas", "double", "adam, adamw: beta1,beta2">,
    Kiln_Hyperparameter<"eps", "all but sgd">,
    Option<"amsgrad", "amsgrad", "bool", "false", "adam, adamw">,
    Kiln_Hyperparameter<"alpha", "rmsprop">,
    Option<"centered", "centered", "bool", "false", "rmsprop">,
    Kiln_Hyperparameter<"lr_decay", "adagrad">,
    Kiln_Hyperparameter<"initial_accumulator_value", "adagrad">,
    Kiln_Hyperparameter<"rho", "adadelta">,
  ];
  let dependentDialects = ["::kiln::KilnDialect"];
}

def KilnFuse : Pass<"kiln-fuse", "mlir::func::FuncOp"> {
  let summary = "Groups the ops one kernel computes into kiln.fusion regions";
  let description = [{
    Runs on decomposed graphs (forward, backward or train step) and is shared
    by every backend. Ops are visited in program order; each fusible op joins
    the region of one of its operands' producers when the rules allow it, or
    starts a region of its own:

    - a pointwise op (element-wise, broadcasting, `expand`) joins any
      region: an element-wise chain, the producers or consumers of a
      reduction (softmax, log-softmax, the losses, mean and variance), or the
      epilogue of a matrix product (bias, activation, residual add) when it
      has the product's shape;
    - a reduction joins a pointwise or reduction region (its element-wise
      producers are computed while reducing);
    - a matrix product always starts a region: it runs as a library kernel
      that reads its operands from memory, so producers never fuse into it,
      and nothing but a same-shaped pointwise epilogue fuses after it.

    Never fused: an op that would make a region depend on itself through an
    op outside it; shape ops that move data (transpose, permute, cat, stack,
    slice, gather, index_select: layout passes and the matmul kernels fold
    the transposes, and the others are copies a backend runs on their own);
    reshapes (free views); `inverse` and `det`. A region yields every value
    used outside it, so nothing is computed twice; splat constants are
    cloned into the regions that use them.
  }];
  let dependentDialects = ["::kiln::KilnDialect"];
}

#endif // KILN_PASSES_TD
