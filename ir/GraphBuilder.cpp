//===- GraphBuilder.cpp - Building kiln subgraphs in rewrites -------------===//

#include "ir/GraphBuilder.h"

using namespace mlir;

namespace kiln {

Value createScalar(OpBuilder &builder, Location loc, Type elementType,
                   double value) {
  auto type = RankedTensorType::get({}, elementType);
  Attribute element = isa<FloatType>(elementType)
                          ? Attribute(builder.getFloatAttr(elementType, value))
                          : Attribute(builder.getIntegerAttr(
                                elementType, static_cast<int64_t>(value)));
  return builder.create<ConstantOp>(loc, DenseElementsAttr::get(type, element));
}

Value createCast(OpBuilder &builder, Location loc, Value input,
                 Type elementType) {
  auto type = cast<RankedTensorType>(input.getType());
  if (type.getElementType() == elementType)
    return input;
  return builder.create<CastOp>(loc, type.clone(elementType), input);
}

Value createReshape(OpBuilder &builder, Location loc, Value input,
                    ArrayRef<int64_t> shape) {
  if (cast<RankedTensorType>(input.getType()).getShape() == shape)
    return input;
  return builder.create<ReshapeOp>(loc, input, shape);
}

Value createZeroPad(OpBuilder &builder, Location loc, Value value,
                    ArrayRef<int64_t> pads) {
  return builder.create<PadOp>(
      loc, value, builder.getDenseI64ArrayAttr(pads),
      PadModeAttr::get(builder.getContext(), PadMode::constant),
      builder.getF64FloatAttr(0.0));
}

Value sumToOperandType(OpBuilder &builder, Location loc, Value grad,
                       Type operandType) {
  auto gradType = cast<RankedTensorType>(grad.getType());
  auto targetType = cast<RankedTensorType>(operandType);
  ArrayRef<int64_t> gradShape = gradType.getShape();
  ArrayRef<int64_t> targetShape = targetType.getShape();
  // Broadcasting aligns trailing dims: the leading extra dims of the result
  // and the dims where the operand had size 1 were expanded.
  int64_t extra = gradType.getRank() - targetType.getRank();
  SmallVector<int64_t> dims;
  for (int64_t dim = 0; dim < gradType.getRank(); ++dim)
    if (dim < extra ||
        (targetShape[dim - extra] == 1 && gradShape[dim] != 1))
      dims.push_back(dim);
  Value sum = grad;
  if (!dims.empty()) {
    sum = createSum(builder, loc, grad, dims, /*keepdim=*/true);
    if (extra > 0 || targetShape != cast<RankedTensorType>(sum.getType()).getShape())
      sum = builder.create<ReshapeOp>(loc, sum,
                                      builder.getDenseI64ArrayAttr(targetShape));
  }
  return createCast(builder, loc, sum, targetType.getElementType());
}

Value createSum(OpBuilder &builder, Location loc, Value input,
                ArrayRef<int64_t> dims, bool keepdim) {
  return builder.create<SumOp>(
      loc, input, dims.empty() ? nullptr : builder.getDenseI64ArrayAttr(dims),
      keepdim ? builder.getUnitAttr() : nullptr);
}

Value createMean(OpBuilder &builder, Location loc, Value input,
                 std::optional<ArrayRef<int64_t>> dims, bool keepdim) {
  auto type = cast<RankedTensorType>(input.getType());
  // The dims were verified with the op being rewritten, so this succeeds.
  FailureOr<SmallVector<int64_t>> reduced = getReducedDims(
      std::nullopt, MeanOp::getOperationName(), dims, type.getRank());
  int64_t count = 1;
  for (int64_t dim : *reduced)
    if (type.getRank() > 0)
      count *= type.getDimSize(dim);
  Value sum = builder.create<SumOp>(
      loc, input, dims ? builder.getDenseI64ArrayAttr(*dims) : nullptr,
      keepdim ? builder.getUnitAttr() : nullptr);
  return builder.create<DivOp>(
      loc, sum, createScalar(builder, loc, type.getElementType(), count));
}

Value createLossReduction(OpBuilder &builder, Location loc, Value perElement,
                          Reduction reduction) {
  switch (reduction) {
  case Reduction::none:
    return perElement;
  case Reduction::sum:
    return createSum(builder, loc, perElement, {}, /*keepdim=*/false);
  case Reduction::mean:
    return createMean(builder, loc, perElement, std::nullopt,
                      /*keepdim=*/false);
  }
  llvm_unreachable("unknown reduction");
}

} // namespace kiln
