//===- OneDnnMatmul.cpp - float32 matmul through oneDNN -------------------===//
//
/// The matmul kernels: torch.matmul's rank rules on strided memref
/// descriptors, run by oneDNN's matmul primitive (v2 API), which broadcasts
/// size-1 batch dimensions itself. A 1-D lhs is a row [1, k] and a 1-D rhs a
/// column [k, 1]; the missing dimension is 1 in the output oneDNN sees.
/// oneDNN caches primitives by their descriptors, so a repeated shape does
/// not create a new one.
//
//===----------------------------------------------------------------------===//

#include "runtime/Kernels.h"

#include "oneapi/dnnl/dnnl.hpp"
#include <omp.h>

#include <cstdint>
#include <optional>

namespace {

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

/// An operand of `rank` dims with `extra` appended (a size-1 row or column
/// for 1-D operands), left-padded with size-1 dims to `rank`.
template <int Rank>
Operand toOperand(const StridedMemRef<Rank> &memref, bool isLhs, int rank) {
  Operand operand;
  operand.data = memref.aligned + memref.offset;
  for (int dim = 0; dim < Rank; ++dim) {
    operand.dims.push_back(memref.sizes[dim]);
    operand.strides.push_back(memref.strides[dim]);
  }
  if (Rank == 1) {
    // [k] becomes [1, k] (lhs) or [k, 1] (rhs).
    auto position = isLhs ? operand.dims.begin() : operand.dims.end();
    auto stridePosition =
        isLhs ? operand.strides.begin() : operand.strides.end();
    operand.dims.insert(position, 1);
    operand.strides.insert(stridePosition, isLhs ? memref.sizes[0] : 1);
  }
  while (static_cast<int>(operand.dims.size()) < rank) {
    operand.dims.insert(operand.dims.begin(), 1);
    operand.strides.insert(operand.strides.begin(),
                           operand.dims[1] * operand.strides[0]);
  }
  return operand;
}

/// Below this many multiply-adds a matmul runs on the calling thread alone:
/// starting OpenMP workers costs more than they save, and after the region
/// they spin on cores the single-threaded generated code around the call
/// needs (a small training step ran 30x slower on 2 cores).
constexpr int64_t kParallelMultiplyAdds = int64_t(1) << 20;

/// Sets the calling thread's OpenMP team size for one call and restores it.
class ScopedThreadCount {
public:
  explicit ScopedThreadCount(int threads) : saved_(omp_get_max_threads()) {
    omp_set_num_threads(threads);
  }
  ~ScopedThreadCount() { omp_set_num_threads(saved_); }

private:
  int saved_;
};

dnnl::engine &getEngine() {
  static dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

template <int LhsRank, int RhsRank>
void matmul(StridedMemRef<LhsRank> *lhs, StridedMemRef<RhsRank> *rhs,
            void *out) {
  constexpr int rank = std::max(std::max(LhsRank, RhsRank), 2);
  Operand a = toOperand(*lhs, /*isLhs=*/true, rank);
  Operand b = toOperand(*rhs, /*isLhs=*/false, rank);
  // The output is contiguous (the caller allocated it): its oneDNN shape is
  // the broadcast batch, the rows of a and the columns of b.
  dnnl::memory::dims dims(rank);
  for (int dim = 0; dim < rank - 2; ++dim)
    dims[dim] = std::max(a.dims[dim], b.dims[dim]);
  dims[rank - 2] = a.dims[rank - 2];
  dims[rank - 1] = b.dims[rank - 1];
  float *outData;
  if constexpr (LhsRank == 1 && RhsRank == 1) {
    auto *memref = static_cast<StridedMemRef<0> *>(out);
    outData = memref->aligned + memref->offset;
  } else {
    constexpr int outRank =
        std::max(LhsRank, RhsRank) - (LhsRank == 1 || RhsRank == 1 ? 1 : 0);
    auto *memref = static_cast<StridedMemRef<outRank> *>(out);
    outData = memref->aligned + memref->offset;
  }

  int64_t multiplyAdds = a.dims[rank - 1];
  for (int64_t size : dims)
    multiplyAdds *= size;
  std::optional<ScopedThreadCount> serial;
  if (multiplyAdds < kParallelMultiplyAdds)
    serial.emplace(1);

  using dt = dnnl::memory::data_type;
  using tag = dnnl::memory::format_tag;
  dnnl::memory::desc aDesc(a.dims, dt::f32, a.strides);
  dnnl::memory::desc bDesc(b.dims, dt::f32, b.strides);
  dnnl::memory::desc cDesc(dims, dt::f32,
                           rank == 2   ? tag::ab
                           : rank == 3 ? tag::abc
                                       : tag::abcd);
  dnnl::engine &engine = getEngine();
  dnnl::matmul::primitive_desc descriptor(
      dnnl::matmul::desc(aDesc, bDesc, cDesc), engine);
  dnnl::stream stream(engine);
  dnnl::matmul(descriptor)
      .execute(stream, {{DNNL_ARG_SRC, dnnl::memory(aDesc, engine, a.data)},
                        {DNNL_ARG_WEIGHTS, dnnl::memory(bDesc, engine, b.data)},
                        {DNNL_ARG_DST, dnnl::memory(cDesc, engine, outData)}});
  stream.wait();
}

} // namespace

// One C entry point per rank pair: each descriptor's layout depends on its
// rank. The names match getMatmulKernelName.
#define KILN_MATMUL_KERNEL(L, R)                                               \
  extern "C" void _mlir_ciface_kiln_matmul_f32_r##L##r##R(                     \
      StridedMemRef<L> *lhs, StridedMemRef<R> *rhs, void *out) {               \
    matmul<L, R>(lhs, rhs, out);                                               \
  }
#define KILN_MATMUL_KERNELS(L)                                                 \
  KILN_MATMUL_KERNEL(L, 1)                                                     \
  KILN_MATMUL_KERNEL(L, 2) KILN_MATMUL_KERNEL(L, 3) KILN_MATMUL_KERNEL(L, 4)
KILN_MATMUL_KERNELS(1)
KILN_MATMUL_KERNELS(2)
KILN_MATMUL_KERNELS(3)
KILN_MATMUL_KERNELS(4)

namespace kiln {

std::string getMatmulKernelName(int lhsRank, int rhsRank) {
  return "kiln_matmul_f32_r" + std::to_string(lhsRank) + "r" +
         std::to_string(rhsRank);
}

const std::vector<std::pair<std::string, void *>> &getKernelSymbols() {
#define KILN_MATMUL_SYMBOL(L, R)                                               \
  {                                                                            \
    "_mlir_ciface_" + getMatmulKernelName(L, R),                               \
        reinterpret_cast<void *>(&_mlir_ciface_kiln_matmul_f32_r##L##r##R)     \
  }
#define KILN_MATMUL_SYMBOLS(L)                                                 \
  KILN_MATMUL_SYMBOL(L, 1), KILN_MATMUL_SYMBOL(L, 2),                          \
      KILN_MATMUL_SYMBOL(L, 3), KILN_MATMUL_SYMBOL(L, 4)
  static const std::vector<std::pair<std::string, void *>> symbols = {
      KILN_MATMUL_SYMBOLS(1), KILN_MATMUL_SYMBOLS(2), KILN_MATMUL_SYMBOLS(3),
      KILN_MATMUL_SYMBOLS(4)};
  return symbols;
}

} // namespace kiln
