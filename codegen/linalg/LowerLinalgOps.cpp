//===- LowerLinalgOps.cpp - Matrix products and dense linear algebra ------===//
//
/// matmul, mm and dot become a single `linalg.generic` contraction whose
/// indexing maps encode torch.matmul's rank rules: a 1-D operand has no row
/// (lhs) or column (rhs) loop, batch dimensions broadcast by reading index 0
/// of size-1 dimensions.
///
/// inverse and det factor each matrix of the batch as P A = L U by Gaussian
/// elimination with partial pivoting (LAPACK's getf2), written as `scf.for`
/// loops over tensors with `tensor.extract`/`tensor.insert`.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/Contractions.h"
#include "codegen/linalg/LoweringUtils.h"

#include "ir/KilnOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
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

    // Loops: the batch, the row (when lhs has one), the contracted dim and
    // the column (when rhs has one). Every operand lists its dims in loop
    // order, which is what the matmul kernels read (see kiln-call-kernels).
    unsigned numLoops = result.size() + 1;
    size_t batchRank = result.size() - (lhs.size() > 1) - (rhs.size() > 1);
    int64_t m = lhs.size() > 1 ? static_cast<int64_t>(batchRank) : -1;
    int64_t k = batchRank + (m >= 0);
    int64_t n = rhs.size() > 1 ? k + 1 : -1;
    ArrayRef<int64_t> resultBatch = result.take_front(batchRank);

    SmallVector<int64_t> lhsDims, rhsDims;
    if (m >= 0)
      lhsDims.push_back(m);
    lhsDims.push_back(k);
    rhsDims.push_back(k);
    if (n >= 0)
      rhsDims.push_back(n);
    SmallVector<AffineExpr> resultExprs;
    for (unsigned loop = 0; loop < numLoops; ++loop)
      if (loop != static_cast<unsigned>(k))
        resultExprs.push_back(getAffineDimExpr(loop, context));
    SmallVector<AffineMap> maps = {
        getOperandMap(context, lhs, resultBatch, lhsDims, numLoops),
        getOperandMap(context, rhs, resultBatch, rhsDims, numLoops),
        AffineMap::get(numLoops, 0, resultExprs, context)};
    SmallVector<utils::IteratorType> iterators(numLoops,
                                               utils::IteratorType::parallel);
    iterators[k] = utils::IteratorType::reduction;

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
    // A target may run it as a library kernel (kiln-select-cpu-kernels:
    // oneDNN's matmul), which replaces the whole contraction, zero-filled
    // output included.
    generic->setAttr(kContractionAttrName,
                     rewriter.getStringAttr(kMatmulContraction));
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

using LoopBody =
    function_ref<SmallVector<Value>(OpBuilder &, Location, Value, ValueRange)>;

/// An `scf.for` from `lower` to `upper` (index values) carrying `inits`;
/// `body` gets the induction variable and the carried values and returns
/// the next ones.
ValueRange createLoop(OpBuilder &builder, Location loc, Value lower,
                      Value upper, ValueRange inits, LoopBody body) {
  Value one = builder.create<arith::ConstantIndexOp>(loc, 1);
  auto loop = builder.create<scf::ForOp>(
      loc, lower, upper, one, inits,
      [&](OpBuilder &b, Location nested, Value iv, ValueRange args) {
        b.create<scf::YieldOp>(nested, body(b, nested, iv, args));
      });
  return loop.getResults();
}

/// The factorization of one n x n matrix: `lu` holds U on and above the
/// diagonal and L's multipliers below it; `rhs`, when one was given, has had
/// the same row swaps and eliminations applied (it becomes L^-1 P rhs).
struct Factorization {
  Value lu, rhs, sign;
};

/// LU with partial pivoting of `matrix` (a tensor<n x n>). A zero pivot
/// (singular matrix) skips its column's elimination, as getf2 does, so that
/// U keeps the zero on its diagonal and det is 0 instead of NaN.
Factorization factor(OpBuilder &builder, Location loc, Value matrix, Value rhs,
                     int64_t n) {
  Type element = cast<RankedTensorType>(matrix.getType()).getElementType();
  Value zero = builder.create<arith::ConstantIndexOp>(loc, 0);
  Value size = builder.create<arith::ConstantIndexOp>(loc, n);
  Value one = builder.create<arith::ConstantIndexOp>(loc, 1);
  Value fZero = createScalarConstant(builder, loc, element, 0.0);
  Value fOne = createScalarConstant(builder, loc, element, 1.0);
  bool hasRhs = static_cast<bool>(rhs);

  // Swaps rows `r` and `s` of `m` (a no-op when they are the same row).
  auto swapRows = [&](OpBuilder &b, Location l, Value m, Value r, Value s) {
    return createLoop(
        b, l, zero, size, m,
        [&](OpBuilder &b, Location l, Value j, ValueRange args) {
          Value atR = b.create<tensor::ExtractOp>(l, args[0], ValueRange{r, j});
          Value atS = b.create<tensor::ExtractOp>(l, args[0], ValueRange{s, j});
          Value t =
              b.create<tensor::InsertOp>(l, atS, args[0], ValueRange{r, j});
          return SmallVector<Value>{
              b.create<tensor::InsertOp>(l, atR, t, ValueRange{s, j})};
        })[0];
  };
  // m[i, j] -= f * m[k, j] for j in [from, n).
  auto eliminate = [&](OpBuilder &b, Location l, Value m, Value i, Value k,
                       Value f, Value from) {
    return createLoop(
        b, l, from, size, m,
        [&](OpBuilder &b, Location l, Value j, ValueRange args) {
          Value mi = b.create<tensor::ExtractOp>(l, args[0], ValueRange{i, j});
          Value mk = b.create<tensor::ExtractOp>(l, args[0], ValueRange{k, j});
          Value v =
              b.create<arith::SubFOp>(l, mi, b.create<arith::MulFOp>(l, f, mk));
          return SmallVector<Value>{
              b.create<tensor::InsertOp>(l, v, args[0], ValueRange{i, j})};
        })[0];
  };

  SmallVector<Value> inits = {matrix, fOne};
  if (hasRhs)
    inits.push_back(rhs);
  ValueRange result = createLoop(
      builder, loc, zero, size, inits,
      [&](OpBuilder &b, Location l, Value k, ValueRange args) {
        // The pivot is the first largest |a[i, k]|, i >= k, as LAPACK's
        // i?amax picks it.
        auto absAt = [&](OpBuilder &b, Location l, Value i) -> Value {
          Value v = b.create<tensor::ExtractOp>(l, args[0], ValueRange{i, k});
          return b.create<math::AbsFOp>(l, v);
        };
        Value next = b.create<arith::AddIOp>(l, k, one);
        ValueRange best =
            createLoop(b, l, next, size, ValueRange{absAt(b, l, k), k},
                       [&](OpBuilder &b, Location l, Value i, ValueRange acc) {
                         Value v = absAt(b, l, i);
                         Value larger = b.create<arith::CmpFOp>(
                             l, arith::CmpFPredicate::OGT, v, acc[0]);
                         return SmallVector<Value>{
                             b.create<arith::SelectOp>(l, larger, v, acc[0]),
                             b.create<arith::SelectOp>(l, larger, i, acc[1])};
                       });
        Value p = best[1];
        Value swapped =
            b.create<arith::CmpIOp>(l, arith::CmpIPredicate::ne, p, k);
        Value sign = b.create<arith::SelectOp>(
            l, swapped, b.create<arith::NegFOp>(l, args[1]), args[1]);
        SmallVector<Value> mats = {swapRows(b, l, args[0], k, p)};
        if (hasRhs)
          mats.push_back(swapRows(b, l, args[2], k, p));

        Value pivot = b.create<tensor::ExtractOp>(l, mats[0], ValueRange{k, k});
        Value singular =
            b.create<arith::CmpFOp>(l, arith::CmpFPredicate::OEQ, pivot, fZero);
        ValueRange eliminated = createLoop(
            b, l, next, size, mats,
            [&](OpBuilder &b, Location l, Value i, ValueRange rows) {
              Value below =
                  b.create<tensor::ExtractOp>(l, rows[0], ValueRange{i, k});
              Value f = b.create<arith::SelectOp>(
                  l, singular, fZero, b.create<arith::DivFOp>(l, below, pivot));
              Value lu =
                  b.create<tensor::InsertOp>(l, f, rows[0], ValueRange{i, k});
              SmallVector<Value> updated = {eliminate(b, l, lu, i, k, f, next)};
              if (hasRhs)
                updated.push_back(eliminate(b, l, rows[1], i, k, f, zero));
              return updated;
            });
        SmallVector<Value> yielded = {eliminated[0], sign};
        if (hasRhs)
          yielded.push_back(eliminated[1]);
        return yielded;
      });
  return {result[0], hasRhs ? result[2] : Value(), result[1]};
}

/// det = sign(P) * prod(diag(U)).
Value createDet(OpBuilder &builder, Location loc, Value matrix, int64_t n) {
  Factorization f = factor(builder, loc, matrix, Value(), n);
  Value zero = builder.create<arith::ConstantIndexOp>(loc, 0);
  Value size = builder.create<arith::ConstantIndexOp>(loc, n);
  return createLoop(
      builder, loc, zero, size, f.sign,
      [&](OpBuilder &b, Location l, Value i, ValueRange args) {
        Value d = b.create<tensor::ExtractOp>(l, f.lu, ValueRange{i, i});
        return SmallVector<Value>{b.create<arith::MulFOp>(l, args[0], d)};
      })[0];
}

/// A^-1 solves L U X = P I: the factorization leaves L^-1 P I, and back
/// substitution with U finishes the solve in place, last row first. A
/// singular A divides by U's zero pivot, so its inverse is inf/NaN (PyTorch
/// raises an error there, which compiled code cannot).
Value createInverse(OpBuilder &builder, Location loc, Value matrix, int64_t n) {
  auto type = cast<RankedTensorType>(matrix.getType());
  Value zero = builder.create<arith::ConstantIndexOp>(loc, 0);
  Value size = builder.create<arith::ConstantIndexOp>(loc, n);
  Value one = builder.create<arith::ConstantIndexOp>(loc, 1);
  Value last = builder.create<arith::ConstantIndexOp>(loc, n - 1);
  Value fOne = createScalarConstant(builder, loc, type.getElementType(), 1.0);
  Value identity = createFilledTensor(
      builder, loc, type,
      createScalarConstant(builder, loc, type.getElementType(), 0.0));
  identity = createLoop(builder, loc, zero, size, identity,
                        [&](OpBuilder &b, Location l, Value i, ValueRange m) {
                          return SmallVector<Value>{b.create<tensor::InsertOp>(
                              l, fOne, m[0], ValueRange{i, i})};
                        })[0];
  Factorization f = factor(builder, loc, matrix, identity, n);
  auto at = [&](OpBuilder &b, Location l, Value m, Value i, Value j) -> Value {
    return b.create<tensor::ExtractOp>(l, m, ValueRange{i, j});
  };
  return createLoop(
      builder, loc, zero, size, f.rhs,
      [&](OpBuilder &b, Location l, Value r, ValueRange x) {
        Value i = b.create<arith::SubIOp>(l, last, r);
        Value next = b.create<arith::AddIOp>(l, i, one);
        return SmallVector<Value>{createLoop(
            b, l, zero, size, x,
            [&](OpBuilder &b, Location l, Value j, ValueRange x) {
              Value sum = createLoop(
                  b, l, next, size, at(b, l, x[0], i, j),
                  [&](OpBuilder &b, Location l, Value k, ValueRange s) {
                    Value term = b.create<arith::MulFOp>(
                        l, at(b, l, f.lu, i, k), at(b, l, x[0], k, j));
                    return SmallVector<Value>{
                        b.create<arith::SubFOp>(l, s[0], term)};
                  })[0];
              Value v = b.create<arith::DivFOp>(l, sum, at(b, l, f.lu, i, i));
              return SmallVector<Value>{
                  b.create<tensor::InsertOp>(l, v, x[0], ValueRange{i, j})};
            })[0]};
      })[0];
}

/// inverse and det: the batch is flattened to one dimension and each matrix's
/// result is built in a loop over it.
template <typename OpT> struct LowerSquareMatrixOp : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    auto resultType = cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op.getType()));
    Type element = inputType.getElementType();
    int64_t n = inputType.getShape().back();
    int64_t batch =
        ShapedType::getNumElements(inputType.getShape().drop_back(2));
    bool isDet = std::is_same_v<OpT, DetOp>;

    auto matrixType = RankedTensorType::get({n, n}, element);
    Value input = createReshape(rewriter, loc, adaptor.getInput(),
                                RankedTensorType::get({batch, n, n}, element));
    auto flatType = isDet ? RankedTensorType::get({batch}, element)
                          : RankedTensorType::get({batch, n, n}, element);
    Value init =
        rewriter.create<tensor::EmptyOp>(loc, flatType.getShape(), element);
    Value zero = rewriter.create<arith::ConstantIndexOp>(loc, 0);
    Value count = rewriter.create<arith::ConstantIndexOp>(loc, batch);
    Value flat = createLoop(
        rewriter, loc, zero, count, init,
        [&](OpBuilder &b, Location l, Value index, ValueRange out) {
          SmallVector<OpFoldResult> offsets = {index, b.getIndexAttr(0),
                                               b.getIndexAttr(0)};
          SmallVector<OpFoldResult> sizes = {
              b.getIndexAttr(1), b.getIndexAttr(n), b.getIndexAttr(n)};
          SmallVector<OpFoldResult> strides(3, b.getIndexAttr(1));
          Value slice = b.create<tensor::ExtractSliceOp>(
              l, matrixType, input, offsets, sizes, strides);
          // The factorization overwrites its matrix: copy it out of the
          // input, which bufferization could otherwise write through.
          Value empty =
              b.create<tensor::EmptyOp>(l, matrixType.getShape(), element);
          Value matrix = b.create<linalg::CopyOp>(l, slice, empty).getResult(0);
          if (isDet)
            return SmallVector<Value>{b.create<tensor::InsertOp>(
                l, createDet(b, l, matrix, n), out[0], index)};
          return SmallVector<Value>{
              b.create<tensor::InsertSliceOp>(l, createInverse(b, l, matrix, n),
                                              out[0], offsets, sizes, strides)};
        })[0];
    rewriter.replaceOp(op, createReshape(rewriter, loc, flat, resultType));
    return success();
  }
};

} // namespace

void populateLowerLinalgPatterns(KilnTypeConverter &converter,
                                 RewritePatternSet &patterns) {
  patterns.add<LowerMatmulLike<MatmulOp>, LowerMatmulLike<MmOp>,
               LowerMatmulLike<DotOp>, LowerSquareMatrixOp<InverseOp>,
               LowerSquareMatrixOp<DetOp>>(converter, patterns.getContext());
}

} // namespace kiln
