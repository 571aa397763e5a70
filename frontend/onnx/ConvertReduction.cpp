//===- ConvertReduction.cpp - ONNX reductions and softmax -----------------===//

#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"
#include "ir/GraphBuilder.h"

using namespace mlir;

namespace kiln::onnx_import {
namespace {

/// What a Reduce* node reduces over: normalized, sorted dims (every dim when
/// the node names none), or nothing when it names none and asks for a no-op.
struct ReducedDims {
  SmallVector<int64_t> dims;
  bool keepdims;
  bool noop = false;
};

ReducedDims getReducedDims(NodeContext &context, int64_t axesInputFromOpset) {
  int64_t rank = context.inputType(0).getRank();
  ReducedDims reduced;
  reduced.keepdims = context.attrInt("keepdims", 1) != 0;
  std::optional<std::vector<int64_t>> axes =
      getAxes(context, axesInputFromOpset);
  if (!axes || axes->empty()) {
    reduced.noop = context.attrInt("noop_with_empty_axes", 0) != 0;
    for (int64_t dim = 0; dim < rank; ++dim)
      reduced.dims.push_back(dim);
    return reduced;
  }
  for (int64_t axis : *axes)
    reduced.dims.push_back(normalizeAxis(context, axis, rank));
  llvm::sort(reduced.dims);
  reduced.dims.erase(std::unique(reduced.dims.begin(), reduced.dims.end()),
                     reduced.dims.end());
  return reduced;
}

/// kiln.<name> over `reduced`, keeping the input's dtype as ONNX does.
Value reduce(NodeContext &context, StringRef name, Value input,
             const ReducedDims &reduced) {
  SmallVector<OpAttr> attrs = {{"dim", context.i64ArrayAttr(reduced.dims)}};
  if (reduced.keepdims)
    attrs.push_back({"keepdim", UnitAttr::get(context.context())});
  Value result = context.op(name, {input}, attrs);
  return castTo(context, result, getElementTypeOf(input));
}

/// How each Reduce* op transforms the input before summing (or maxing) and
/// the sum afterwards.
enum class ReduceKind { Sum, Mean, Max, Min, Prod, SumSquare, L1, L2, LogSum,
                        LogSumExp };

template <ReduceKind Kind> void convertReduce(NodeContext &context) {
  // ReduceSum takes its axes as an input from opset 13, the others from 18.
  ReducedDims reduced =
      getReducedDims(context, Kind == ReduceKind::Sum ? 13 : 18);
  Value input = context.input(0);
  if (reduced.noop) {
    context.setOutput(0, input);
    return;
  }
  Value result;
  switch (Kind) {
  case ReduceKind::Sum:
    result = reduce(context, "kiln.sum", input, reduced);
    break;
  case ReduceKind::Mean:
    result = reduce(context, "kiln.mean", input, reduced);
    break;
  case ReduceKind::Max:
    result = reduce(context, "kiln.max", input, reduced);
    break;
  case ReduceKind::Min:
    result = reduce(context, "kiln.min", input, reduced);
    break;
  case ReduceKind::Prod:
    result = reduce(context, "kiln.prod", input, reduced);
    break;
  case ReduceKind::SumSquare:
    result = reduce(context, "kiln.sum",
                    context.op("kiln.mul", {input, input}), reduced);
    break;
  case ReduceKind::L1:
    result = reduce(context, "kiln.sum", context.op("kiln.abs", {input}),
                    reduced);
    break;
  case ReduceKind::L2: {
    Value sum = reduce(context, "kiln.sum",
                       context.op("kiln.mul", {input, input}), reduced);
    result = castTo(context, context.op("kiln.sqrt", {sum}),
                    getElementTypeOf(input));
    break;
  }
  case ReduceKind::LogSum:
    result = castTo(
        context,
        context.op("kiln.log", {reduce(context, "kiln.sum", input, reduced)}),
        getElementTypeOf(input));
    break;
  case ReduceKind::LogSumExp: {
    // log(sum(exp(x - m))) + m with m the maximum, so exp cannot overflow.
    ReducedDims kept = reduced;
    kept.keepdims = true;
    Value max = reduce(context, "kiln.max", input, kept);
    Value shifted = context.op("kiln.sub", {input, max});
    Value sum =
        reduce(context, "kiln.sum", context.op("kiln.exp", {shifted}), kept);
    result = context.op("kiln.add", {context.op("kiln.log", {sum}), max});
    if (!reduced.keepdims) {
      SmallVector<int64_t> shape;
      for (auto [dim, size] :
           llvm::enumerate(cast<RankedTensorType>(result.getType()).getShape()))
        if (!llvm::is_contained(reduced.dims, static_cast<int64_t>(dim)))
          shape.push_back(size);
      result = reshape(context, result, shape);
    }
    break;
  }
  }
  context.setOutput(0, result);
}

/// ArgMax/ArgMin; `select_last_index` searches the reversed dimension.
template <const char *OpName> void convertArgReduce(NodeContext &context) {
  auto type = context.inputType(0);
  int64_t axis =
      normalizeAxis(context, context.attrInt("axis", 0), type.getRank());
  bool keepdims = context.attrInt("keepdims", 1) != 0;
  bool last = context.attrInt("select_last_index", 0) != 0;
  Value input = context.input(0);
  int64_t size = type.getDimSize(axis);
  if (last) {
    SmallVector<int64_t> reversed;
    for (int64_t i = size - 1; i >= 0; --i)
      reversed.push_back(i);
    input = context.op("kiln.index_select",
                       {input, int64Constant(context, reversed)},
                       {{"dim", context.i64Attr(axis)}});
  }
  SmallVector<OpAttr> attrs = {{"dim", context.i64Attr(axis)}};
  if (keepdims)
    attrs.push_back({"keepdim", UnitAttr::get(context.context())});
  Value index = context.op(OpName, {input}, attrs);
  if (last) {
    Value lastIndex = createScalar(context.builder(), context.loc(),
                                   getElementTypeOf(index), size - 1);
    index = context.op("kiln.sub", {lastIndex, index});
  }
  context.setOutput(0, index);
}

/// Before opset 13, Softmax, LogSoftmax and Hardmax flatten the input to 2-D
/// at `axis` (default 1) and normalize each row; from 13 they normalize
/// along `axis` (default -1).
template <typename Fn>
void convertSoftmaxLike(NodeContext &context, Fn normalize) {
  auto type = context.inputType(0);
  int64_t rank = type.getRank();
  if (context.opset() >= 13) {
    int64_t axis = normalizeAxis(context, context.attrInt("axis", -1), rank);
    context.setOutput(0, normalize(context.input(0), axis));
    return;
  }
  int64_t axis = context.attrInt("axis", 1);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis > rank)
    context.fail("axis " + llvm::Twine(context.attrInt("axis", 1)) +
                 " is out of range for rank " + llvm::Twine(rank));
  int64_t outer = 1, inner = 1;
  for (int64_t dim = 0; dim < rank; ++dim)
    (dim < axis ? outer : inner) *= type.getDimSize(dim);
  Value rows = reshape(context, context.input(0), {outer, inner});
  context.setOutput(0, reshape(context, normalize(rows, 1), type.getShape()));
}

template <const char *OpName> void convertSoftmax(NodeContext &context) {
  convertSoftmaxLike(context, [&](Value input, int64_t axis) {
    return context.op(OpName, {input}, {{"dim", context.i64Attr(axis)}});
  });
}

/// Hardmax: 1 at the first largest entry along the axis, 0 elsewhere.
void convertHardmax(NodeContext &context) {
  convertSoftmaxLike(context, [&](Value input, int64_t axis) {
    auto type = cast<RankedTensorType>(input.getType());
    Value index = context.op(
        "kiln.argmax", {input},
        {{"dim", context.i64Attr(axis)},
         {"keepdim", UnitAttr::get(context.context())}});
    SmallVector<int64_t> positions, shape(type.getRank(), 1);
    for (int64_t i = 0; i < type.getDimSize(axis); ++i)
      positions.push_back(i);
    shape[axis] = type.getDimSize(axis);
    Value range = reshape(context, int64Constant(context, positions), shape);
    return castTo(context, context.op("kiln.eq", {range, index}),
                  type.getElementType());
  });
}

/// MeanVarianceNormalization, as ONNX's function body computes it:
/// (x - E[x]) / (sqrt(E[x^2] - E[x]^2) + 1e-9) over `axes` (default N, H, W).
void convertMeanVarianceNormalization(NodeContext &context) {
  Value x = context.input(0);
  int64_t rank = context.inputType(0).getRank();
  ReducedDims reduced;
  reduced.keepdims = true;
  for (int64_t axis : context.attrInts("axes", std::vector<int64_t>{0, 2, 3}))
    reduced.dims.push_back(normalizeAxis(context, axis, rank));
  llvm::sort(reduced.dims);
  Value mean = reduce(context, "kiln.mean", x, reduced);
  Value meanOfSquares =
      reduce(context, "kiln.mean", context.op("kiln.mul", {x, x}), reduced);
  Value variance = context.op(
      "kiln.sub", {meanOfSquares, context.op("kiln.mul", {mean, mean})});
  Value deviation = context.op(
      "kiln.add",
      {context.op("kiln.sqrt", {variance}),
       createScalar(context.builder(), context.loc(), getElementTypeOf(x),
                    1e-9)});
  context.setOutput(0, context.op("kiln.div", {context.op("kiln.sub", {x, mean}),
                                               deviation}));
}

/// LRN: x / (bias + alpha / size * sum of x^2 over a window of `size`
/// channels)^beta, the window from c - floor((size-1)/2) to
/// c + ceil((size-1)/2), zero outside.
void convertLrn(NodeContext &context) {
  Value x = context.input(0);
  auto type = context.inputType(0);
  if (type.getRank() < 3)
    context.fail("the input must be [N, C, D1, ...]");
  int64_t size = context.attrInt("size");
  if (size <= 0)
    context.fail("size must be positive");
  Type element = type.getElementType();
  int64_t channels = type.getDimSize(1);
  int64_t before = (size - 1) / 2, after = size - 1 - before;
  Value squares = context.op("kiln.mul", {x, x});
  auto zerosOf = [&](int64_t count) {
    SmallVector<int64_t> shape(type.getShape());
    shape[1] = count;
    return context.op("kiln.zeros", RankedTensorType::get(shape, element), {});
  };
  SmallVector<Value> pieces;
  if (before > 0)
    pieces.push_back(zerosOf(before));
  pieces.push_back(squares);
  if (after > 0)
    pieces.push_back(zerosOf(after));
  Value padded = pieces.size() == 1
                     ? squares
                     : context.op("kiln.cat", pieces,
                                  {{"dim", context.i64Attr(1)}});
  Value sum;
  for (int64_t offset = 0; offset < size; ++offset) {
    Value window = context.op("kiln.slice", {padded},
                              {{"dim", context.i64Attr(1)},
                               {"start", context.i64Attr(offset)},
                               {"end", context.i64Attr(offset + channels)},
                               {"step", context.i64Attr(1)}});
    sum = sum ? context.op("kiln.add", {sum, window}) : window;
  }
  auto scalar = [&](double value) {
    return createScalar(context.builder(), context.loc(), element, value);
  };
  Value scaled = context.op(
      "kiln.mul", {sum, scalar(context.attrFloat("alpha", 1e-4) / size)});
  Value denominator = context.op(
      "kiln.pow",
      {context.op("kiln.add", {scaled, scalar(context.attrFloat("bias", 1.0))}),
       scalar(context.attrFloat("beta", 0.75))});
  context.setOutput(0, context.op("kiln.div", {x, denominator}));
}

constexpr char kArgmax[] = "kiln.argmax", kArgmin[] = "kiln.argmin",
               kSoftmax[] = "kiln.softmax", kLogSoftmax[] = "kiln.log_softmax";

} // namespace

void registerReductionConverters(ConverterRegistry &registry) {
  registry["ReduceSum"] = convertReduce<ReduceKind::Sum>;
  registry["ReduceMean"] = convertReduce<ReduceKind::Mean>;
  registry["ReduceMax"] = convertReduce<ReduceKind::Max>;
  registry["ReduceMin"] = convertReduce<ReduceKind::Min>;
  registry["ReduceProd"] = convertReduce<ReduceKind::Prod>;
  registry["ReduceSumSquare"] = convertReduce<ReduceKind::SumSquare>;
  registry["ReduceL1"] = convertReduce<ReduceKind::L1>;
  registry["ReduceL2"] = convertReduce<ReduceKind::L2>;
  registry["ReduceLogSum"] = convertReduce<ReduceKind::LogSum>;
  registry["ReduceLogSumExp"] = convertReduce<ReduceKind::LogSumExp>;
  registry["ArgMax"] = convertArgReduce<kArgmax>;
  registry["ArgMin"] = convertArgReduce<kArgmin>;
  registry["Softmax"] = convertSoftmax<kSoftmax>;
  registry["LogSoftmax"] = convertSoftmax<kLogSoftmax>;
  registry["Hardmax"] = convertHardmax;
  registry["MeanVarianceNormalization"] = convertMeanVarianceNormalization;
  registry["LRN"] = convertLrn;
}

} // namespace kiln::onnx_import
