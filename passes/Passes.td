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

#endif // KILN_PASSES_TD
