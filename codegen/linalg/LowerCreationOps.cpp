//===- LowerCreationOps.cpp - Constants to arith.constant -----------------===//
//
/// Constants, zeros/ones/full and arange become `arith.constant`s. The
/// random ops are evaluated before lowering (their generator chains start at
/// a constant seed), so none reaches this pass.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/LoweringUtils.h"

#include "ir/KilnOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;

namespace kiln {
namespace {

/// `value` with its element type made signless (uint8 data is reinterpreted
/// bit for bit).
DenseElementsAttr toSignless(DenseElementsAttr value) {
  Type element = value.getElementType();
  Type signless = getSignlessType(element);
  return signless == element ? value : value.bitcast(signless);
}

template <typename OpT> struct LowerConstantLike : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // Each of these ops is ConstantLike: its fold gives its value.
    DenseElementsAttr value;
    if (!matchPattern(op.getOperation(), m_Constant(&value)))
      return rewriter.notifyMatchFailure(op, "value is not a dense constant");
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, toSignless(value));
    return success();
  }
};

struct LowerArange : OpConversionPattern<ArangeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ArangeOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    double start = op.getStart().convertToDouble();
    double step = op.getStep().convertToDouble();
    Type element = getSignlessType(type.getElementType());
    SmallVector<Attribute> values;
    for (int64_t i = 0, e = type.getDimSize(0); i < e; ++i) {
      // torch.arange computes start + i * step in the accumulation type.
      double value = start + static_cast<double>(i) * step;
      if (isa<FloatType>(element))
        values.push_back(rewriter.getFloatAttr(element, value));
      else
        values.push_back(rewriter.getIntegerAttr(
            element, static_cast<int64_t>(std::trunc(value))));
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, DenseElementsAttr::get(type.clone(element), values));
    return success();
  }
};

} // namespace

void populateLowerCreationPatterns(KilnTypeConverter &converter,
                                   RewritePatternSet &patterns) {
  patterns
      .add<LowerConstantLike<ConstantOp>, LowerConstantLike<ZerosOp>,
           LowerConstantLike<OnesOp>, LowerConstantLike<FullOp>, LowerArange>(
          converter, patterns.getContext());
}

} // namespace kiln
