//===- ConverterSupport.h - Helpers the ONNX converters share ---*- C++ -*-===//

#ifndef KILN_FRONTEND_ONNX_CONVERTERSUPPORT_H
#define KILN_FRONTEND_ONNX_CONVERTERSUPPORT_H

#include "frontend/onnx/NodeContext.h"

namespace kiln::onnx_import {

/// `axis` in [-rank, rank) as a dimension index; fails when out of range.
int64_t normalizeAxis(NodeContext &context, int64_t axis, int64_t rank);

/// The element type of a tensor value.
mlir::Type getElementTypeOf(mlir::Value value);

/// Fails unless input `index` (`role`, as "indices") holds integers or
/// bools: a converter that reads its values as APInts or builds integer
/// attributes of its type would misread or overrun a float.
void requireIntegers(NodeContext &context, size_t index, llvm::StringRef role);

/// `input` reshaped to `shape`, or `input` when it has that shape.
mlir::Value reshape(NodeContext &context, mlir::Value input,
                    llvm::ArrayRef<int64_t> shape);

/// `value` cast to `element`, or `value` when it has that element type.
mlir::Value castTo(NodeContext &context, mlir::Value value, mlir::Type element);

/// A 1-D i64 constant.
mlir::Value int64Constant(NodeContext &context, llvm::ArrayRef<int64_t> values);

/// The axes of Squeeze, Unsqueeze and the reductions: an attribute before
/// opset `inputFromOpset`, the optional input 1 from it on. None when absent.
std::optional<std::vector<int64_t>> getAxes(NodeContext &context,
                                            int64_t inputFromOpset);

/// A node converted to one kiln op of the same operands: Neg -> kiln.neg.
template <const char *OpName> void convertUnary(NodeContext &context) {
  context.setOutput(0, context.op(OpName, {context.input(0)}));
}
template <const char *OpName> void convertBinary(NodeContext &context) {
  context.setOutput(0,
                    context.op(OpName, {context.input(0), context.input(1)}));
}

} // namespace kiln::onnx_import

#endif // KILN_FRONTEND_ONNX_CONVERTERSUPPORT_H
