//===- ModelLoader.h - Reading model files for the kiln tool ----*- C++ -*-===//

#ifndef KILN_TOOLS_KILN_MODELLOADER_H
#define KILN_TOOLS_KILN_MODELLOADER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>

namespace kiln {

/// A context with every dialect a model file and its compilation use.
std::unique_ptr<mlir::MLIRContext> createModelContext();

/// Parses and verifies a model file. Diagnostics go to stderr with the
/// file's locations; a failure throws RuntimeError naming the file.
mlir::OwningOpRef<mlir::ModuleOp> loadModel(const std::string &path,
                                            mlir::MLIRContext &context);

} // namespace kiln

#endif // KILN_TOOLS_KILN_MODELLOADER_H
