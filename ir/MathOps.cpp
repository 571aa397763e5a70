//===- MathOps.cpp - Math functions and activations -----------------------===//
//
/// Inference for prelu (a slope broadcast to the input, not a symmetric
/// broadcast) and the attribute checks of gelu and celu; the other math ops
/// follow the unary and binary element-wise rules of ShapeInference.
//
//===----------------------------------------------------------------------===//

#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"

using namespace mlir;

namespace kiln {

LogicalResult PreluOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input = getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  auto slope = getStaticTensor(loc, name, adaptor.getSlope().getType(), "slope");
  if (failed(input) || failed(slope))
    return failure();
  Type element = input->getElementType();
  if (getCategory(element) != DtypeCategory::Float)
    return reportOpError(loc, name,
                         "is only defined for float tensors (input " +
                             formatShape(input->getShape()) + " " +
                             getDtypeName(element) + ")");
  if (slope->getElementType() != element)
    return reportOpError(loc, name,
                         "slope must have the input's dtype " +
                             getDtypeName(element) + ", not " +
                             getDtypeName(slope->getElementType()));
  auto shape =
      broadcastShapes(loc, name, {input->getShape(), slope->getShape()});
  if (failed(shape))
    return failure();
  if (ArrayRef<int64_t>(*shape) != input->getShape())
    return reportOpError(loc, name,
                         "slope " + formatShape(slope->getShape()) +
                             " must broadcast to the input's shape " +
                             formatShape(input->getShape()) + ", not widen it");
  types.push_back(*input);
  return success();
}

LogicalResult GeluOp::verify() {
  if (getApproximate() != "none" && getApproximate() != "tanh")
    return emitOpError("approximate must be \"none\" or \"tanh\", not \"")
           << getApproximate() << "\"";
  return success();
}

LogicalResult CeluOp::verify() {
  if (getAlpha().isZero())
    return emitOpError("alpha must not be 0");
  return success();
}

} // namespace kiln
