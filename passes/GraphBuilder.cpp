//===- GraphBuilder.cpp - Building kiln subgraphs in rewrites -------------===//

#include "passes/GraphBuilder.h"

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
