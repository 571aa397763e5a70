//===- ReductionOps.cpp - Reductions over dimensions ----------------------===//
//
/// argmax/argmin, and the folds of the value reductions, whose inference is
/// the shared inferReduction (ShapeInference).
//
//===----------------------------------------------------------------------===//

#include "ir/KilnOps.h"

using namespace mlir;

namespace kiln {

/// argmax/argmin reduce one dimension, or all of them when `dim` is absent.
static LogicalResult inferArgReduction(OptionalLoc loc, StringRef opName,
                                       Type input, std::optional<int64_t> dim,
                                       bool keepdim,
                                       SmallVectorImpl<Type> &types) {
  SmallVector<int64_t, 1> dims;
  std::optional<ArrayRef<int64_t>> dimsRef;
  if (dim) {
    dims.push_back(*dim);
    dimsRef = dims;
  }
  SmallVector<Type> reduced;
  if (failed(inferReduction(loc, opName, input, dimsRef, keepdim,
                            ReductionRule::Same, reduced)))
    return failure();
  types.push_back(cast<RankedTensorType>(reduced.front())
                      .clone(IntegerType::get(input.getContext(), 64)));
  return success();
}

LogicalResult ArgmaxOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  return inferArgReduction(loc, getOperationName(),
                           adaptor.getInput().getType(), adaptor.getDim(),
                           adaptor.getKeepdim(), types);
}

LogicalResult ArgminOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  return inferArgReduction(loc, getOperationName(),
                           adaptor.getInput().getType(), adaptor.getDim(),
                           adaptor.getKeepdim(), types);
}

/// Reducing only size-1 dimensions with keepdim, in the input's dtype, leaves
/// every element where it was: the reduction is the identity.
static OpFoldResult foldIdentityReduction(Value input, Type resultType) {
  return input.getType() == resultType ? input : nullptr;
}

OpFoldResult SumOp::fold(FoldAdaptor) {
  return foldIdentityReduction(getInput(), getType());
}
OpFoldResult ProdOp::fold(FoldAdaptor) {
  return foldIdentityReduction(getInput(), getType());
}
OpFoldResult MaxOp::fold(FoldAdaptor) {
  return foldIdentityReduction(getInput(), getType());
}
OpFoldResult MinOp::fold(FoldAdaptor) {
  return foldIdentityReduction(getInput(), getType());
}

} // namespace kiln
