//===- LoweringUtils.cpp - Shared pieces of the kiln-to-linalg lowering ---===//

#include "codegen/linalg/LoweringUtils.h"

#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace kiln {

Type getSignlessType(Type kilnElementType) {
  if (auto integer = dyn_cast<IntegerType>(kilnElementType))
    return IntegerType::get(integer.getContext(), integer.getWidth());
  return kilnElementType;
}

bool isZeroExtended(Type kilnElementType) {
  return kilnElementType.isUnsignedInteger() || kilnElementType.isInteger(1);
}

KilnTypeConverter::KilnTypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](IntegerType type) { return getSignlessType(type); });
  addConversion([](RankedTensorType type) {
    return type.clone(getSignlessType(type.getElementType()));
  });
}

Value convertScalar(OpBuilder &builder, Location loc, Value value, Type from,
                    Type to) {
  if (from == to)
    return value;
  Type target = getSignlessType(to);
  if (to.isInteger(1)) {
    if (isa<FloatType>(from)) {
      Value zero = builder.create<arith::ConstantOp>(
          loc, builder.getFloatAttr(from, 0.0));
      return builder.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNE,
                                           value, zero);
    }
    Value zero = builder.create<arith::ConstantOp>(
        loc, builder.getIntegerAttr(value.getType(), 0));
    return builder.create<arith::CmpIOp>(loc, arith::CmpIPredicate::ne, value,
                                         zero);
  }
  auto fromFloat = dyn_cast<FloatType>(from);
  auto toFloat = dyn_cast<FloatType>(to);
  if (fromFloat && toFloat)
    return fromFloat.getWidth() < toFloat.getWidth()
               ? builder.create<arith::ExtFOp>(loc, target, value).getResult()
               : builder.create<arith::TruncFOp>(loc, target, value);
  if (toFloat)
    return isZeroExtended(from)
               ? builder.create<arith::UIToFPOp>(loc, target, value).getResult()
               : builder.create<arith::SIToFPOp>(loc, target, value);
  if (fromFloat) {
    // Like C++'s float-to-int cast; narrow types go through int32 as ATen's
    // conversions do on x86.
    unsigned width = to.getIntOrFloatBitWidth();
    if (width >= 32)
      return builder.create<arith::FPToSIOp>(loc, target, value);
    Value wide =
        builder.create<arith::FPToSIOp>(loc, builder.getI32Type(), value);
    return builder.create<arith::TruncIOp>(loc, target, wide);
  }
  unsigned fromWidth = from.getIntOrFloatBitWidth();
  unsigned toWidth = to.getIntOrFloatBitWidth();
  if (fromWidth < toWidth)
    return isZeroExtended(from)
               ? builder.create<arith::ExtUIOp>(loc, target, value).getResult()
               : builder.create<arith::ExtSIOp>(loc, target, value);
  if (fromWidth > toWidth)
    return builder.create<arith::TruncIOp>(loc, target, value);
  return value;
}

Value createScalarConstant(OpBuilder &builder, Location loc,
                           Type kilnElementType, double value) {
  Type type = getSignlessType(kilnElementType);
  if (isa<FloatType>(type))
    return builder.create<arith::ConstantOp>(loc,
                                             builder.getFloatAttr(type, value));
  return builder.create<arith::ConstantOp>(
      loc, builder.getIntegerAttr(type, static_cast<int64_t>(value)));
}

AffineMap getBroadcastMap(MLIRContext *context, ArrayRef<int64_t> operandShape,
                          ArrayRef<int64_t> resultShape) {
  size_t offset = resultShape.size() - operandShape.size();
  SmallVector<AffineExpr> exprs;
  for (auto [dim, size] : llvm::enumerate(operandShape)) {
    bool widened = size == 1 && resultShape[offset + dim] != 1;
    exprs.push_back(widened ? getAffineConstantExpr(0, context)
                            : getAffineDimExpr(offset + dim, context));
  }
  return AffineMap::get(resultShape.size(), 0, exprs, context);
}

Value createElementwise(OpBuilder &builder, Location loc,
                        RankedTensorType resultType, ValueRange operands,
                        ScalarBodyBuilder body) {
  MLIRContext *context = builder.getContext();
  ArrayRef<int64_t> shape = resultType.getShape();
  SmallVector<AffineMap> maps;
  for (Value operand : operands)
    maps.push_back(getBroadcastMap(
        context, cast<RankedTensorType>(operand.getType()).getShape(), shape));
  maps.push_back(builder.getMultiDimIdentityMap(shape.size()));
  Value init =
      builder.create<tensor::EmptyOp>(loc, shape, resultType.getElementType());
  SmallVector<utils::IteratorType> iterators(shape.size(),
                                             utils::IteratorType::parallel);
  auto generic = builder.create<linalg::GenericOp>(
      loc, TypeRange{resultType}, operands, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value result = body(nested, nestedLoc, args.drop_back());
        nested.create<linalg::YieldOp>(nestedLoc, result);
      });
  return generic.getResult(0);
}

Value createFilledTensor(OpBuilder &builder, Location loc,
                         RankedTensorType type, Value value) {
  Value empty = builder.create<tensor::EmptyOp>(loc, type.getShape(),
                                                type.getElementType());
  return builder.create<linalg::FillOp>(loc, value, empty).getResult(0);
}

Value createReshape(OpBuilder &builder, Location loc, Value input,
                    RankedTensorType resultType) {
  // Reshapes that only split or merge dims are expand_shape/collapse_shape,
  // which element-wise fusion propagates through and tiling can see past.
  auto inputType = cast<RankedTensorType>(input.getType());
  if (inputType.getRank() < resultType.getRank()) {
    if (auto groups = getReassociationIndicesForReshape(resultType, inputType))
      return builder.create<tensor::ExpandShapeOp>(loc, resultType, input,
                                                   *groups);
  } else if (inputType.getRank() > resultType.getRank()) {
    if (auto groups = getReassociationIndicesForReshape(inputType, resultType))
      return builder.create<tensor::CollapseShapeOp>(loc, resultType, input,
                                                     *groups);
  }
  SmallVector<int64_t> shape(resultType.getShape());
  auto shapeType = RankedTensorType::get({static_cast<int64_t>(shape.size())},
                                         builder.getIndexType());
  Value shapeValue = builder.create<arith::ConstantOp>(
      loc, DenseIntElementsAttr::get(shapeType, shape));
  return builder.create<tensor::ReshapeOp>(loc, resultType, input, shapeValue);
}

} // namespace kiln
