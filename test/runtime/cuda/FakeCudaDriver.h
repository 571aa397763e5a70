//===- FakeCudaDriver.h - Controlling the fake CUDA driver ------*- C++ -*-===//
//
/// The fake driver (FakeCudaDriver.cpp, a shared library the tests point
/// KILN_CUDA_DRIVER_LIBRARY at) implements the driver entry points
/// DriverBackend calls on host memory and records what they were asked to
/// do. These are its controls, found with dlsym in the library the backend
/// opened (dlopen of the same path gives the same instance).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_TEST_RUNTIME_CUDA_FAKECUDADRIVER_H
#define KILN_TEST_RUNTIME_CUDA_FAKECUDADRIVER_H

#include <cstddef>
#include <cstdint>

extern "C" {
/// Forgets every event, failure, allocation and module; one device named
/// "Fake GPU", compute capability 9.0, 1 MiB of memory.
void kilnFakeCudaReset();
void kilnFakeCudaSetDevices(int count, int major, int minor);
void kilnFakeCudaSetMemory(uint64_t bytes);
/// The next call of `function` (its cuda.h name, like "cuLaunchKernel")
/// returns `result` and does nothing.
void kilnFakeCudaFailNext(const char *function, int result);

/// The recorded events, oldest first: "alloc 256 -> buf0", "free buf0",
/// "HtoD buf0+0 16", "DtoH buf0+4 8", "DtoD buf1+0 buf0+0 16",
/// "load cubin", "load ptx", "function scale",
/// "shared scale 65536", "launch scale grid=(1,1,1) block=(32,1,1)
/// shared=0 args=[buf0+0,buf1+16]", "sync". A device address is printed as
/// the allocation it falls in and its offset.
size_t kilnFakeCudaEventCount();
const char *kilnFakeCudaEvent(size_t index);

/// Allocations, modules, streams and primary-context retains still alive.
int kilnFakeCudaLiveObjects();
}

#endif // KILN_TEST_RUNTIME_CUDA_FAKECUDADRIVER_H
