//===- Preamble.h - The device preamble's text ------------------*- C++ -*-===//

#ifndef KILN_CODEGEN_CUDA_PREAMBLE_H
#define KILN_CODEGEN_CUDA_PREAMBLE_H

namespace kiln::cuda {

/// preamble/KilnDevice.cuh, embedded at build time: the start of every
/// generated program.
extern const char *const kDevicePreamble;

} // namespace kiln::cuda

#endif // KILN_CODEGEN_CUDA_PREAMBLE_H
