//===- LinalgGradients.cpp - VJPs of the matrix products and linear algebra ===//
//
/// The vector-Jacobian products of matmul, mm, dot, inverse and det, as
/// PyTorch 1.13's derivatives.yaml defines them. torch.matmul has no formula
/// of its own there: it is differentiated through the dot/mv/mm/bmm it calls,
/// so matmul's gradient below is assembled from the same pieces.
//
//===----------------------------------------------------------------------===//

#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"

using namespace mlir;

namespace kiln {

/// The transpose of the last two dimensions (Tensor.mT).
static Value transposeMatrices(OpBuilder &builder, Location loc, Value value) {
  return builder.create<TransposeOp>(loc, value, int64_t{-2}, int64_t{-1});
}

/// The gradients of torch.matmul(lhs, rhs) given the result's gradient.
///
/// 1-D·1-D is a dot product. Otherwise a 1-D operand becomes a matrix, a row
/// on the left and a column on the right, as matmul treats it, the gradient
/// gets the dimension matmul removed back, and mm's rule applies to the
/// (batched) matrices: lhs' = grad·rhsᵀ, rhs' = lhsᵀ·grad. Each gradient then
/// has the broadcast batch dims of the result, which are summed back to the
/// operand's (torch's matmul expands the operands to that batch and bmm's
/// gradient flows back through the expand).
///
/// When lhs has batch dims and rhs has none, torch's matmul instead folds
/// lhs's batch dims into its rows and calls mm/mv once; rhs' is computed the
/// same way, as one product over all rows, with no batch to sum afterwards.
static SmallVector<Value> buildMatmulVJP(OpBuilder &builder, Location loc,
                                         Value lhs, Value rhs, Value grad) {
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  auto rhsType = cast<RankedTensorType>(rhs.getType());
  if (lhsType.getRank() == 1 && rhsType.getRank() == 1)
    return {builder.create<MulOp>(loc, grad, rhs),
            builder.create<MulOp>(loc, grad, lhs)};

  SmallVector<int64_t> lhsShape(lhsType.getShape());
  SmallVector<int64_t> rhsShape(rhsType.getShape());
  SmallVector<int64_t> gradShape(
      cast<RankedTensorType>(grad.getType()).getShape());
  if (lhsType.getRank() == 1) {
    lhsShape.insert(lhsShape.begin(), 1);
    gradShape.insert(gradShape.end() - 1, 1);
  }
  if (rhsType.getRank() == 1) {
    rhsShape.push_back(1);
    gradShape.push_back(1);
  }
  Value lhsMatrix = createReshape(builder, loc, lhs, lhsShape);
  Value rhsMatrix = createReshape(builder, loc, rhs, rhsShape);
  Value gradMatrix = createReshape(builder, loc, grad, gradShape);

  Value lhsGrad = builder.create<MatmulOp>(
      loc, gradMatrix, transposeMatrices(builder, loc, rhsMatrix));
  lhsGrad = sumToOperandType(builder, loc, lhsGrad,
                             lhsType.clone(ArrayRef<int64_t>(lhsShape)));

  Value rhsGrad;
  if (lhsType.getRank() > 2 && rhsType.getRank() <= 2) {
    int64_t inner = lhsShape.back(), columns = gradShape.back();
    int64_t rows = 1;
    for (int64_t size : lhsType.getShape().drop_back())
      rows *= size;
    Value lhsRows = createReshape(builder, loc, lhs, {rows, inner});
    Value gradRows = createReshape(builder, loc, gradMatrix, {rows, columns});
    rhsGrad = builder.create<MmOp>(
        loc, transposeMatrices(builder, loc, lhsRows), gradRows);
  } else {
    rhsGrad = builder.create<MatmulOp>(
        loc, transposeMatrices(builder, loc, lhsMatrix), gradMatrix);
    rhsGrad = sumToOperandType(builder, loc, rhsGrad,
                               rhsType.clone(ArrayRef<int64_t>(rhsShape)));
  }
  return {createReshape(builder, loc, lhsGrad, lhsType.getShape()),
          createReshape(builder, loc, rhsGrad, rhsType.getShape())};
}

SmallVector<Value> MatmulOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return buildMatmulVJP(builder, getLoc(), getLhs(), getRhs(), resultGrad);
}

// mm: self: grad.mm(mat2.mH()), mat2: self.mH().mm(grad).
SmallVector<Value> MmOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  return {builder.create<MmOp>(loc, resultGrad,
                               transposeMatrices(builder, loc, getRhs())),
          builder.create<MmOp>(loc, transposeMatrices(builder, loc, getLhs()),
                               resultGrad)};
}

// dot: self: grad * tensor, tensor: grad * self (grad is 0-d).
SmallVector<Value> DotOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  return {builder.create<MulOp>(loc, resultGrad, getRhs()),
          builder.create<MulOp>(loc, resultGrad, getLhs())};
}

// linalg_inv_ex: self: -inverse.mH() @ (grad @ inverse.mH()).
SmallVector<Value> InverseOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  Value inverseT = transposeMatrices(builder, loc, getResult());
  Value product = builder.create<MatmulOp>(
      loc, inverseT, builder.create<MatmulOp>(loc, resultGrad, inverseT));
  return {builder.create<NegOp>(loc, product)};
}

// linalg_det: A: grad * det * A^-T, batched over the leading dims.
//
// Limitation: A^-T is computed with kiln.inverse, so a singular A (det = 0)
// gives inf/NaN gradients where torch's linalg_det_backward gives a finite
// one (it solves with an LU factorization whose zero pivots it nudges by
// machine epsilon, approximating the adjugate). Differentiating det at a
// singular matrix needs an adjugate or SVD-based formula, which kiln lacks.
SmallVector<Value> DetOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  // grad and det have the batch shape; they scale each matrix of the batch.
  SmallVector<int64_t> scaleShape(getType().getShape());
  scaleShape.append({1, 1});
  Value scale = createReshape(
      builder, loc, builder.create<MulOp>(loc, resultGrad, getResult()),
      scaleShape);
  Value inverseT = transposeMatrices(
      builder, loc, builder.create<InverseOp>(loc, getInput()));
  return {builder.create<MulOp>(loc, scale, inverseT)};
}

} // namespace kiln
