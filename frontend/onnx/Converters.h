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
/// MatMul, Gemm and the losses.
void registerLinalgConverters(ConverterRegistry &registry);

/// Conv, ConvTranspose, the pools, the normalizations, Dropout and Pad.
void registerConvConverters(ConverterRegistry &registry);

} // namespace kiln::onnx_import

#endif // KILN_FRONTEND_ONNX_CONVERTERS_H
