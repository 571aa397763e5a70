//===- Converters.h - The families of ONNX node converters ------*- C++ -*-===//
//
/// Each family registers the ONNX op types it converts; the importer builds
/// one registry from all of them (OnnxImporter.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_ONNX_CONVERTERS_H
#define KILN_FRONTEND_ONNX_CONVERTERS_H

#include "frontend/onnx/NodeContext.h"

namespace kiln::onnx_import {

/// Arithmetic, comparisons, Where, Clip, Cast and the activations already in
/// the dialect.
void registerElementwiseConverters(ConverterRegistry &registry);
/// Constant, ConstantOfShape, Range, EyeLike and the window functions.
void registerCreationConverters(ConverterRegistry &registry);
/// Reshape, Transpose, Concat, Slice, Shape, Constant and the other ops
/// that move or describe data.
void registerShapeConverters(ConverterRegistry &registry);
/// The Reduce* family, ArgMax/ArgMin, Softmax and LogSoftmax.
void registerReductionConverters(ConverterRegistry &registry);
/// QuantizeLinear, DequantizeLinear, DynamicQuantizeLinear, MatMulInteger
/// and QLinearMatMul.
void registerQuantizationConverters(ConverterRegistry &registry);
/// The optimizers of the `ai.onnx.preview.training` domain, registered as
/// "ai.onnx.preview.training:Adam" and so on.
void registerTrainingConverters(ConverterRegistry &registry);
inline constexpr llvm::StringLiteral kPreviewTrainingDomain =
    "ai.onnx.preview.training";
/// MatMul, Gemm and the losses.
void registerLinalgConverters(ConverterRegistry &registry);
/// The math functions and activations of ir/KilnMathOps.td (Sin, Erf, Round,
/// Elu, HardSigmoid, PRelu, ...), Mod, the logical and bitwise ops, BitShift,
/// IsNaN and IsInf.
void registerMathConverters(ConverterRegistry &registry);
/// ScatterElements/Scatter, GatherND, ScatterND, CumSum, TopK, OneHot,
/// Trilu, Tile, Resize/Upsample and Einsum (ConvertIndexing.cpp).
void registerIndexingConverters(ConverterRegistry &registry);

/// Conv, ConvTranspose, the pools, the normalizations, Dropout and Pad.
void registerConvConverters(ConverterRegistry &registry);

/// Whether `node`, a BatchNormalization of a model importing `opset`,
/// normalizes with the batch's statistics and updates its running ones.
bool isTrainingBatchNorm(const onnx::NodeProto &node, int64_t opset);

} // namespace kiln::onnx_import

#endif // KILN_FRONTEND_ONNX_CONVERTERS_H
