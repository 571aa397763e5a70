//===- ReductionGradients.cpp - VJPs of the reductions --------------------===//
//
/// The vector-Jacobian products of sum, prod, max (amax) and min (amin), as
/// PyTorch 1.13's derivatives.yaml and FunctionsManual.cpp define them. Each
/// first restores the reduced dims of the result's gradient as size 1
/// (restore_reduced_dims), so that it broadcasts against the input. mean is
/// a composite (decomposed into sum and div before autodiff) and argmax/argmin
/// are not differentiable.
//
//===----------------------------------------------------------------------===//

#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"

using namespace mlir;

namespace kiln {
namespace {

/// What the VJPs need to know about a reduction.
struct ReductionInfo {
  Location loc;
  Value input;
  RankedTensorType inputType;
  /// The reduced dims, normalized and sorted.
  SmallVector<int64_t> dims;

  template <typename OpT> static ReductionInfo get(OpT op) {
    Value input = op.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    // The dims were verified with the op, so this succeeds.
    SmallVector<int64_t> dims =
        *getReducedDims(std::nullopt, op.getOperationName(), op.getDim(),
                        inputType.getRank());
    return {op.getLoc(), input, inputType, std::move(dims)};
  }

  /// `value`, shaped like the reduction's result, with the reduced dims back
  /// as size 1 (a no-op under keepdim).
  Value restoreReducedDims(OpBuilder &builder, Value value) const {
    SmallVector<int64_t> shape(inputType.getShape());
    for (int64_t dim : dims)
      // A 0-d input accepts dim 0, which it does not have.
      if (dim < inputType.getRank())
        shape[dim] = 1;
    return createReshape(builder, loc, value, shape);
  }
};

/// amax/amin: self: scale_grad_by_count(restore_reduced_dims(grad),
/// restore_reduced_dims(result) == self, dim), which splits the gradient
/// evenly among the entries equal to the extremum:
/// (grad / mask.sum(dim, keepdim=true)) * mask.
SmallVector<Value> buildExtremumVJP(OpBuilder &builder,
                                    const ReductionInfo &info, Value result,
                                    Value resultGrad) {
  Location loc = info.loc;
  Value mask = createCast(
      builder, loc,
      builder.create<EqOp>(loc, info.restoreReducedDims(builder, result),
                           info.input),
      info.inputType.getElementType());
  Value count = createSum(builder, loc, mask, info.dims, /*keepdim=*/true);
  Value share = builder.create<DivOp>(
      loc, info.restoreReducedDims(builder, resultGrad), count);
  return {builder.create<MulOp>(loc, share, mask)};
}

} // namespace

// sum: self: grad.expand_symint(self.sym_sizes()) after restoring the
// reduced dims.
SmallVector<Value> SumOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  ReductionInfo info = ReductionInfo::get(*this);
  return {builder.create<ExpandOp>(getLoc(),
                                   info.restoreReducedDims(builder, resultGrad),
                                   info.inputType.getShape())};
}

// prod: self: prod_backward(grad, self, result, ...). Within each reduced
// slice the derivative with respect to x is the product of the other
// entries: result / x where x != 0; at a zero, the product of the nonzero
// entries if it is the slice's only zero, and 0 if there are two or more
// (then every product of the others contains a zero). torch picks between
// result / x and a zero-safe exclusive-product formula by looking at the
// data; a static graph computes both cases and selects per element.
SmallVector<Value> ProdOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  ReductionInfo info = ReductionInfo::get(*this);
  Type element = info.inputType.getElementType();
  Value x = getInput();
  Value zero = createScalar(builder, loc, element, 0.0);
  Value one = createScalar(builder, loc, element, 1.0);

  Value isZero = builder.create<EqOp>(loc, x, zero);
  Value safeX = builder.create<WhereOp>(loc, isZero, one, x);
  // sum of a bool tensor counts in int64.
  Value zeroCount = createSum(builder, loc, isZero, info.dims, /*keepdim=*/true);
  Value onlyZero = builder.create<EqOp>(
      loc, zeroCount,
      createScalar(builder, loc, builder.getIntegerType(64), 1.0));
  Value othersProduct = builder.create<ProdOp>(
      loc, safeX, builder.getDenseI64ArrayAttr(info.dims), builder.getUnitAttr());
  Value atZero = builder.create<WhereOp>(loc, onlyZero, othersProduct, zero);
  Value elsewhere = builder.create<DivOp>(
      loc, info.restoreReducedDims(builder, getResult()), safeX);
  Value derivative = builder.create<WhereOp>(loc, isZero, atZero, elsewhere);
  return {builder.create<MulOp>(
      loc, info.restoreReducedDims(builder, resultGrad), derivative)};
}

SmallVector<Value> MaxOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return buildExtremumVJP(builder, ReductionInfo::get(*this), getResult(),
                          resultGrad);
}

SmallVector<Value> MinOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return buildExtremumVJP(builder, ReductionInfo::get(*this), getResult(),
                          resultGrad);
}

} // namespace kiln
