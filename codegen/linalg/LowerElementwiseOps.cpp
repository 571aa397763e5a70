//===- LowerElementwiseOps.cpp - Element-wise ops to linalg.generic -------===//
//
/// Every element-wise op becomes one broadcasting `linalg.generic`. Operands
/// are converted to the op's compute dtype inside the body (PyTorch promotes
/// before computing), then the scalar op of that dtype is applied: float ops
/// for floats, signed or unsigned integer ops for integers, logical ops for
/// bool where PyTorch defines them so (True + True is True).
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/LoweringUtils.h"

#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace kiln {
namespace {

Type getElementType(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

//===----------------------------------------------------------------------===//
// Scalar semantics
//===----------------------------------------------------------------------===//

/// The scalar computation of binary op `op` in the kiln dtype `type`.
Value emitBinary(Operation *op, OpBuilder &b, Location loc, Type type, Value x,
                 Value y) {
  if (isa<FloatType>(type)) {
    if (isa<AddOp>(op))
      return b.create<arith::AddFOp>(loc, x, y);
    if (isa<SubOp>(op))
      return b.create<arith::SubFOp>(loc, x, y);
    if (isa<MulOp>(op))
      return b.create<arith::MulFOp>(loc, x, y);
    if (isa<DivOp>(op))
      return b.create<arith::DivFOp>(loc, x, y);
    if (isa<PowOp>(op))
      return b.create<math::PowFOp>(loc, x, y);
    if (isa<MaximumOp>(op))
      return b.create<arith::MaximumFOp>(loc, x, y);
    if (isa<MinimumOp>(op))
      return b.create<arith::MinimumFOp>(loc, x, y);
    llvm_unreachable("not a binary arithmetic op");
  }
  bool isBool = type.isInteger(1), isUnsigned = isZeroExtended(type);
  if (isa<AddOp>(op))
    return isBool ? b.create<arith::OrIOp>(loc, x, y).getResult()
                  : b.create<arith::AddIOp>(loc, x, y);
  if (isa<SubOp>(op))
    return b.create<arith::SubIOp>(loc, x, y);
  if (isa<MulOp>(op))
    return isBool ? b.create<arith::AndIOp>(loc, x, y).getResult()
                  : b.create<arith::MulIOp>(loc, x, y);
  if (isa<PowOp>(op))
    return b.create<math::IPowIOp>(loc, x, y);
  if (isa<MaximumOp>(op))
    return isUnsigned ? b.create<arith::MaxUIOp>(loc, x, y).getResult()
                      : b.create<arith::MaxSIOp>(loc, x, y);
  if (isa<MinimumOp>(op))
    return isUnsigned ? b.create<arith::MinUIOp>(loc, x, y).getResult()
                      : b.create<arith::MinSIOp>(loc, x, y);
  llvm_unreachable("not a binary arithmetic op on integers");
}

/// The comparison `op` of two scalars of the kiln dtype `type`.
Value emitCompare(Operation *op, OpBuilder &b, Location loc, Type type, Value x,
                  Value y) {
  if (isa<FloatType>(type)) {
    // Ordered predicates, except ne: NaN != anything is true, as in C.
    arith::CmpFPredicate predicate = isa<EqOp>(op)   ? arith::CmpFPredicate::OEQ
                                     : isa<NeOp>(op) ? arith::CmpFPredicate::UNE
                                     : isa<LtOp>(op) ? arith::CmpFPredicate::OLT
                                     : isa<LeOp>(op) ? arith::CmpFPredicate::OLE
                                     : isa<GtOp>(op)
                                         ? arith::CmpFPredicate::OGT
                                         : arith::CmpFPredicate::OGE;
    return b.create<arith::CmpFOp>(loc, predicate, x, y);
  }
  bool isUnsigned = isZeroExtended(type);
  arith::CmpIPredicate predicate =
      isa<EqOp>(op)   ? arith::CmpIPredicate::eq
      : isa<NeOp>(op) ? arith::CmpIPredicate::ne
      : isa<LtOp>(op)
          ? (isUnsigned ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt)
      : isa<LeOp>(op)
          ? (isUnsigned ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle)
      : isa<GtOp>(op)
          ? (isUnsigned ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt)
          : (isUnsigned ? arith::CmpIPredicate::uge
                        : arith::CmpIPredicate::sge);
  return b.create<arith::CmpIOp>(loc, predicate, x, y);
}

/// The scalar computation of unary op `op` in the kiln dtype `type`.
Value emitUnary(Operation *op, OpBuilder &b, Location loc, Type type, Value x) {
  if (isa<FloatType>(type)) {
    if (isa<NegOp>(op))
      return b.create<arith::NegFOp>(loc, x);
    if (isa<AbsOp>(op))
      return b.create<math::AbsFOp>(loc, x);
    if (isa<ReluOp>(op)) // maximumf keeps NaN, as torch.relu does.
      return b.create<arith::MaximumFOp>(
          loc, x, createScalarConstant(b, loc, type, 0.0));
    if (isa<ExpOp>(op))
      return b.create<math::ExpOp>(loc, x);
    if (isa<LogOp>(op))
      return b.create<math::LogOp>(loc, x);
    if (isa<SqrtOp>(op))
      return b.create<math::SqrtOp>(loc, x);
    if (isa<RsqrtOp>(op))
      return b.create<math::RsqrtOp>(loc, x);
    if (isa<TanhOp>(op))
      return b.create<math::TanhOp>(loc, x);
    if (isa<SigmoidOp>(op)) {
      Value one = createScalarConstant(b, loc, type, 1.0);
      Value expNeg =
          b.create<math::ExpOp>(loc, b.create<arith::NegFOp>(loc, x));
      return b.create<arith::DivFOp>(loc, one,
                                     b.create<arith::AddFOp>(loc, one, expNeg));
    }
    llvm_unreachable("not a unary float op");
  }
  Value zero = createScalarConstant(b, loc, type, 0.0);
  if (isa<NegOp>(op))
    return b.create<arith::SubIOp>(loc, zero, x);
  if (isa<AbsOp>(op))
    return isZeroExtended(type) ? x : b.create<math::AbsIOp>(loc, x);
  if (isa<ReluOp>(op))
    return isZeroExtended(type) ? x : b.create<arith::MaxSIOp>(loc, x, zero);
  llvm_unreachable("not a unary integer op");
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

template <typename OpT> struct LowerUnary : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type from = getElementType(op.getInput());
    Type to = getElementType(op.getResult());
    Value result = createElementwise(
        rewriter, op.getLoc(), getConvertedType(this->getTypeConverter(), op),
        adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          Value x = convertScalar(b, loc, args[0], from, to);
          return emitUnary(op, b, loc, to, x);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

template <typename OpT> struct LowerBinary : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type lhs = getElementType(op.getLhs()), rhs = getElementType(op.getRhs());
    Type result = getElementType(op.getResult());
    constexpr bool isCompare =
        llvm::is_one_of<OpT, EqOp, NeOp, LtOp, LeOp, GtOp, GeOp>::value;
    // Comparisons compute in the operands' promoted dtype, the others in
    // their result dtype (true division's float32 for integers).
    Type compute =
        isCompare ? resultType({cast<RankedTensorType>(op.getLhs().getType()),
                                cast<RankedTensorType>(op.getRhs().getType())})
                  : result;
    Value lowered = createElementwise(
        rewriter, op.getLoc(), getConvertedType(this->getTypeConverter(), op),
        adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          Value x = convertScalar(b, loc, args[0], lhs, compute);
          Value y = convertScalar(b, loc, args[1], rhs, compute);
          if (isCompare)
            return emitCompare(op, b, loc, compute, x, y);
          return emitBinary(op, b, loc, compute, x, y);
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
  patterns.add<LowerUnary<NegOp>, LowerUnary<AbsOp>, LowerUnary<ReluOp>,
               LowerUnary<ExpOp>, LowerUnary<LogOp>, LowerUnary<SqrtOp>,
               LowerUnary<RsqrtOp>, LowerUnary<SigmoidOp>, LowerUnary<TanhOp>>(
      converter, context);
  patterns.add<LowerBinary<AddOp>, LowerBinary<SubOp>, LowerBinary<MulOp>,
               LowerBinary<DivOp>, LowerBinary<PowOp>, LowerBinary<MaximumOp>,
               LowerBinary<MinimumOp>, LowerBinary<EqOp>, LowerBinary<NeOp>,
               LowerBinary<LtOp>, LowerBinary<LeOp>, LowerBinary<GtOp>,
               LowerBinary<GeOp>>(converter, context);
  patterns.add<LowerWhere, LowerClamp, LowerCast>(converter, context);
}

} // namespace kiln
