//===- Transform.h - Running graph passes on a model ------------*- C++ -*-===//
//
/// Applies kiln passes to a model before it is compiled: how the trainer and
/// gradcheck turn a model into its gradient or train-step function.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_TRANSFORM_H
#define KILN_FRONTEND_TRANSFORM_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>

namespace kiln {

/// A copy of `module` transformed by `pipeline`, in mlir-opt syntax nested
/// under the module ("func.func(kiln-decompose,kiln-autodiff)"). Throws
/// RuntimeError with the passes' diagnostics on failure; `what` says what was
/// being done, for the message.
mlir::OwningOpRef<mlir::ModuleOp> transformModel(mlir::ModuleOp module,
                                                 const std::string &pipeline,
                                                 const std::string &what);

} // namespace kiln

#endif // KILN_FRONTEND_TRANSFORM_H
