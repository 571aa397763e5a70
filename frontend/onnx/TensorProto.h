//===- TensorProto.h - ONNX tensors as Kiln tensors -------------*- C++ -*-===//
//
/// Reading ONNX TensorProto messages (initializers, Constant values, the
/// backend tests' input_*.pb and output_*.pb files) into runtime tensors,
/// and the mapping from ONNX data types to Kiln's dtypes.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_ONNX_TENSORPROTO_H
#define KILN_FRONTEND_ONNX_TENSORPROTO_H

#include "runtime/Tensor.h"

#include <cstdint>
#include <string>

namespace onnx {
class TensorProto;
} // namespace onnx

namespace kiln::onnx_import {

/// ONNX's name of TensorProto data type `dataType` ("float16", ...).
std::string getOnnxTypeName(int32_t dataType);

/// The Kiln dtype of ONNX data type `dataType`; throws, naming the ONNX
/// type and `what`, when Kiln has none.
DType getDTypeOfOnnx(int32_t dataType, const std::string &what);

/// The tensor `proto` holds; `what` names it in errors. Data stored outside
/// the model (external data) is not supported.
Tensor readTensorProto(const onnx::TensorProto &proto, const std::string &what);

/// Reads a file holding one serialized TensorProto.
Tensor readTensorProtoFile(const std::string &path);

} // namespace kiln::onnx_import

#endif // KILN_FRONTEND_ONNX_TENSORPROTO_H
