//===- DecomposeIndexing.cpp - resize and einsum --------------------------===//
//
/// resize becomes, per resampled dimension (last first, the order PyTorch's
/// kernels interpolate in), a kiln.take of constant source indices, and for
/// `linear` the weighted sum of the two neighbours' takes. einsum becomes,
/// per operand after the first, one kiln.matmul over [batch, kept, summed]
/// groups of labels, with permutes and reshapes around it and kiln.sum for
/// labels only one side has.
//
//===----------------------------------------------------------------------===//

#include "ir/GraphBuilder.h"
#include "ir/IndexingOps.h"
#include "passes/DecomposePatterns.h"

#include "llvm/ADT/SetVector.h"

#include <cmath>

using namespace mlir;

namespace kiln {
namespace {

Value createIndexConstant(OpBuilder &builder, Location loc,
                          ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    builder.getIntegerType(64));
  return builder.create<ConstantOp>(loc, DenseElementsAttr::get(type, values));
}

/// Weights along dimension `dim` of a rank-`rank` tensor, shaped
/// [1, .., n, .., 1] in `element`'s dtype.
Value createWeights(OpBuilder &builder, Location loc, ArrayRef<double> values,
                    int64_t dim, int64_t rank, Type element) {
  SmallVector<int64_t> shape(rank, 1);
  shape[dim] = values.size();
  auto type = RankedTensorType::get(shape, element);
  if (element.isF32()) {
    SmallVector<float> narrowed(values.begin(), values.end());
    return builder.create<ConstantOp>(
        loc, DenseElementsAttr::get(type, ArrayRef<float>(narrowed)));
  }
  return builder.create<ConstantOp>(loc, DenseElementsAttr::get(type, values));
}

struct DecomposeResize : OpRewritePattern<ResizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ResizeOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getInput().getType();
    auto dims = getResizeDims(std::nullopt, op->getName().getStringRef(),
                              type.getShape(), op.getSizes(), op.getScales(),
                              op.getMode(),
                              op.getCoordinateTransformationMode(),
                              op.getNearestMode());
    if (failed(dims))
      return failure();
    StringRef coordinateMode = op.getCoordinateTransformationMode();
    bool linear = op.getMode() == "linear";
    int64_t rank = type.getRank();
    Value result = op.getInput();
    for (int64_t d = rank - 1; d >= 0; --d) {
      const ResizeDim &dim = (*dims)[d];
      if (dim.out == 0 || dim.in == 0) {
        SmallVector<int64_t> shape(cast<RankedTensorType>(result.getType())
                                       .getShape());
        shape[d] = dim.out;
        result = rewriter.create<ZerosOp>(loc, type.clone(shape));
        continue;
      }
      SmallVector<int64_t> first, second;
      SmallVector<double> firstWeight, secondWeight;
      bool identity = dim.in == dim.out;
      for (int64_t x = 0; x < dim.out; ++x) {
        double source = getResizeSourceCoordinate(coordinateMode, x, dim);
        if (!linear) {
          first.push_back(getResizeNearestIndex(op.getNearestMode(), source,
                                                dim.in));
          identity &= first.back() == x;
          continue;
        }
        source = std::clamp(source, 0.0, static_cast<double>(dim.in - 1));
        int64_t low = static_cast<int64_t>(std::floor(source));
        double weight = source - low;
        first.push_back(low);
        second.push_back(std::min(low + 1, dim.in - 1));
        firstWeight.push_back(1.0 - weight);
        secondWeight.push_back(weight);
        identity &= low == x && weight == 0.0;
      }
      if (identity)
        continue;
      Value near = rewriter.create<TakeOp>(
          loc, result, createIndexConstant(rewriter, loc, first), d);
      if (!linear) {
        result = near;
        continue;
      }
      Value far = rewriter.create<TakeOp>(
          loc, result, createIndexConstant(rewriter, loc, second), d);
      Type element = type.getElementType();
      result = rewriter.create<AddOp>(
          loc,
          rewriter.create<MulOp>(loc, near,
                                 createWeights(rewriter, loc, firstWeight, d,
                                               rank, element)),
          rewriter.create<MulOp>(loc, far,
                                 createWeights(rewriter, loc, secondWeight, d,
                                               rank, element)));
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// A tensor in the middle of an einsum and the label of each dimension.
struct Labeled {
  Value value;
  SmallVector<int64_t> labels;

  ArrayRef<int64_t> shape() const {
    return cast<RankedTensorType>(value.getType()).getShape();
  }
  int64_t sizeOf(int64_t label) const {
    return shape()[llvm::find(labels, label) - labels.begin()];
  }
  bool has(int64_t label) const { return llvm::is_contained(labels, label); }
};

class EinsumBuilder {
public:
  EinsumBuilder(PatternRewriter &rewriter, Location loc, Type element)
      : rewriter(rewriter), loc(loc), element(element) {}

  /// Sums out the labels of `t` that are not in `keep`.
  Labeled sumOut(Labeled t, const llvm::SetVector<int64_t> &keep) {
    SmallVector<int64_t> dims, kept;
    for (auto [d, label] : llvm::enumerate(t.labels)) {
      if (keep.contains(label))
        kept.push_back(label);
      else
        dims.push_back(d);
    }
    if (dims.empty())
      return t;
    Value sum = createSum(rewriter, loc, t.value, dims, /*keepdim=*/false);
    return {createCast(rewriter, loc, sum, element), kept};
  }

  /// Drops the size-1 dimension of `label` from `t`.
  Labeled squeeze(Labeled t, int64_t label) {
    SmallVector<int64_t> shape, labels;
    for (auto [d, l] : llvm::enumerate(t.labels))
      if (l != label) {
        shape.push_back(t.shape()[d]);
        labels.push_back(l);
      }
    return {createReshape(rewriter, loc, t.value, shape), labels};
  }

  /// `t` permuted to `order` and reshaped to `groups` (each group's sizes
  /// multiplied); `keepFirst` leading labels stay as they are.
  Value arrange(const Labeled &t, ArrayRef<ArrayRef<int64_t>> groups,
                size_t keepFirst) {
    SmallVector<int64_t> order, shape;
    size_t position = 0;
    for (ArrayRef<int64_t> group : groups) {
      int64_t product = 1;
      for (int64_t label : group) {
        order.push_back(llvm::find(t.labels, label) - t.labels.begin());
        product *= t.sizeOf(label);
        if (position < keepFirst)
          shape.push_back(t.sizeOf(label));
      }
      if (position >= keepFirst)
        shape.push_back(product);
      ++position;
    }
    Value value = permute(t.value, order);
    return createReshape(rewriter, loc, value, shape);
  }

  Value permute(Value value, ArrayRef<int64_t> order) {
    if (llvm::equal(order, llvm::seq<int64_t>(0, order.size())))
      return value;
    return rewriter.create<PermuteOp>(loc, value, order);
  }

  /// The product of `lhs` and `rhs` summed over their shared labels that
  /// `keep` lacks.
  Labeled contract(Labeled lhs, Labeled rhs,
                   const llvm::SetVector<int64_t> &keep) {
    // Labels only one side has and nobody needs are summed first.
    llvm::SetVector<int64_t> keepLhs = keep, keepRhs = keep;
    keepLhs.insert(rhs.labels.begin(), rhs.labels.end());
    keepRhs.insert(lhs.labels.begin(), lhs.labels.end());
    lhs = sumOut(lhs, keepLhs);
    rhs = sumOut(rhs, keepRhs);
    // A summed label broadcast from size 1 on one side: sum the other side.
    for (int64_t label : SmallVector<int64_t>(lhs.labels)) {
      if (keep.contains(label) || !rhs.has(label))
        continue;
      int64_t a = lhs.sizeOf(label), b = rhs.sizeOf(label);
      if (a == b)
        continue;
      Labeled &small = a == 1 ? lhs : rhs;
      Labeled &large = a == 1 ? rhs : lhs;
      small = squeeze(small, label);
      llvm::SetVector<int64_t> others(large.labels.begin(), large.labels.end());
      others.remove(label);
      large = sumOut(large, others);
    }

    SmallVector<int64_t> batch, summed, lhsOnly, rhsOnly;
    for (int64_t label : lhs.labels) {
      if (!rhs.has(label))
        lhsOnly.push_back(label);
      else if (keep.contains(label))
        batch.push_back(label);
      else
        summed.push_back(label);
    }
    for (int64_t label : rhs.labels)
      if (!lhs.has(label))
        rhsOnly.push_back(label);
    SmallVector<ArrayRef<int64_t>> lhsGroups, rhsGroups;
    for (int64_t &label : batch) {
      lhsGroups.push_back(ArrayRef<int64_t>(label));
      rhsGroups.push_back(ArrayRef<int64_t>(label));
    }
    lhsGroups.push_back(lhsOnly);
    lhsGroups.push_back(summed);
    rhsGroups.push_back(summed);
    rhsGroups.push_back(rhsOnly);
    Value product = rewriter.create<MatmulOp>(
        loc, arrange(lhs, lhsGroups, batch.size()),
        arrange(rhs, rhsGroups, batch.size()));
    // Batch sizes broadcast in the product; the others are each side's.
    ArrayRef<int64_t> productShape =
        cast<RankedTensorType>(product.getType()).getShape();
    SmallVector<int64_t> shape(productShape.take_front(batch.size()));
    SmallVector<int64_t> labels(batch);
    for (int64_t label : lhsOnly) {
      shape.push_back(lhs.sizeOf(label));
      labels.push_back(label);
    }
    for (int64_t label : rhsOnly) {
      shape.push_back(rhs.sizeOf(label));
      labels.push_back(label);
    }
    return {createReshape(rewriter, loc, product, shape), labels};
  }

private:
  PatternRewriter &rewriter;
  Location loc;
  Type element;
};

struct DecomposeEinsum : OpRewritePattern<EinsumOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(EinsumOp op,
                                PatternRewriter &rewriter) const override {
    SmallVector<ArrayRef<int64_t>> shapes;
    for (Value input : op.getInputs())
      shapes.push_back(cast<RankedTensorType>(input.getType()).getShape());
    auto spec = parseEinsum(std::nullopt, op->getName().getStringRef(),
                            op.getEquation(), shapes);
    if (failed(spec))
      return failure();
    Type element = op.getType().getElementType();
    EinsumBuilder builder(rewriter, op.getLoc(), element);
    SmallVector<Labeled> operands;
    for (auto [input, labels] : llvm::zip_equal(op.getInputs(), spec->inputs))
      operands.push_back({input, labels});

    Labeled current = operands.front();
    for (size_t i = 1; i < operands.size(); ++i) {
      llvm::SetVector<int64_t> keep(spec->output.begin(), spec->output.end());
      for (size_t j = i + 1; j < operands.size(); ++j)
        keep.insert(operands[j].labels.begin(), operands[j].labels.end());
      current = builder.contract(current, operands[i], keep);
    }
    llvm::SetVector<int64_t> output(spec->output.begin(), spec->output.end());
    current = builder.sumOut(current, output);
    SmallVector<int64_t> order;
    for (int64_t label : spec->output)
      order.push_back(llvm::find(current.labels, label) -
                      current.labels.begin());
    Value result = builder.permute(current.value, order);
    // Ellipsis dimensions broadcast in a product may still be size 1 when
    // they never met a larger operand.
    if (cast<RankedTensorType>(result.getType()).getShape() !=
        op.getType().getShape())
      result = rewriter.create<ExpandOp>(op.getLoc(), result,
                                         op.getType().getShape());
    rewriter.replaceOp(op, createCast(rewriter, op.getLoc(), result, element));
    return success();
  }
};

} // namespace

void populateDecomposeIndexingPatterns(RewritePatternSet &patterns) {
  patterns.add<DecomposeResize, DecomposeEinsum>(patterns.getContext());
}

} // namespace kiln
