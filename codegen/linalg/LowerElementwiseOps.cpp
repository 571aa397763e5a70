//===- LowerElementwiseOps.cpp - Pointwise ops to linalg.generic ----------===//
//
/// Every pointwise op (element-wise arithmetic and comparisons, math
/// functions, activations, logical and bitwise ops) becomes one broadcasting
/// `linalg.generic`. Operands are converted to the op's compute dtype inside
/// the body (PyTorch promotes before computing), then the op's scalar
/// computation is applied, as ScalarSemantics.h defines it. where, clamp
/// and cast, which take attributes or a condition, have patterns of their
/// own.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/LoweringUtils.h"
#include "codegen/linalg/ScalarSemantics.h"

#include "ir/KilnOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;

namespace kiln {
namespace {

Type getElementType(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

/// Shared by the patterns: the converted result type of a one-result op.
RankedTensorType getConvertedType(const TypeConverter *converter,
                                  Operation *op) {
  return cast<RankedTensorType>(
      converter->convertType(op->getResult(0).getType()));
}

/// Every op of the scalar semantics table: its operands converted to the
/// op's compute dtype, then the op's scalar computation.
struct LowerPointwise : ConversionPattern {
  LowerPointwise(const TypeConverter &converter, MLIRContext *context)
      : ConversionPattern(converter, MatchAnyOpTypeTag(), /*benefit=*/1,
                          context) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (!hasScalarSemantics(op))
      return failure();
    Type compute = getScalarComputeType(op);
    Value lowered = createElementwise(
        rewriter, op->getLoc(), getConvertedType(getTypeConverter(), op),
        operands, [&](OpBuilder &b, Location loc, ValueRange args) {
          SmallVector<Value> converted;
          for (auto [arg, operand] : llvm::zip(args, op->getOperands()))
            converted.push_back(convertScalar(b, loc, arg,
                                              getElementType(operand),
                                              compute));
          return emitScalar(b, loc, op, compute, converted);
        });
    rewriter.replaceOp(op, lowered);
    return success();
  }
};

struct LowerWhere : OpConversionPattern<WhereOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(WhereOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type lhs = getElementType(op.getLhs()), rhs = getElementType(op.getRhs());
    Type result = getElementType(op.getResult());
    Value lowered = createElementwise(
        rewriter, op.getLoc(), getConvertedType(getTypeConverter(), op),
        adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          Value x = convertScalar(b, loc, args[1], lhs, result);
          Value y = convertScalar(b, loc, args[2], rhs, result);
          return b.create<arith::SelectOp>(loc, args[0], x, y);
        });
    rewriter.replaceOp(op, lowered);
    return success();
  }
};

struct LowerClamp : OpConversionPattern<ClampOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ClampOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getElementType(op.getResult());
    bool isFloat = isa<FloatType>(type), isUnsigned = isZeroExtended(type);
    std::optional<APFloat> min = op.getMin(), max = op.getMax();
    Value lowered = createElementwise(
        rewriter, op.getLoc(), getConvertedType(getTypeConverter(), op),
        adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          // min(max(x, lo), hi): with lo > hi every element becomes hi, and
          // the float forms keep NaN, both as in torch.clamp.
          Value x = args[0];
          if (min) {
            Value lo =
                createScalarConstant(b, loc, type, min->convertToDouble());
            x = isFloat      ? b.create<arith::MaximumFOp>(loc, x, lo)
                : isUnsigned ? b.create<arith::MaxUIOp>(loc, x, lo).getResult()
                             : b.create<arith::MaxSIOp>(loc, x, lo);
          }
          if (max) {
            Value hi =
                createScalarConstant(b, loc, type, max->convertToDouble());
            x = isFloat      ? b.create<arith::MinimumFOp>(loc, x, hi)
                : isUnsigned ? b.create<arith::MinUIOp>(loc, x, hi).getResult()
                             : b.create<arith::MinSIOp>(loc, x, hi);
          }
          return x;
        });
    rewriter.replaceOp(op, lowered);
    return success();
  }
};

struct LowerCast : OpConversionPattern<CastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type from = getElementType(op.getInput());
    Type to = getElementType(op.getResult());
    Value lowered = createElementwise(
        rewriter, op.getLoc(), getConvertedType(getTypeConverter(), op),
        adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          return convertScalar(b, loc, args[0], from, to);
        });
    rewriter.replaceOp(op, lowered);
    return success();
  }
};

} // namespace

void populateLowerElementwisePatterns(KilnTypeConverter &converter,
                                      RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<LowerPointwise, LowerWhere, LowerClamp, LowerCast>(converter,
                                                                 context);
}

} // namespace kiln
