//===- ConvertIndexing.cpp - Scatters, scans, selection, resampling -------===//
//
/// ScatterElements/Scatter, GatherND, ScatterND, CumSum, TopK, OneHot,
/// Trilu, Tile, Resize/Upsample and Einsum, each onto the kiln op of the
/// same meaning (KilnIndexingOps.td). The ops already take ONNX's
/// conventions (negative indices wrap, ONNX's resize modes and OneHot's
/// [off, on] values), so most converters only read attributes; inputs that
/// set shapes (TopK's K, Tile's repeats, Resize's sizes) must be known at
/// import time.
//
//===----------------------------------------------------------------------===//

#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"

#include "ir/KilnOps.h"

using namespace mlir;

namespace kiln::onnx_import {
namespace {

/// ONNX's `reduction` attribute as a kiln scatter reduction.
ScatterReduceAttr getReduction(NodeContext &context) {
  std::string name = context.attrString("reduction", std::string("none"));
  std::optional<ScatterReduce> reduce;
  if (name == "none" || name == "add" || name == "max" || name == "min")
    reduce = symbolizeScatterReduce(name);
  else if (name == "mul")
    reduce = ScatterReduce::mul;
  if (!reduce)
    context.unsupported("reduction", name);
  return ScatterReduceAttr::get(context.context(), *reduce);
}

/// The scalar value of a one-element input known at import time.
int64_t scalarInt(NodeContext &context, size_t index) {
  std::vector<int64_t> values = context.constantInts(index);
  if (values.size() != 1)
    context.fail("input " + Twine(index) + " must hold one value, got " +
                 Twine(values.size()));
  return values.front();
}

/// ScatterElements (and the deprecated Scatter, opset 9-10): torch.scatter
/// with ONNX's reductions.
void convertScatterElements(NodeContext &context) {
  int64_t rank = context.inputType(0).getRank();
  int64_t axis = normalizeAxis(context, context.attrInt("axis", 0), rank);
  context.setOutput(
      0, context.op("kiln.scatter",
                    {context.input(0), context.input(1), context.input(2)},
                    {{"dim", context.i64Attr(axis)},
                     {"reduce", getReduction(context)}}));
}

void convertGatherND(NodeContext &context) {
  context.setOutput(
      0, context.op("kiln.gather_nd", {context.input(0), context.input(1)},
                    {{"batch_dims",
                      context.i64Attr(context.attrInt("batch_dims", 0))}}));
}

void convertScatterND(NodeContext &context) {
  context.setOutput(
      0, context.op("kiln.scatter_nd",
                    {context.input(0), context.input(1), context.input(2)},
                    {{"reduce", getReduction(context)}}));
}

/// CumSum keeps integer dtypes, where kiln.cumsum accumulates in int64 as
/// torch.cumsum does: the sum is cast back.
void convertCumSum(NodeContext &context) {
  int64_t rank = context.inputType(0).getRank();
  int64_t axis = normalizeAxis(context, scalarInt(context, 1), rank);
  SmallVector<OpAttr> attrs{{"dim", context.i64Attr(axis)}};
  if (context.attrInt("exclusive", 0))
    attrs.push_back({"exclusive", context.builder().getUnitAttr()});
  if (context.attrInt("reverse", 0))
    attrs.push_back({"reverse", context.builder().getUnitAttr()});
  Value sum = context.op("kiln.cumsum", {context.input(0)}, attrs);
  context.setOutput(0, castTo(context, sum,
                              context.inputType(0).getElementType()));
}

/// TopK: K is an input from opset 10 and an attribute before. Kiln always
/// sorts, which `sorted = 0` allows.
void convertTopK(NodeContext &context) {
  int64_t rank = context.inputType(0).getRank();
  int64_t k = context.opset() >= 10 ? scalarInt(context, 1)
                                    : context.attrInt("k");
  int64_t axis = normalizeAxis(context, context.attrInt("axis", -1), rank);
  SmallVector<OpAttr> attrs{{"k", context.i64Attr(k)},
                            {"dim", context.i64Attr(axis)}};
  if (!context.attrInt("largest", 1))
    attrs.push_back({"smallest", context.builder().getUnitAttr()});
  SmallVector<Value> results = context.ops("kiln.topk", {context.input(0)},
                                           attrs);
  context.setOutput(0, results[0]);
  if (context.numOutputs() > 1)
    context.setOutput(1, results[1]);
}

/// OneHot(indices, depth, values = [off, on]); indices may be floats, which
/// ONNX truncates to integers.
void convertOneHot(NodeContext &context) {
  Value indices = context.input(0);
  auto indicesType = context.inputType(0);
  if (!isa<IntegerType>(indicesType.getElementType()) ||
      indicesType.getElementType().isInteger(1) ||
      indicesType.getElementType().isUnsignedInteger())
    indices = context.op("kiln.cast",
                         indicesType.clone(context.builder().getI64Type()),
                         {indices});
  std::vector<double> depths = context.constantFloats(1);
  if (depths.size() != 1)
    context.fail("depth must hold one value, got " + Twine(depths.size()));
  context.setOutput(
      0, context.op(
             "kiln.one_hot", {indices, context.input(2)},
             {{"depth", context.i64Attr(static_cast<int64_t>(depths.front()))},
              {"axis", context.i64Attr(context.attrInt("axis", -1))}}));
}

void convertTrilu(NodeContext &context) {
  int64_t k = context.hasInput(1) ? scalarInt(context, 1) : 0;
  SmallVector<OpAttr> attrs{{"diagonal", context.i64Attr(k)}};
  if (!context.attrInt("upper", 1))
    attrs.push_back({"lower", context.builder().getUnitAttr()});
  context.setOutput(0, context.op("kiln.trilu", {context.input(0)}, attrs));
}

void convertTile(NodeContext &context) {
  std::vector<int64_t> repeats = context.constantInts(1);
  context.setOutput(0, context.op("kiln.tile", {context.input(0)},
                                  {{"repeats", context.i64ArrayAttr(repeats)}}));
}

/// Resize (opset 10: X, scales; 11 on: X, roi, scales, sizes) and Upsample
/// (opset 7: a scales attribute; 9: an input). Before opset 11 the
/// coordinates are asymmetric and nearest floors, as Upsample's reference.
void convertResize(NodeContext &context) {
  bool upsample = context.opType() == "Upsample";
  bool legacy = upsample || context.opset() < 11;
  std::string mode = context.attrString("mode", std::string("nearest"));
  if (legacy && mode == "bilinear")
    mode = "linear";
  if (!legacy) {
    if (context.attrInt("exclude_outside", 0))
      context.unsupported("exclude_outside", "1");
    if (context.attrInt("antialias", 0))
      context.unsupported("antialias", "1");
    if (context.hasAttr("axes"))
      context.unsupported("axes", "(opset 18)");
    std::string policy =
        context.attrString("keep_aspect_ratio_policy", std::string("stretch"));
    if (policy != "stretch")
      context.unsupported("keep_aspect_ratio_policy", policy);
  }

  SmallVector<OpAttr> attrs{{"mode", context.builder().getStringAttr(mode)}};
  std::vector<double> scales;
  if (upsample && context.opset() < 9)
    scales = context.attrFloats("scales");
  else if (legacy)
    scales = context.constantFloats(1);
  else if (context.hasInput(2))
    scales = context.constantFloats(2);
  if (!scales.empty())
    attrs.push_back(
        {"scales", context.builder().getDenseF64ArrayAttr(scales)});
  if (!legacy && context.hasInput(3)) {
    std::vector<int64_t> sizes = context.constantInts(3);
    if (!sizes.empty())
      attrs.push_back({"sizes", context.i64ArrayAttr(sizes)});
  }
  std::string coordinates =
      legacy ? "asymmetric"
             : context.attrString("coordinate_transformation_mode",
                                  std::string("half_pixel"));
  std::string nearest =
      legacy ? "floor"
             : context.attrString("nearest_mode",
                                  std::string("round_prefer_floor"));
  attrs.push_back({"coordinate_transformation_mode",
                   context.builder().getStringAttr(coordinates)});
  attrs.push_back(
      {"nearest_mode", context.builder().getStringAttr(nearest)});

  // kiln.resize takes float tensors; integers resample through float64.
  Value input = context.input(0);
  Type element = context.inputType(0).getElementType();
  if (!isa<FloatType>(element))
    input = castTo(context, input, context.builder().getF64Type());
  Value result = context.op("kiln.resize", {input}, attrs);
  context.setOutput(0, castTo(context, result, element));
}

void convertEinsum(NodeContext &context) {
  SmallVector<Value> inputs;
  for (size_t i = 0; i < context.numInputs(); ++i)
    inputs.push_back(context.input(i));
  context.setOutput(
      0, context.op("kiln.einsum", inputs,
                    {{"equation", context.builder().getStringAttr(
                                      context.attrString("equation"))}}));
}

} // namespace

void registerIndexingConverters(ConverterRegistry &registry) {
  registry["ScatterElements"] = convertScatterElements;
  registry["Scatter"] = convertScatterElements;
  registry["GatherND"] = convertGatherND;
  registry["ScatterND"] = convertScatterND;
  registry["CumSum"] = convertCumSum;
  registry["TopK"] = convertTopK;
  registry["OneHot"] = convertOneHot;
  registry["Trilu"] = convertTrilu;
  registry["Tile"] = convertTile;
  registry["Resize"] = convertResize;
  registry["Upsample"] = convertResize;
  registry["Einsum"] = convertEinsum;
}

} // namespace kiln::onnx_import
