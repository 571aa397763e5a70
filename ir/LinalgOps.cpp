//===- LinalgOps.cpp - Matrix products and linear algebra -----------------===//
//
/// torch.matmul's rank rules, written once and shared by mm and dot, which
/// are matmul restricted to 2-D and 1-D operands.
//
//===----------------------------------------------------------------------===//

#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"

using namespace mlir;

namespace kiln {

/// The result type of torch.matmul(lhs, rhs).
static LogicalResult inferMatmul(OptionalLoc loc, StringRef opName, Type lhs,
                                 Type rhs, SmallVectorImpl<Type> &types) {
  auto lhsTensor = getStaticTensor(loc, opName, lhs, "lhs");
  auto rhsTensor = getStaticTensor(loc, opName, rhs, "rhs");
  if (failed(lhsTensor) || failed(rhsTensor))
    return failure();
  ArrayRef<int64_t> a = lhsTensor->getShape(), b = rhsTensor->getShape();
  Type element = lhsTensor->getElementType();
  if (element != rhsTensor->getElementType())
    return reportOpError(
        loc, opName,
        "operands must have the same dtype, got " + getDtypeName(element) +
            " " + formatShape(a) + " and " +
            getDtypeName(rhsTensor->getElementType()) + " " + formatShape(b));
  if (a.empty() || b.empty())
    return reportOpError(loc, opName,
                         "operands must be at least 1-D, got " +
                             formatShape(a) + " and " + formatShape(b));

  // The contracted sizes: the last of lhs and the second-to-last of rhs (the
  // only one when rhs is 1-D).
  int64_t lhsInner = a.back();
  int64_t rhsInner = b.size() == 1 ? b[0] : b[b.size() - 2];
  if (lhsInner != rhsInner)
    return reportOpError(loc, opName,
                         "inner dimensions " + Twine(lhsInner) + " and " +
                             Twine(rhsInner) + " differ: cannot multiply " +
                             formatShape(a) + " by " + formatShape(b));

  ArrayRef<int64_t> lhsBatch =
      a.size() > 2 ? a.drop_back(2) : ArrayRef<int64_t>();
  ArrayRef<int64_t> rhsBatch =
      b.size() > 2 ? b.drop_back(2) : ArrayRef<int64_t>();
  auto shape = broadcastShapes(loc, opName, {lhsBatch, rhsBatch});
  if (failed(shape))
    return failure();
  // A 1-D operand contributes no row (lhs) or column (rhs) dimension.
  if (a.size() > 1)
    shape->push_back(a[a.size() - 2]);
  if (b.size() > 1)
    shape->push_back(b.back());
  types.push_back(RankedTensorType::get(*shape, element));
  return success();
}

/// Checks that the operands of mm or dot have the rank `rank`.
static LogicalResult checkRanks(OptionalLoc loc, StringRef opName, Type lhs,
                                Type rhs, int64_t rank) {
  auto lhsTensor = getStaticTensor(loc, opName, lhs, "lhs");
  auto rhsTensor = getStaticTensor(loc, opName, rhs, "rhs");
  if (failed(lhsTensor) || failed(rhsTensor))
    return failure();
  if (lhsTensor->getRank() != rank || rhsTensor->getRank() != rank)
    return reportOpError(loc, opName,
                         "expects " + Twine(rank) + "-D operands, got " +
                             formatShape(lhsTensor->getShape()) + " and " +
                             formatShape(rhsTensor->getShape()));
  return success();
}

LogicalResult MatmulOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  return inferMatmul(loc, getOperationName(), adaptor.getLhs().getType(),
                     adaptor.getRhs().getType(), types);
}

LogicalResult MmOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                     Adaptor adaptor,
                                     SmallVectorImpl<Type> &types) {
  Type lhs = adaptor.getLhs().getType(), rhs = adaptor.getRhs().getType();
  if (failed(checkRanks(loc, getOperationName(), lhs, rhs, 2)))
    return failure();
  return inferMatmul(loc, getOperationName(), lhs, rhs, types);
}

LogicalResult DotOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  Type lhs = adaptor.getLhs().getType(), rhs = adaptor.getRhs().getType();
  if (failed(checkRanks(loc, getOperationName(), lhs, rhs, 1)))
    return failure();
  return inferMatmul(loc, getOperationName(), lhs, rhs, types);
}

/// The input as a (batch of) square matrices.
static FailureOr<RankedTensorType>
getSquareMatrices(OptionalLoc loc, StringRef opName, Type input) {
  auto tensor = getStaticTensor(loc, opName, input, "input");
  if (failed(tensor))
    return failure();
  ArrayRef<int64_t> shape = tensor->getShape();
  if (shape.size() < 2 || shape.back() != shape[shape.size() - 2])
    return reportOpError(loc, opName,
                         "expects square matrices in the last two dimensions, "
                         "got " +
                             formatShape(shape));
  return tensor;
}

LogicalResult InverseOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  auto input =
      getSquareMatrices(loc, getOperationName(), adaptor.getInput().getType());
  if (failed(input))
    return failure();
  types.push_back(*input);
  return success();
}

LogicalResult DetOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  auto input =
      getSquareMatrices(loc, getOperationName(), adaptor.getInput().getType());
  if (failed(input))
    return failure();
  types.push_back(RankedTensorType::get(input->getShape().drop_back(2),
                                        input->getElementType()));
  return success();
}

} // namespace kiln
