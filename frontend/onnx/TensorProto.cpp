//===- TensorProto.cpp - ONNX tensors as Kiln tensors ---------------------===//

#include "frontend/onnx/TensorProto.h"

#include "onnx/onnx_pb.h"

#include <cstring>
#include <fstream>

namespace kiln::onnx_import {

std::string getOnnxTypeName(int32_t dataType) {
  switch (dataType) {
  case onnx::TensorProto::FLOAT:
    return "float";
  case onnx::TensorProto::UINT8:
    return "uint8";
  case onnx::TensorProto::INT8:
    return "int8";
  case onnx::TensorProto::UINT16:
    return "uint16";
  case onnx::TensorProto::INT16:
    return "int16";
  case onnx::TensorProto::INT32:
    return "int32";
  case onnx::TensorProto::INT64:
    return "int64";
  case onnx::TensorProto::STRING:
    return "string";
  case onnx::TensorProto::BOOL:
    return "bool";
  case onnx::TensorProto::FLOAT16:
    return "float16";
  case onnx::TensorProto::DOUBLE:
    return "double";
  case onnx::TensorProto::UINT32:
    return "uint32";
  case onnx::TensorProto::UINT64:
    return "uint64";
  case onnx::TensorProto::COMPLEX64:
    return "complex64";
  case onnx::TensorProto::COMPLEX128:
    return "complex128";
  case onnx::TensorProto::BFLOAT16:
    return "bfloat16";
  default:
    return "undefined";
  }
}

DType getDTypeOfOnnx(int32_t dataType, const std::string &what) {
  switch (dataType) {
  case onnx::TensorProto::FLOAT:
    return DType::Float32;
  case onnx::TensorProto::DOUBLE:
    return DType::Float64;
  case onnx::TensorProto::INT64:
    return DType::Int64;
  case onnx::TensorProto::INT32:
    return DType::Int32;
  case onnx::TensorProto::INT16:
    return DType::Int16;
  case onnx::TensorProto::INT8:
    return DType::Int8;
  case onnx::TensorProto::UINT64:
    return DType::UInt64;
  case onnx::TensorProto::UINT32:
    return DType::UInt32;
  case onnx::TensorProto::UINT16:
    return DType::UInt16;
  case onnx::TensorProto::UINT8:
    return DType::UInt8;
  case onnx::TensorProto::BOOL:
    return DType::Bool;
  default:
    throw RuntimeError(what + ": ONNX type " + getOnnxTypeName(dataType) +
                       " is not supported (Kiln has float, double, the "
                       "integers of 8 to 64 bits and bool)");
  }
}

/// How many values the typed field of `dtype` holds: ONNX stores the
/// narrower integer types and bool in int32_data, and the unsigned types of
/// 32 and 64 bits in uint64_data.
static int64_t getStoredCount(const onnx::TensorProto &proto, DType dtype) {
  switch (dtype) {
  case DType::Float32:
    return proto.float_data_size();
  case DType::Float64:
    return proto.double_data_size();
  case DType::Int64:
    return proto.int64_data_size();
  case DType::UInt64:
  case DType::UInt32:
    return proto.uint64_data_size();
  default:
    return proto.int32_data_size();
  }
}

/// Copies `values`, one per element, converted to the element type of
/// `tensor` (readTensorProto has checked their count).
template <typename T, typename Source>
static void copyConverted(Tensor &tensor, const Source &values) {
  T *data = static_cast<T *>(tensor.data());
  int64_t index = 0;
  for (auto value : values)
    data[index++] = static_cast<T>(value);
}

Tensor readTensorProto(const onnx::TensorProto &proto,
                       const std::string &what) {
  if (proto.data_location() == onnx::TensorProto::EXTERNAL)
    throw RuntimeError(what + ": tensor data stored outside the model "
                              "(external data) is not supported");
  DType dtype = getDTypeOfOnnx(proto.data_type(), what);
  std::vector<int64_t> shape(proto.dims().begin(), proto.dims().end());
  for (int64_t dim : shape)
    if (dim < 0)
      throw RuntimeError(what + ": negative dimension " + std::to_string(dim));
  // The dims are the model's claim: the data must be in the protobuf before
  // the tensor is allocated.
  size_t bytes = 0;
  try {
    bytes = getByteSize(dtype, shape);
  } catch (const RuntimeError &error) {
    throw RuntimeError(what + ": " + error.what());
  }
  if (proto.has_raw_data() && proto.raw_data().size() != bytes)
    throw RuntimeError(what + ": holds " +
                       std::to_string(proto.raw_data().size()) +
                       " bytes of raw data for " + std::to_string(bytes));
  int64_t count = bytes / getElementSize(dtype);
  if (!proto.has_raw_data() && getStoredCount(proto, dtype) != count)
    throw RuntimeError(what + ": holds " +
                       std::to_string(getStoredCount(proto, dtype)) +
                       " values for " + std::to_string(count) + " elements");
  Tensor tensor = Tensor::zeros(dtype, shape);

  if (proto.has_raw_data()) {
    // Raw data is little-endian in the type's own width, as on this host.
    std::memcpy(tensor.data(), proto.raw_data().data(), bytes);
    return tensor;
  }
  switch (dtype) {
  case DType::Float32:
    copyConverted<float>(tensor, proto.float_data());
    break;
  case DType::Float64:
    copyConverted<double>(tensor, proto.double_data());
    break;
  case DType::Int64:
    copyConverted<int64_t>(tensor, proto.int64_data());
    break;
  case DType::Int32:
    copyConverted<int32_t>(tensor, proto.int32_data());
    break;
  case DType::Int16:
    copyConverted<int16_t>(tensor, proto.int32_data());
    break;
  case DType::Int8:
    copyConverted<int8_t>(tensor, proto.int32_data());
    break;
  case DType::UInt16:
    copyConverted<uint16_t>(tensor, proto.int32_data());
    break;
  case DType::UInt8:
    copyConverted<uint8_t>(tensor, proto.int32_data());
    break;
  case DType::UInt64:
    copyConverted<uint64_t>(tensor, proto.uint64_data());
    break;
  case DType::UInt32:
    copyConverted<uint32_t>(tensor, proto.uint64_data());
    break;
  case DType::Bool:
    copyConverted<bool>(tensor, proto.int32_data());
    break;
  }
  return tensor;
}

Tensor readTensorProtoFile(const std::string &path) {
  std::ifstream file(path, std::ios::binary);
  if (!file)
    throw RuntimeError(path + ": cannot open the file");
  onnx::TensorProto proto;
  if (!proto.ParseFromIstream(&file))
    throw RuntimeError(path + ": not a serialized ONNX TensorProto");
  return readTensorProto(proto, path);
}

} // namespace kiln::onnx_import
