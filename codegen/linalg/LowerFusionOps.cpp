//===- LowerFusionOps.cpp - Fusion regions through the type conversion ----===//
//
/// kiln.fusion regions survive the lowering to linalg (kiln-fusion-kernels
/// dissolves them), but their types follow the lowering's: unsigned tensors
/// become signless ones inside and outside the region alike.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/LoweringUtils.h"

#include "ir/KilnOps.h"

using namespace mlir;

namespace kiln {
namespace {

struct ConvertFusionTypes : OpConversionPattern<FusionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FusionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op.getResultTypes(),
                                                resultTypes)))
      return failure();
    auto fusion = rewriter.create<FusionOp>(
        op.getLoc(), resultTypes, op.getKindAttr(), adaptor.getInputs());
    rewriter.inlineRegionBefore(op.getBody(), fusion.getBody(),
                                fusion.getBody().end());
    if (failed(rewriter.convertRegionTypes(&fusion.getBody(),
                                           *getTypeConverter())))
      return failure();
    rewriter.replaceOp(op, fusion.getResults());
    return success();
  }
};

struct ConvertYieldTypes : OpConversionPattern<YieldOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(YieldOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<YieldOp>(op, adaptor.getOperands());
    return success();
  }
};

} // namespace

void populateLowerFusionPatterns(KilnTypeConverter &converter,
                                 RewritePatternSet &patterns) {
  patterns.add<ConvertFusionTypes, ConvertYieldTypes>(converter,
                                                      patterns.getContext());
}

} // namespace kiln
