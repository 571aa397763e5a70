//===- DriverTypes.h - The CUDA driver's types Kiln uses --------*- C++ -*-===//
//
/// The handful of cuda.h's types and constants DriverBackend needs, declared
/// here so that neither Kiln nor the tests' fake driver needs the toolkit's
/// headers. Plain C++: the fake driver includes it without LLVM.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_DRIVERTYPES_H
#define KILN_RUNTIME_CUDA_DRIVERTYPES_H

namespace kiln::cuda::driver {

using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = struct CUctx_st *;
using CUmodule = struct CUmod_st *;
using CUfunction = struct CUfunc_st *;
using CUstream = struct CUstream_st *;

inline constexpr CUresult CUDA_SUCCESS = 0;
inline constexpr CUresult CUDA_ERROR_STUB_LIBRARY = 34;
inline constexpr CUresult CUDA_ERROR_NOT_FOUND = 500;
inline constexpr int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
inline constexpr int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;
inline constexpr int CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES = 8;
inline constexpr unsigned CU_STREAM_NON_BLOCKING = 1;

} // namespace kiln::cuda::driver

#endif // KILN_RUNTIME_CUDA_DRIVERTYPES_H
