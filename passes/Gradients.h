//===- Gradients.h - Reverse-mode differentiation of a kiln graph -*- C++ -*-===//
//
/// The graph transformation behind `kiln-autodiff` and `kiln-train-step`:
/// given a function body, a scalar loss in it and the values to
/// differentiate, it appends the backward graph, built from each op's
/// vector-Jacobian product, to the same body. docs/autodiff.md explains it.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_PASSES_GRADIENTS_H
#define KILN_PASSES_GRADIENTS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace kiln {

/// Emits, before the terminator of `func`'s single block, the gradient of
/// `loss` (a 0-d float tensor computed in that block) with respect to each
/// value of `wrt` (float tensors: block arguments or values of the block),
/// and returns them in order. A value that the loss does not depend on gets
/// zeros, as `torch.autograd.grad(..., materialize_grads=True)` would.
///
/// Only ops on a path from `wrt` to `loss` are differentiated, through
/// DifferentiableOpInterface; ops with the NonDifferentiable trait and
/// non-float values stop the gradient. Fails, with an error at the op, on an
/// op with neither (including composites, which `kiln-decompose` removes
/// first) or on a vector-Jacobian product of the wrong type.
mlir::FailureOr<llvm::SmallVector<mlir::Value>>
buildGradients(mlir::func::FuncOp func, mlir::Value loss,
               llvm::ArrayRef<mlir::Value> wrt);

/// The index of a model's loss: the result that `kiln.output` names `name`,
/// or the function's only result when it has no name. Otherwise reports, at the function, that
/// it has no such result to `purpose` ("differentiate", "minimize").
mlir::FailureOr<unsigned> findLossResult(mlir::func::FuncOp func,
                                         llvm::StringRef name,
                                         llvm::StringRef purpose);

} // namespace kiln

#endif // KILN_PASSES_GRADIENTS_H
