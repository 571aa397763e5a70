//===- Support.h - Shared helpers of the frontend ---------------*- C++ -*-===//
//
/// The context every graph and loaded model lives in, the mapping between
/// runtime dtypes and MLIR element types, and the capture that turns MLIR
/// diagnostics into kiln::RuntimeError.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_SUPPORT_H
#define KILN_FRONTEND_SUPPORT_H

#include "runtime/Tensor.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <memory>
#include <string>

namespace kiln {

/// A context with the kiln and func dialects loaded and every dialect and
/// extension the CPU pipeline lowers through registered.
std::shared_ptr<mlir::MLIRContext> createFrontendContext();

/// f32, f64, i64, i32, ui8 or i1: the element type kiln ops use for `dtype`.
mlir::Type getElementType(mlir::MLIRContext *context, DType dtype);

/// The dtype of a kiln element type; throws for one the runtime cannot hold.
DType getDType(mlir::Type element);

/// The constant holding a copy of `value`'s elements.
mlir::DenseElementsAttr getElementsAttr(mlir::MLIRContext *context,
                                        const Tensor &value);

/// Builds op `name` at the builder's insertion point with `resultTypes`, or
/// with the types it infers when `resultTypes` is empty, and verifies it.
/// Throws RuntimeError with the dialect's diagnostics, leaving no op behind,
/// when the name is unknown, inference fails or the op is invalid.
mlir::Operation *buildVerifiedOp(mlir::OpBuilder &builder, mlir::Location loc,
                                 llvm::StringRef name, mlir::ValueRange operands,
                                 llvm::ArrayRef<mlir::NamedAttribute> attributes,
                                 mlir::TypeRange resultTypes);

/// Collects, while it lives, the diagnostics emitted on a context instead of
/// printing them, so a failure can be thrown with the dialect's own message.
class DiagnosticCapture {
public:
  explicit DiagnosticCapture(mlir::MLIRContext &context);

  /// Throws RuntimeError with `what` followed by the collected messages.
  [[noreturn]] void fail(const std::string &what = "") const;

private:
  std::string messages_;
  mlir::ScopedDiagnosticHandler handler_;
};

} // namespace kiln

#endif // KILN_FRONTEND_SUPPORT_H
