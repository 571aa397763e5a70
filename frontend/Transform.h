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
#include "mlir/Pass/PassManager.h"

#include <string>

namespace kiln {

/// A copy of `module` transformed by the passes `buildPipeline` adds to a
/// module pass manager (one of passes/Pipeline.h). `buildPipeline` fails
/// with a message on `errors` for invalid options. Throws RuntimeError with
/// that message or the passes' diagnostics on failure; `what` says what was
/// being done, for the message.
mlir::OwningOpRef<mlir::ModuleOp>
transformModel(mlir::ModuleOp module,
               llvm::function_ref<mlir::LogicalResult(mlir::OpPassManager &,
                                                      llvm::raw_ostream &errors)>
                   buildPipeline,
               const std::string &what);

} // namespace kiln

#endif // KILN_FRONTEND_TRANSFORM_H
