//===- MemRefSupport.cpp - MLIR runner-utility symbols for AOT objects ----===//
//
/// The C functions that MLIR's lowering of memref ops may call and that the
/// JIT takes from MLIR's libmlir_c_runner_utils. An object written by
/// `kiln compile --emit obj` links against KilnRuntime alone, so the runtime
/// defines them itself, with the semantics of MLIR 19's CRunnerUtils.cpp.
/// Being in a static library, they are only linked into programs whose
/// objects reference them.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstring>
#include <vector>

namespace {

/// An unranked memref as MLIR passes it to C: the rank and a pointer to a
/// ranked descriptor {allocated, aligned, offset, sizes[rank], strides[rank]}.
struct UnrankedMemRef {
  int64_t rank;
  void *descriptor;
};

/// The fields of the ranked descriptor behind an UnrankedMemRef.
struct DescriptorView {
  char *aligned;
  int64_t offset;
  const int64_t *sizes;
  const int64_t *strides;

  explicit DescriptorView(const UnrankedMemRef &memref) {
    // The descriptor is two pointers followed by 64-bit integers.
    auto *pointers = static_cast<char **>(memref.descriptor);
    aligned = pointers[1];
    auto *words = reinterpret_cast<const int64_t *>(pointers + 2);
    offset = words[0];
    sizes = words + 1;
    strides = words + 1 + memref.rank;
  }
};

} // namespace

/// Copies every element of `source` into `target` (same rank and sizes),
/// walking both with their own strides, which may be arbitrary: memref.copy
/// of non-contiguous views lowers to this call.
extern "C" void memrefCopy(int64_t elementSize, UnrankedMemRef *sourceArg,
                           UnrankedMemRef *targetArg) {
  DescriptorView source(*sourceArg), target(*targetArg);
  int64_t rank = sourceArg->rank;
  for (int64_t dim = 0; dim < rank; ++dim)
    if (source.sizes[dim] == 0)
      return;
  char *sourceBase = source.aligned + source.offset * elementSize;
  char *targetBase = target.aligned + target.offset * elementSize;
  if (rank == 0) {
    std::memcpy(targetBase, sourceBase, elementSize);
    return;
  }
  // An odometer over the indices, keeping the byte offset of the current
  // element in both memrefs.
  std::vector<int64_t> index(rank, 0);
  int64_t sourceOffset = 0, targetOffset = 0;
  for (;;) {
    std::memcpy(targetBase + targetOffset, sourceBase + sourceOffset,
                elementSize);
    int64_t dim = rank - 1;
    for (; dim >= 0; --dim) {
      ++index[dim];
      sourceOffset += source.strides[dim] * elementSize;
      targetOffset += target.strides[dim] * elementSize;
      if (index[dim] < source.sizes[dim])
        break;
      // This dimension wrapped around: rewind it and carry into the next
      // outer one.
      sourceOffset -= source.sizes[dim] * source.strides[dim] * elementSize;
      targetOffset -= source.sizes[dim] * target.strides[dim] * elementSize;
      index[dim] = 0;
    }
    if (dim < 0)
      return;
  }
}
