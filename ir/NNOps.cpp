//===- NNOps.cpp - Neural-network layers ----------------------------------===//

#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"

using namespace mlir;

namespace kiln {

LogicalResult LinearOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  auto weight =
      getStaticTensor(loc, name, adaptor.getWeight().getType(), "weight");
  if (failed(input) || failed(weight))
    return failure();
  ArrayRef<int64_t> x = input->getShape(), w = weight->getShape();
  if (x.empty() || w.size() != 2)
    return reportOpError(loc, name,
                         "expects input [..., in_features] and weight "
                         "[out_features, in_features], got " +
                             formatShape(x) + " and " + formatShape(w));
  if (x.back() != w[1])
    return reportOpError(loc, name,
                         "input has " + Twine(x.back()) +
                             " features but weight expects " + Twine(w[1]) +
                             ": input " + formatShape(x) + ", weight " +
                             formatShape(w));
  Type element = input->getElementType();
  if (weight->getElementType() != element)
    return reportOpError(
        loc, name,
        "input and weight dtypes differ: " + getDtypeName(element) + " vs " +
            getDtypeName(weight->getElementType()));
  if (Value bias = adaptor.getBias()) {
    auto biasTensor = getStaticTensor(loc, name, bias.getType(), "bias");
    if (failed(biasTensor))
      return failure();
    // The bias broadcasts over the output features, as in torch.addmm.
    ArrayRef<int64_t> b = biasTensor->getShape();
    bool broadcasts =
        b.empty() || (b.size() == 1 && (b[0] == w[0] || b[0] == 1));
    if (!broadcasts || biasTensor->getElementType() != element)
      return reportOpError(loc, name,
                           "bias must be " + getDtypeName(element) + " " +
                               formatShape({w[0]}) +
                               " or broadcast to it, got " +
                               getDtypeName(biasTensor->getElementType()) +
                               " " + formatShape(biasTensor->getShape()));
  }
  SmallVector<int64_t> shape(x.drop_back());
  shape.push_back(w[0]);
  types.push_back(RankedTensorType::get(shape, element));
  return success();
}

} // namespace kiln
