//===- OneDnnMatmul.cpp - float32 matmul through oneDNN -------------------===//
//
/// The matmul kernels: torch.matmul's rank rules on strided memref
/// descriptors, run by oneDNN's matmul primitive (v2 API), which broadcasts
/// size-1 batch dimensions itself and takes any strides, so transposed
/// operands are views. A 1-D lhs is a row [1, k] and a 1-D rhs a column
/// [k, 1]; the missing dimension is 1 in the output oneDNN sees. An epilogue
/// becomes oneDNN post-ops, computed while the product is still in registers.
///
/// Building a primitive (descriptor, implementation choice, JIT) costs far
/// more than a small product, so each distinct call (dims, strides, post-ops)
/// builds one once and every later call with the same key reuses it.
//
//===----------------------------------------------------------------------===//

#include "runtime/cpu/Kernels.h"
#include "runtime/cpu/OneDnnSupport.h"

#include "oneapi/dnnl/dnnl.hpp"
#include <omp.h>

#include <algorithm>
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

/// A ranked memref descriptor as MLIR passes it to C.
template <int Rank> struct StridedMemRef {
  float *allocated;
  float *aligned;
  int64_t offset;
  int64_t sizes[Rank];
  int64_t strides[Rank];
};

/// The output of a product of two 1-D operands is 0-d.
template <> struct StridedMemRef<0> {
  float *allocated;
  float *aligned;
  int64_t offset;
};

/// Dimensions and strides of one operand as oneDNN sees it.
struct Operand {
  dnnl::memory::dims dims, strides;
  float *data;
};

/// The descriptor `memref` (of rank `Rank`) as an operand of `rank` dims: a
/// missing matrix column (`addColumn`) is appended and a missing row
/// (`addRow`) inserted before the last dim, both of size 1, and the operand
/// is left-padded with size-1 batch dims.
template <int Rank>
Operand toOperand(void *memref, bool addRow, bool addColumn, int rank) {
  auto *descriptor = static_cast<StridedMemRef<Rank> *>(memref);
  Operand operand;
  operand.data = descriptor->aligned + descriptor->offset;
  if constexpr (Rank > 0) {
    operand.dims.assign(descriptor->sizes, descriptor->sizes + Rank);
    operand.strides.assign(descriptor->strides, descriptor->strides + Rank);
  }
  if (addColumn) {
    operand.dims.push_back(1);
    operand.strides.push_back(1);
  }
  if (addRow) {
    // The size-1 row steps over the whole last dim.
    size_t row = operand.dims.size() - 1;
    int64_t rowStride = operand.dims[row] * operand.strides[row];
    operand.dims.insert(operand.dims.begin() + row, 1);
    operand.strides.insert(operand.strides.begin() + row, rowStride);
  }
  while (static_cast<int>(operand.dims.size()) < rank) {
    operand.strides.insert(operand.strides.begin(),
                           operand.dims[0] * operand.strides[0]);
    operand.dims.insert(operand.dims.begin(), 1);
  }
  return operand;
}

/// Below this many multiply-adds a matmul runs on the calling thread alone:
/// starting OpenMP workers costs more than they save, and after the region
/// they spin on cores the single-threaded generated code around the call
/// needs (a small training step ran 30x slower on 2 cores).
constexpr int64_t kParallelMultiplyAdds = int64_t(1) << 20;

std::vector<MatmulPostOp> decodePostOps(int64_t packed) {
  std::vector<MatmulPostOp> steps;
  for (int step = 0; step < kMaxMatmulPostOps; ++step)
    if (uint8_t code = (packed >> (8 * step)) & 0xff)
      steps.push_back(static_cast<MatmulPostOp>(code));
  return steps;
}

dnnl::algorithm getAlgorithm(MatmulPostOp op) {
  using alg = dnnl::algorithm;
  switch (op) {
  case MatmulPostOp::Add:
    return alg::binary_add;
  case MatmulPostOp::Sub:
    return alg::binary_sub;
  case MatmulPostOp::Mul:
    return alg::binary_mul;
  case MatmulPostOp::Tanh:
    return alg::eltwise_tanh;
  case MatmulPostOp::Sigmoid:
    return alg::eltwise_logistic;
  case MatmulPostOp::Sqrt:
    return alg::eltwise_sqrt;
  case MatmulPostOp::Abs:
    return alg::eltwise_abs;
  }
  return alg::undef;
}

dnnl::memory::desc getDesc(const Operand &operand) {
  return dnnl::memory::desc(operand.dims, dnnl::memory::data_type::f32,
                            operand.strides);
}

/// A built primitive and the descriptors its arguments are wrapped in.
struct Primitive {
  dnnl::matmul matmul;
  dnnl::memory::desc lhs, rhs, out;
  std::vector<dnnl::memory::desc> operands;
  dnnl::memory::desc scratchpad;
};

/// What makes two calls need different primitives: every operand's dims and
/// strides, and the epilogue.
std::vector<int64_t> getKey(const Operand &lhs, const Operand &rhs,
                            const Operand &out,
                            const std::vector<MatmulPostOp> &steps,
                            const std::vector<Operand> &operands) {
  std::vector<int64_t> key;
  for (const Operand *operand : {&lhs, &rhs, &out}) {
    key.insert(key.end(), operand->dims.begin(), operand->dims.end());
    key.insert(key.end(), operand->strides.begin(), operand->strides.end());
  }
  for (MatmulPostOp step : steps)
    key.push_back(static_cast<int64_t>(step));
  for (const Operand &operand : operands) {
    key.insert(key.end(), operand.dims.begin(), operand.dims.end());
    key.insert(key.end(), operand.strides.begin(), operand.strides.end());
  }
  return key;
}

Primitive buildPrimitive(const Operand &lhs, const Operand &rhs,
                         const Operand &out,
                         const std::vector<MatmulPostOp> &steps,
                         const std::vector<Operand> &operands) {
  Primitive primitive{{}, getDesc(lhs), getDesc(rhs), getDesc(out), {}};
  dnnl::post_ops postOps;
  for (MatmulPostOp step : steps) {
    if (!isBinaryPostOp(step)) {
      postOps.append_eltwise(/*scale=*/1.0f, getAlgorithm(step), /*alpha=*/0,
                             /*beta=*/0);
      continue;
    }
    primitive.operands.push_back(getDesc(operands[primitive.operands.size()]));
    postOps.append_binary(getAlgorithm(step), primitive.operands.back());
  }
  dnnl::primitive_attr attributes;
  attributes.set_post_ops(postOps);
  attributes.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  dnnl::matmul::primitive_desc primitiveDesc(
      dnnl::matmul::desc(primitive.lhs, primitive.rhs, primitive.out),
      attributes, getEngine());
  primitive.scratchpad = primitiveDesc.scratchpad_desc();
  primitive.matmul = dnnl::matmul(primitiveDesc);
  return primitive;
}

/// The primitive for `key`, built on first use. Primitives are immutable and
/// may run concurrently; the lock guards only the map.
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

template <int LhsRank, int RhsRank>
void matmul(void *lhs, void *rhs, void *out, int64_t packedSteps,
            void *const *postOpOperands) {
  constexpr int rank = std::max(std::max(LhsRank, RhsRank), 2);
  constexpr bool rowVector = LhsRank == 1, columnVector = RhsRank == 1;
  constexpr int outRank =
      rowVector && columnVector
          ? 0
          : std::max(LhsRank, RhsRank) - (rowVector || columnVector ? 1 : 0);
  Operand a = toOperand<LhsRank>(lhs, rowVector, false, rank);
  Operand b = toOperand<RhsRank>(rhs, false, columnVector, rank);
  Operand c = toOperand<outRank>(out, rowVector, columnVector, rank);
  std::vector<MatmulPostOp> steps = decodePostOps(packedSteps);
  std::vector<Operand> operands;
  for (MatmulPostOp step : steps)
    if (isBinaryPostOp(step))
      operands.push_back(toOperand<outRank>(postOpOperands[operands.size()],
                                            rowVector, columnVector, rank));

  int64_t multiplyAdds = a.dims[rank - 1];
  for (int64_t size : c.dims)
    multiplyAdds *= size;
  // The team size is part of what a primitive is built for, and it is a
  // function of the key.
  std::optional<ScopedThreadCount> serial;
  if (multiplyAdds < kParallelMultiplyAdds)
    serial.emplace(1);

  const Primitive &primitive =
      getPrimitive(getKey(a, b, c, steps, operands),
                   [&] { return buildPrimitive(a, b, c, steps, operands); });
  dnnl::engine &engine = getEngine();
  std::unordered_map<int, dnnl::memory> arguments = {
      {DNNL_ARG_SRC, dnnl::memory(primitive.lhs, engine, a.data)},
      {DNNL_ARG_WEIGHTS, dnnl::memory(primitive.rhs, engine, b.data)},
      {DNNL_ARG_DST, dnnl::memory(primitive.out, engine, c.data)}};
  for (size_t step = 0, operand = 0; step < steps.size(); ++step)
    if (isBinaryPostOp(steps[step])) {
      arguments.emplace(DNNL_ARG_ATTR_MULTIPLE_POST_OP(step) | DNNL_ARG_SRC_1,
                        dnnl::memory(primitive.operands[operand], engine,
                                     operands[operand].data));
      ++operand;
    }
  if (size_t bytes = primitive.scratchpad.get_size())
    arguments.emplace(DNNL_ARG_SCRATCHPAD,
                      dnnl::memory(primitive.scratchpad, engine,
                                   getScratchpad(bytes)));
  dnnl::stream &stream = getStream();
  primitive.matmul.execute(stream, arguments);
  stream.wait();
}

constexpr std::pair<MatmulPostOp, std::string_view> kPostOpNames[] = {
    {MatmulPostOp::Add, "add"},   {MatmulPostOp::Sub, "sub"},
    {MatmulPostOp::Mul, "mul"},   {MatmulPostOp::Tanh, "tanh"},
    {MatmulPostOp::Sigmoid, "sigmoid"}, {MatmulPostOp::Sqrt, "sqrt"},
    {MatmulPostOp::Abs, "abs"}};

} // namespace

bool isBinaryPostOp(MatmulPostOp op) {
  return op == MatmulPostOp::Add || op == MatmulPostOp::Sub ||
         op == MatmulPostOp::Mul;
}

std::string_view getMatmulPostOpName(MatmulPostOp op) {
  for (auto [step, name] : kPostOpNames)
    if (step == op)
      return name;
  return {};
}

std::optional<MatmulPostOp> parseMatmulPostOp(std::string_view name) {
  for (auto [step, stepName] : kPostOpNames)
    if (stepName == name)
      return step;
  return std::nullopt;
}

int64_t encodeMatmulPostOps(const std::vector<MatmulPostOp> &steps) {
  int64_t packed = 0;
  for (size_t step = 0; step < steps.size(); ++step)
    packed |= static_cast<int64_t>(steps[step]) << (8 * step);
  return packed;
}

std::string getMatmulKernelName(int lhsRank, int rhsRank) {
  return "kiln_matmul_f32_r" + std::to_string(lhsRank) + "r" +
         std::to_string(rhsRank);
}

std::string getMatmulEpilogueKernelName(int lhsRank, int rhsRank,
                                        int numOperands) {
  return getMatmulKernelName(lhsRank, rhsRank) + "_post" +
         std::to_string(numOperands);
}

} // namespace kiln

// C entry points per rank pair (each descriptor's layout depends on its
// rank) and per number of post-op operands, up to kMaxMatmulPostOpOperands.
// The names match getMatmulKernelName and getMatmulEpilogueKernelName.
#define KILN_MATMUL_KERNEL(L, R)                                               \
  extern "C" void _mlir_ciface_kiln_matmul_f32_r##L##r##R(                     \
      void *lhs, void *rhs, void *out) {                                       \
    kiln::matmul<L, R>(lhs, rhs, out, 0, nullptr);                             \
  }                                                                            \
  extern "C" void _mlir_ciface_kiln_matmul_f32_r##L##r##R##_post0(             \
      void *lhs, void *rhs, void *out, int64_t steps) {                        \
    kiln::matmul<L, R>(lhs, rhs, out, steps, nullptr);                         \
  }                                                                            \
  extern "C" void _mlir_ciface_kiln_matmul_f32_r##L##r##R##_post1(             \
      void *lhs, void *rhs, void *x0, void *out, int64_t steps) {              \
    void *operands[] = {x0};                                                   \
    kiln::matmul<L, R>(lhs, rhs, out, steps, operands);                        \
  }                                                                            \
  extern "C" void _mlir_ciface_kiln_matmul_f32_r##L##r##R##_post2(             \
      void *lhs, void *rhs, void *x0, void *x1, void *out, int64_t steps) {    \
    void *operands[] = {x0, x1};                                               \
    kiln::matmul<L, R>(lhs, rhs, out, steps, operands);                        \
  }
#define KILN_MATMUL_KERNELS(L)                                                 \
  KILN_MATMUL_KERNEL(L, 1)                                                     \
  KILN_MATMUL_KERNEL(L, 2) KILN_MATMUL_KERNEL(L, 3) KILN_MATMUL_KERNEL(L, 4)
KILN_MATMUL_KERNELS(1)
KILN_MATMUL_KERNELS(2)
KILN_MATMUL_KERNELS(3)
KILN_MATMUL_KERNELS(4)

namespace kiln {

const std::vector<std::pair<std::string, void *>> &getKernelSymbols() {
#define KILN_MATMUL_SYMBOL(L, R, SUFFIX, NAME)                                 \
  {                                                                            \
    "_mlir_ciface_" + NAME,                                                    \
        reinterpret_cast<void *>(                                              \
            &_mlir_ciface_kiln_matmul_f32_r##L##r##R##SUFFIX)                  \
  }
#define KILN_MATMUL_SYMBOLS_OF(L, R)                                           \
  KILN_MATMUL_SYMBOL(L, R, , getMatmulKernelName(L, R)),                       \
      KILN_MATMUL_SYMBOL(L, R, _post0, getMatmulEpilogueKernelName(L, R, 0)),  \
      KILN_MATMUL_SYMBOL(L, R, _post1, getMatmulEpilogueKernelName(L, R, 1)),  \
      KILN_MATMUL_SYMBOL(L, R, _post2, getMatmulEpilogueKernelName(L, R, 2))
#define KILN_MATMUL_SYMBOLS(L)                                                 \
  KILN_MATMUL_SYMBOLS_OF(L, 1), KILN_MATMUL_SYMBOLS_OF(L, 2),                  \
      KILN_MATMUL_SYMBOLS_OF(L, 3), KILN_MATMUL_SYMBOLS_OF(L, 4)
  static const std::vector<std::pair<std::string, void *>> symbols = {
      KILN_MATMUL_SYMBOLS(1), KILN_MATMUL_SYMBOLS(2), KILN_MATMUL_SYMBOLS(3),
      KILN_MATMUL_SYMBOLS(4)};
  return symbols;
}

} // namespace kiln
