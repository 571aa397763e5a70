//===- LowerReductionOps.cpp - Reductions to linalg.generic ---------------===//
//
/// sum, prod, max, min, argmax and argmin become `linalg.generic`s with
/// reduction iterators over the reduced dimensions; keepdim reshapes the
/// result afterwards. argmax/argmin carry the value and its index together
/// and keep the first index on ties; a NaN beats every number, as in PyTorch.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/LoweringUtils.h"

#include "ir/KilnOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace kiln {
namespace {

/// The loops of a reduction over `reduced` dims of `shape`: the kept dims
/// are parallel and indexed by the output map.
struct ReductionLoops {
  SmallVector<int64_t> keptShape;
  SmallVector<utils::IteratorType> iterators;
  AffineMap inputMap, outputMap;
};

ReductionLoops getReductionLoops(MLIRContext *context, ArrayRef<int64_t> shape,
                                 ArrayRef<int64_t> reduced) {
  ReductionLoops loops;
  SmallVector<AffineExpr> kept;
  for (auto [dim, size] : llvm::enumerate(shape)) {
    bool isReduced = llvm::is_contained(reduced, static_cast<int64_t>(dim));
    loops.iterators.push_back(isReduced ? utils::IteratorType::reduction
                                        : utils::IteratorType::parallel);
    if (!isReduced) {
      loops.keptShape.push_back(size);
      kept.push_back(getAffineDimExpr(dim, context));
    }
  }
  loops.inputMap = AffineMap::getMultiDimIdentityMap(shape.size(), context);
  loops.outputMap = AffineMap::get(shape.size(), 0, kept, context);
  return loops;
}

/// The identity element of a value reduction in the kiln dtype `type`.
/// Integer extremes are built as APInts: INT64_MAX has no exact double, and
/// converting its rounded value (2^63) back to int64 overflows.
Value createIdentity(OpBuilder &b, Location loc, Operation *op, Type type) {
  if (isa<SumOp>(op))
    return createScalarConstant(b, loc, type, 0);
  if (isa<ProdOp>(op))
    return createScalarConstant(b, loc, type, 1);
  bool isMax = isa<MaxOp, ArgmaxOp>(op);
  if (auto floatType = dyn_cast<FloatType>(type))
    return b.create<arith::ConstantOp>(
        loc,
        b.getFloatAttr(floatType, APFloat::getInf(floatType.getFloatSemantics(),
                                                  /*Negative=*/isMax)));
  unsigned width = type.getIntOrFloatBitWidth();
  APInt identity =
      isZeroExtended(type)
          ? (isMax ? APInt::getMinValue(width) : APInt::getMaxValue(width))
          : (isMax ? APInt::getSignedMinValue(width)
                   : APInt::getSignedMaxValue(width));
  return b.create<arith::ConstantOp>(
      loc, b.getIntegerAttr(getSignlessType(type), identity));
}

/// Combines the accumulator with one element for a value reduction. Float
/// sums and products may be reassociated, as PyTorch's vectorized kernels
/// do: LLVM then vectorizes them with one partial accumulator per lane.
Value combine(Operation *op, OpBuilder &b, Location loc, Type type, Value acc,
              Value x) {
  bool isFloat = isa<FloatType>(type), isUnsigned = isZeroExtended(type);
  auto reassoc = arith::FastMathFlags::reassoc;
  if (isa<SumOp>(op))
    return isFloat ? b.create<arith::AddFOp>(loc, acc, x, reassoc).getResult()
                   : b.create<arith::AddIOp>(loc, acc, x);
  if (isa<ProdOp>(op))
    return isFloat ? b.create<arith::MulFOp>(loc, acc, x, reassoc).getResult()
                   : b.create<arith::MulIOp>(loc, acc, x);
  if (isa<MaxOp>(op))
    return isFloat      ? b.create<arith::MaximumFOp>(loc, acc, x).getResult()
           : isUnsigned ? b.create<arith::MaxUIOp>(loc, acc, x).getResult()
                        : b.create<arith::MaxSIOp>(loc, acc, x);
  return isFloat      ? b.create<arith::MinimumFOp>(loc, acc, x).getResult()
         : isUnsigned ? b.create<arith::MinUIOp>(loc, acc, x).getResult()
                      : b.create<arith::MinSIOp>(loc, acc, x);
}

/// Reshapes a reduction without keepdim to the op's (kept-dims) type.
Value restoreKeptDims(OpBuilder &b, Location loc, Value reduced,
                      RankedTensorType resultType) {
  if (cast<RankedTensorType>(reduced.getType()).getShape() ==
      resultType.getShape())
    return reduced;
  return createReshape(b, loc, reduced, resultType);
}

template <typename OpT> struct LowerValueReduction : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inputType = op.getInput().getType();
    Type from = inputType.getElementType();
    Type to = op.getType().getElementType();
    auto resultType = cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op.getType()));
    FailureOr<SmallVector<int64_t>> reduced =
        getReducedDims(op.getLoc(), op->getName().getStringRef(), op.getDim(),
                       inputType.getRank());
    if (failed(reduced))
      return failure();
    ReductionLoops loops = getReductionLoops(rewriter.getContext(),
                                             inputType.getShape(), *reduced);

    auto accType =
        RankedTensorType::get(loops.keptShape, resultType.getElementType());
    Value identity = createIdentity(rewriter, loc, op, to);
    Value init = createFilledTensor(rewriter, loc, accType, identity);
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{accType}, ValueRange{adaptor.getInput()},
        ValueRange{init}, ArrayRef<AffineMap>{loops.inputMap, loops.outputMap},
        loops.iterators, [&](OpBuilder &b, Location nested, ValueRange args) {
          Value x = convertScalar(b, nested, args[0], from, to);
          b.create<linalg::YieldOp>(nested,
                                    combine(op, b, nested, to, args[1], x));
        });
    rewriter.replaceOp(
        op, restoreKeptDims(rewriter, loc, generic.getResult(0), resultType));
    return success();
  }
};

template <typename OpT> struct LowerArgReduction : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inputType = op.getInput().getType();
    ArrayRef<int64_t> shape = inputType.getShape();
    Type element = inputType.getElementType();
    auto resultType = op.getType();
    // A 0-d input has nothing to reduce; its one element is index 0.
    SmallVector<int64_t> reduced;
    auto rank = static_cast<int64_t>(shape.size());
    std::optional<int64_t> dim = op.getDim();
    if (dim && rank > 0)
      reduced.push_back((*dim + rank) % rank);
    else if (!dim)
      reduced = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    ReductionLoops loops =
        getReductionLoops(rewriter.getContext(), shape, reduced);

    auto valueType =
        RankedTensorType::get(loops.keptShape, getSignlessType(element));
    auto indexType =
        RankedTensorType::get(loops.keptShape, rewriter.getI64Type());
    Value values = createFilledTensor(
        rewriter, loc, valueType, createIdentity(rewriter, loc, op, element));
    Value indices = createFilledTensor(
        rewriter, loc, indexType,
        createScalarConstant(rewriter, loc, rewriter.getI64Type(), 0));
    bool isMax = std::is_same_v<OpT, ArgmaxOp>;
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{valueType, indexType}, ValueRange{adaptor.getInput()},
        ValueRange{values, indices},
        ArrayRef<AffineMap>{loops.inputMap, loops.outputMap, loops.outputMap},
        loops.iterators, [&](OpBuilder &b, Location nested, ValueRange args) {
          Value x = args[0], best = args[1], bestIndex = args[2];
          // The index along the reduced dims, row-major over them.
          Value index = createScalarConstant(b, nested, b.getI64Type(), 0);
          for (int64_t dim : reduced) {
            Value size =
                createScalarConstant(b, nested, b.getI64Type(), shape[dim]);
            Value position = b.create<arith::IndexCastOp>(
                nested, b.getI64Type(), b.create<linalg::IndexOp>(nested, dim));
            index = b.create<arith::AddIOp>(
                nested, b.create<arith::MulIOp>(nested, index, size), position);
          }
          Value better;
          if (isa<FloatType>(element)) {
            better = b.create<arith::CmpFOp>(nested,
                                             isMax ? arith::CmpFPredicate::OGT
                                                   : arith::CmpFPredicate::OLT,
                                             x, best);
            Value xIsNaN = b.create<arith::CmpFOp>(
                nested, arith::CmpFPredicate::UNO, x, x);
            Value bestIsNaN = b.create<arith::CmpFOp>(
                nested, arith::CmpFPredicate::UNO, best, best);
            Value firstNaN = b.create<arith::AndIOp>(
                nested, xIsNaN,
                b.create<arith::XOrIOp>(
                    nested, bestIsNaN,
                    createScalarConstant(b, nested, b.getI1Type(), 1)));
            better = b.create<arith::OrIOp>(nested, better, firstNaN);
          } else {
            bool isUnsigned = isZeroExtended(element);
            auto predicate = isMax ? (isUnsigned ? arith::CmpIPredicate::ugt
                                                 : arith::CmpIPredicate::sgt)
                                   : (isUnsigned ? arith::CmpIPredicate::ult
                                                 : arith::CmpIPredicate::slt);
            better = b.create<arith::CmpIOp>(nested, predicate, x, best);
          }
          // The very first element always wins, so an all -inf row still
          // reports index 0 with its value.
          Value first = b.create<arith::CmpIOp>(
              nested, arith::CmpIPredicate::eq, index,
              createScalarConstant(b, nested, b.getI64Type(), 0));
          better = b.create<arith::OrIOp>(nested, better, first);
          b.create<linalg::YieldOp>(
              nested,
              ValueRange{
                  b.create<arith::SelectOp>(nested, better, x, best),
                  b.create<arith::SelectOp>(nested, better, index, bestIndex)});
        });
    rewriter.replaceOp(
        op, restoreKeptDims(rewriter, loc, generic.getResult(1), resultType));
    return success();
  }
};

} // namespace

void populateLowerReductionPatterns(KilnTypeConverter &converter,
                                    RewritePatternSet &patterns) {
  patterns.add<LowerValueReduction<SumOp>, LowerValueReduction<ProdOp>,
               LowerValueReduction<MaxOp>, LowerValueReduction<MinOp>,
               LowerArgReduction<ArgmaxOp>, LowerArgReduction<ArgminOp>>(
      converter, patterns.getContext());
}

} // namespace kiln
