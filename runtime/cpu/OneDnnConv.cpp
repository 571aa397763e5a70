//===- OneDnnConv.cpp - float32 convolution through oneDNN ----------------===//
//
/// The convolution kernels: `kiln_conv_f32_r<R>(input, weight, out, strides,
/// dilations, groups)` on strided memref descriptors of rank R (3 to 5: 1 to
/// 3 spatial dims), run by oneDNN's convolution_forward primitive (v2 API:
/// convolution_forward::desc, then its primitive_desc). The input arrives
/// already padded (the lowering pads it, so the generic the call replaces
/// computes exactly what the kernel does); oneDNN gets zero pads.
///
/// The weight is [O, C/G, k...]; with G > 1 groups oneDNN takes it as
/// [G, O/G, C/G, k...], a view of the same memory. Activations and weights
/// are kept in their strided plain layouts (oneDNN's GEMM-based
/// implementation takes them), so no reorder runs around the call.
///
/// As for matmul, each distinct call (dims, strides, geometry) builds its
/// primitive once into a process-wide map, and small convolutions run on
/// the calling thread alone. The scratchpad is the calling thread's
/// (getScratchpad), so convolutions may run concurrently.
//
//===----------------------------------------------------------------------===//

#include "runtime/cpu/Kernels.h"
#include "runtime/cpu/OneDnnSupport.h"

#include "oneapi/dnnl/dnnl.hpp"
#include <omp.h>

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace kiln {
namespace {

using onednn::getEngine;
using onednn::getScratchpad;
using onednn::getStream;
using onednn::ScopedThreadCount;

template <int Rank> struct StridedMemRef {
  float *allocated;
  float *aligned;
  int64_t offset;
  int64_t sizes[Rank];
  int64_t strides[Rank];
};

struct Operand {
  dnnl::memory::dims dims, strides;
  float *data;
};

template <int Rank> Operand toOperand(void *memref) {
  auto *descriptor = static_cast<StridedMemRef<Rank> *>(memref);
  return {dnnl::memory::dims(descriptor->sizes, descriptor->sizes + Rank),
          dnnl::memory::dims(descriptor->strides, descriptor->strides + Rank),
          descriptor->aligned + descriptor->offset};
}

/// Below this many multiply-adds a convolution runs on the calling thread
/// (see the matmul kernel: OpenMP workers cost more than they save).
constexpr int64_t kParallelMultiplyAdds = int64_t(1) << 20;

struct Primitive {
  dnnl::convolution_forward conv;
  dnnl::memory::desc src, weights, dst, scratchpad;
};

dnnl::memory::desc getDesc(const Operand &operand) {
  return dnnl::memory::desc(operand.dims, dnnl::memory::data_type::f32,
                            operand.strides);
}

const Primitive &getPrimitive(std::vector<int64_t> key,
                              const std::function<Primitive()> &build) {
  static std::mutex mutex;
  static std::map<std::vector<int64_t>, Primitive> primitives;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = primitives.find(key);
  if (found == primitives.end())
    found = primitives.emplace(std::move(key), build()).first;
  return found->second;
}

template <int Rank>
void conv(void *input, void *weight, void *out, const int64_t *strides,
          const int64_t *dilations, int64_t groups) {
  constexpr int spatial = Rank - 2;
  Operand src = toOperand<Rank>(input);
  Operand weights = toOperand<Rank>(weight);
  Operand dst = toOperand<Rank>(out);
  if (groups > 1) {
    // [O, C/G, k...] as [G, O/G, C/G, k...].
    int64_t perGroup = weights.dims[0] / groups;
    weights.dims[0] = perGroup;
    weights.dims.insert(weights.dims.begin(), groups);
    weights.strides.insert(weights.strides.begin(),
                           perGroup * weights.strides[0]);
  }
  dnnl::memory::dims stride(strides, strides + spatial);
  dnnl::memory::dims dilation(spatial), zeros(spatial, 0);
  // oneDNN counts the dilation as the gap between taps: 0 is dense.
  for (int i = 0; i < spatial; ++i)
    dilation[i] = dilations[i] - 1;

  std::vector<int64_t> key;
  for (const Operand *operand : {&src, &weights, &dst}) {
    key.insert(key.end(), operand->dims.begin(), operand->dims.end());
    key.insert(key.end(), operand->strides.begin(), operand->strides.end());
  }
  key.insert(key.end(), stride.begin(), stride.end());
  key.insert(key.end(), dilation.begin(), dilation.end());
  key.push_back(groups);

  int64_t multiplyAdds = 1;
  for (int64_t size : dst.dims)
    multiplyAdds *= size;
  for (int i = 1; i < Rank; ++i)
    multiplyAdds *= toOperand<Rank>(weight).dims[i];
  std::optional<ScopedThreadCount> serial;
  if (multiplyAdds < kParallelMultiplyAdds)
    serial.emplace(1);

  const Primitive &primitive = getPrimitive(std::move(key), [&] {
    Primitive built{{}, getDesc(src), getDesc(weights), getDesc(dst), {}};
    dnnl::convolution_forward::desc desc(
        dnnl::prop_kind::forward_inference,
        dnnl::algorithm::convolution_direct, built.src, built.weights,
        built.dst, stride, dilation, zeros, zeros);
    dnnl::primitive_attr attributes;
    attributes.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    dnnl::convolution_forward::primitive_desc primitiveDesc(desc, attributes,
                                                            getEngine());
    built.scratchpad = primitiveDesc.scratchpad_desc();
    built.conv = dnnl::convolution_forward(primitiveDesc);
    return built;
  });
  dnnl::engine &engine = getEngine();
  std::unordered_map<int, dnnl::memory> arguments = {
      {DNNL_ARG_SRC, dnnl::memory(primitive.src, engine, src.data)},
      {DNNL_ARG_WEIGHTS, dnnl::memory(primitive.weights, engine, weights.data)},
      {DNNL_ARG_DST, dnnl::memory(primitive.dst, engine, dst.data)}};
  if (size_t bytes = primitive.scratchpad.get_size())
    arguments.emplace(DNNL_ARG_SCRATCHPAD,
                      dnnl::memory(primitive.scratchpad, engine,
                                   getScratchpad(bytes)));
  dnnl::stream &stream = getStream();
  primitive.conv.execute(stream, arguments);
  stream.wait();
}

} // namespace

std::string getConvKernelName(int rank) {
  return "kiln_conv_f32_r" + std::to_string(rank);
}

} // namespace kiln

// One C entry point per rank; the geometry follows the three descriptors as
// plain integers: the strides, then the dilations, then the groups.
extern "C" void _mlir_ciface_kiln_conv_f32_r3(void *input, void *weight,
                                              void *out, int64_t s0,
                                              int64_t d0, int64_t groups) {
  int64_t strides[] = {s0}, dilations[] = {d0};
  kiln::conv<3>(input, weight, out, strides, dilations, groups);
}

extern "C" void _mlir_ciface_kiln_conv_f32_r4(void *input, void *weight,
                                              void *out, int64_t s0,
                                              int64_t s1, int64_t d0,
                                              int64_t d1, int64_t groups) {
  int64_t strides[] = {s0, s1}, dilations[] = {d0, d1};
  kiln::conv<4>(input, weight, out, strides, dilations, groups);
}

extern "C" void _mlir_ciface_kiln_conv_f32_r5(void *input, void *weight,
                                              void *out, int64_t s0,
                                              int64_t s1, int64_t s2,
                                              int64_t d0, int64_t d1,
                                              int64_t d2, int64_t groups) {
  int64_t strides[] = {s0, s1, s2}, dilations[] = {d0, d1, d2};
  kiln::conv<5>(input, weight, out, strides, dilations, groups);
}

namespace kiln {

const std::vector<std::pair<std::string, void *>> &getConvKernelSymbols() {
  static const std::vector<std::pair<std::string, void *>> symbols = {
      {"_mlir_ciface_" + getConvKernelName(3),
       reinterpret_cast<void *>(&_mlir_ciface_kiln_conv_f32_r3)},
      {"_mlir_ciface_" + getConvKernelName(4),
       reinterpret_cast<void *>(&_mlir_ciface_kiln_conv_f32_r4)},
      {"_mlir_ciface_" + getConvKernelName(5),
       reinterpret_cast<void *>(&_mlir_ciface_kiln_conv_f32_r5)}};
  return symbols;
}

} // namespace kiln
