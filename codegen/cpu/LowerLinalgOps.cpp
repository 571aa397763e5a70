//===- LowerLinalgOps.cpp - Matrix products to one contraction ------------===//
//
/// matmul, mm and dot become a single `linalg.generic` contraction whose
/// indexing maps encode torch.matmul's rank rules: a 1-D operand has no row
/// (lhs) or column (rhs) loop, batch dimensions broadcast by reading index 0
/// of size-1 dimensions.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/LoweringUtils.h"

#include "ir/KilnOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace kiln {
namespace {

/// The operand's map: its batch dims against the result's, then its matrix
/// dims (`matrixDims`, loop indices) in order.
AffineMap getOperandMap(MLIRContext *context, ArrayRef<int64_t> shape,
                        ArrayRef<int64_t> resultBatch,
                        ArrayRef<int64_t> matrixDims, unsigned numLoops) {
  size_t batchRank = shape.size() - matrixDims.size();
  AffineMap batch =
      getBroadcastMap(context, shape.take_front(batchRank), resultBatch);
  SmallVector<AffineExpr> exprs(batch.getResults());
  for (int64_t loop : matrixDims)
    exprs.push_back(getAffineDimExpr(loop, context));
  return AffineMap::get(numLoops, 0, exprs, context);
}

template <typename OpT> struct LowerMatmulLike : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    auto resultType = cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op.getType()));
    ArrayRef<int64_t> lhs = op.getLhs().getType().getShape();
    ArrayRef<int64_t> rhs = op.getRhs().getType().getShape();
    ArrayRef<int64_t> result = resultType.getShape();

    // Loops: the result's dims, then the contracted one.
    unsigned numLoops = result.size() + 1;
    int64_t k = result.size();
    int64_t n = rhs.size() > 1 ? static_cast<int64_t>(result.size()) - 1 : -1;
    int64_t m = lhs.size() > 1
                    ? static_cast<int64_t>(result.size()) - (n >= 0 ? 2 : 1)
                    : -1;
    size_t batchRank = result.size() - (m >= 0) - (n >= 0);
    ArrayRef<int64_t> resultBatch = result.take_front(batchRank);

    SmallVector<int64_t> lhsDims, rhsDims;
    if (m >= 0)
      lhsDims.push_back(m);
    lhsDims.push_back(k);
    rhsDims.push_back(k);
    if (n >= 0)
      rhsDims.push_back(n);
    SmallVector<AffineExpr> resultExprs;
    for (unsigned dim = 0; dim < result.size(); ++dim)
      resultExprs.push_back(getAffineDimExpr(dim, context));
    SmallVector<AffineMap> maps = {
        getOperandMap(context, lhs, resultBatch, lhsDims, numLoops),
        getOperandMap(context, rhs, resultBatch, rhsDims, numLoops),
        AffineMap::get(numLoops, 0, resultExprs, context)};
    SmallVector<utils::IteratorType> iterators(numLoops,
                                               utils::IteratorType::parallel);
    iterators.back() = utils::IteratorType::reduction;

    Type element = resultType.getElementType();
    Value zero = createScalarConstant(rewriter, loc, element, 0.0);
    Value init = createFilledTensor(rewriter, loc, resultType, zero);
    bool isFloat = isa<FloatType>(element);
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{resultType}, adaptor.getOperands(), ValueRange{init},
        maps, iterators, [&](OpBuilder &b, Location nested, ValueRange args) {
          Value product =
              isFloat ? b.create<arith::MulFOp>(nested, args[0], args[1])
                            .getResult()
                      : b.create<arith::MulIOp>(nested, args[0], args[1]);
          Value sum = isFloat
                          ? b.create<arith::AddFOp>(nested, args[2], product)
                                .getResult()
                          : b.create<arith::AddIOp>(nested, args[2], product);
          b.create<linalg::YieldOp>(nested, sum);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void populateLowerLinalgPatterns(KilnTypeConverter &converter,
                                 RewritePatternSet &patterns) {
  patterns.add<LowerMatmulLike<MatmulOp>, LowerMatmulLike<MmOp>,
               LowerMatmulLike<DotOp>>(converter, patterns.getContext());
}

} // namespace kiln
