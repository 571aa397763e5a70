//===- Passes.td - Kiln's passes ---------------------------*- tablegen -*-===//

#ifndef KILN_PASSES_TD
#define KILN_PASSES_TD

include "mlir/Pass/PassBase.td"

def KilnDecompose : Pass<"kiln-decompose"> {
  let summary = "Rewrites composite ops (linear, softmax, mean, losses) into core ops";
  let description = [{
    After this pass only core ops remain: every op with the `Composite` trait
    (linear, softmax, log_softmax, mean and the losses) is expressed with
    element-wise ops, reductions, matmul and gathers, so autodiff, fusion and
    the backends handle a small set of ops. The rewrites follow PyTorch's
    numerically stable formulations (max-shifted softmax, log-sum-exp,
    PyTorch's clamped logarithms in binary cross entropy).
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

def KilnAutodiff : Pass<"kiln-autodiff", "mlir::func::FuncOp"> {
  let summary = "Appends the gradients of a model's loss to its results";
  let description = [{
    Reverse-mode automatic differentiation as a graph transformation. The
    function's loss (the result named by `loss`, or its only result) must be
    a 0-d float tensor. The pass emits, in the kiln dialect and in the same
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

#endif // KILN_PASSES_TD
