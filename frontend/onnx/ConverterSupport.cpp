//===- ConverterSupport.cpp - Helpers the ONNX converters share -----------===//

#include "frontend/onnx/ConverterSupport.h"

#include "frontend/Support.h"

using namespace mlir;

namespace kiln::onnx_import {

int64_t normalizeAxis(NodeContext &context, int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    context.fail("axis " + llvm::Twine(axis) + " is out of range for rank " +
                 llvm::Twine(rank));
  return axis < 0 ? axis + rank : axis;
}

Type getElementTypeOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

void requireIntegers(NodeContext &context, size_t index, StringRef role) {
  Type element = context.inputType(index).getElementType();
  if (isa<IntegerType>(element))
    return;
  context.fail("input " + Twine(index) + " (" + role +
               ") must hold integers, not " + getDTypeName(getDType(element)));
}

Value reshape(NodeContext &context, Value input, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(input.getType());
  if (type.getShape() == shape)
    return input;
  return context.op("kiln.reshape", type.clone(shape), {input},
                    {{"shape", context.i64ArrayAttr(shape)}});
}

Value castTo(NodeContext &context, Value value, Type element) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() == element)
    return value;
  return context.op("kiln.cast", type.clone(element), {value});
}

Value int64Constant(NodeContext &context, ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    context.builder().getI64Type());
  return context.constant(DenseElementsAttr::get(type, values));
}

std::optional<std::vector<int64_t>> getAxes(NodeContext &context,
                                            int64_t inputFromOpset) {
  if (context.opset() < inputFromOpset) {
    if (!context.hasAttr("axes"))
      return std::nullopt;
    return context.attrInts("axes");
  }
  if (!context.hasInput(1))
    return std::nullopt;
  return context.constantInts(1);
}

} // namespace kiln::onnx_import
