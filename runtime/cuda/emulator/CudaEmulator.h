//===- CudaEmulator.h - CUDA's built-ins for host-compiled kernels --------===//
//
// What a CUDA program needs from CUDA to compile for the host as a shared
// library that the emulator (EmulatorBackend) loads: the keywords, the
// thread and block indices, barriers, warp shuffles, atomics and the math
// functions, over a small C ABI the emulator fills in after dlopen. The
// backend compiles this header in front of the program (it is embedded
// at build time); it is Kiln's own, and uses none of NVIDIA's headers.
//
// The emulator runs each block on one OS thread and each of its CUDA
// threads as a fiber, switched at barriers, so `__shared__` variables are
// `static thread_local`: one copy per block in flight.
//
// With KILN_EMULATOR_ABI_ONLY defined, only the ABI is declared: what the
// backend itself includes.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_EMULATOR_CUDAEMULATOR_H
#define KILN_RUNTIME_CUDA_EMULATOR_CUDAEMULATOR_H

struct kiln_emu_dim3 {
  unsigned x, y, z;
};

/// The indices of the CUDA thread a fiber runs.
struct KilnEmuThread {
  kiln_emu_dim3 threadIdx, blockIdx, blockDim, gridDim;
};

/// What the program calls in the emulator; filled in by the backend.
struct KilnEmuHooks {
  /// __syncthreads: suspends the fiber until its whole block arrives.
  void (*syncthreads)();
  /// A warp shuffle: `value` goes to the other lanes of the caller's
  /// warp, and the value of lane `sourceLane` (the caller's own for a lane
  /// outside the warp) comes back.
  unsigned long long (*shuffle)(unsigned long long value, int sourceLane);
  /// `address` when [address, address + bytes) lies in device memory;
  /// otherwise records the error for the launch and returns scratch
  /// memory, so the kernel goes on without touching anything else.
  void *(*checkAccess)(void *address, unsigned long bytes);
};

#define KILN_EMULATOR_HOOKS_SYMBOL "kiln_emulator_hooks"
#define KILN_EMULATOR_SET_THREAD_SYMBOL "kiln_emulator_set_thread"

#ifndef KILN_EMULATOR_ABI_ONLY

#include <cmath>
#include <cstring>

extern "C" {
KilnEmuHooks kiln_emulator_hooks;
}

// The CUDA thread the calling fiber runs, set by the emulator before it
// resumes the fiber.
static thread_local const KilnEmuThread *kiln_emu_thread;
extern "C" void kiln_emulator_set_thread(const KilnEmuThread *thread) {
  kiln_emu_thread = thread;
}

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline __attribute__((always_inline))
#define __noinline__ __attribute__((noinline))
#define __launch_bounds__(...)
#define __shared__ static thread_local
#define threadIdx (kiln_emu_thread->threadIdx)
#define blockIdx (kiln_emu_thread->blockIdx)
#define blockDim (kiln_emu_thread->blockDim)
#define gridDim (kiln_emu_thread->gridDim)
#define warpSize 32

// Every device memory access the program makes through kiln_at.
#define KILN_CHECKED_ACCESS(pointer)                                           \
  ((decltype(pointer))kiln_emulator_hooks.checkAccess(                         \
      (void *)(pointer), sizeof(*(pointer))))

inline void __syncthreads() { kiln_emulator_hooks.syncthreads(); }

inline unsigned kiln_emu_lane() {
  const kiln_emu_dim3 &t = threadIdx, &d = blockDim;
  return (t.x + d.x * (t.y + d.y * t.z)) % 32;
}

template <typename T> inline T kiln_emu_shuffle(T value, int sourceLane) {
  static_assert(sizeof(T) <= sizeof(unsigned long long), "shuffle of >8 bytes");
  unsigned long long bits = 0;
  std::memcpy(&bits, &value, sizeof value);
  bits = kiln_emulator_hooks.shuffle(bits, sourceLane);
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// Lanes outside [0, width) of the caller's segment read their own value,
// as on the GPU.
template <typename T>
inline T __shfl_sync(unsigned, T value, int lane, int width = 32) {
  int self = kiln_emu_lane();
  return kiln_emu_shuffle(value, self - self % width + lane % width);
}
template <typename T>
inline T __shfl_down_sync(unsigned, T value, unsigned delta, int width = 32) {
  int self = kiln_emu_lane();
  int source = self + (int)delta;
  return kiln_emu_shuffle(value, source / width == self / width ? source : self);
}
template <typename T>
inline T __shfl_up_sync(unsigned, T value, unsigned delta, int width = 32) {
  int self = kiln_emu_lane();
  int source = self - (int)delta;
  return kiln_emu_shuffle(
      value, source >= 0 && source / width == self / width ? source : self);
}
template <typename T>
inline T __shfl_xor_sync(unsigned, T value, int mask, int width = 32) {
  int self = kiln_emu_lane();
  int source = self ^ mask;
  return kiln_emu_shuffle(value, source / width == self / width ? source : self);
}

// Atomics: blocks run on several OS threads at once.
template <typename T> inline T atomicCAS(T *address, T compare, T value) {
  __atomic_compare_exchange_n(address, &compare, value, false,
                              __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  return compare;
}
template <typename T> inline T atomicAdd(T *address, T value) {
  return __atomic_fetch_add(address, value, __ATOMIC_SEQ_CST);
}
inline float atomicAdd(float *address, float value) {
  float old = *address, updated;
  do
    updated = old + value;
  while (!__atomic_compare_exchange(address, &old, &updated, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
  return old;
}
template <typename T> inline T atomicMax(T *address, T value) {
  T old = *address;
  while (old < value && !__atomic_compare_exchange_n(address, &old, value,
                                                     false, __ATOMIC_SEQ_CST,
                                                     __ATOMIC_SEQ_CST)) {
  }
  return old;
}
template <typename T> inline T atomicExch(T *address, T value) {
  return __atomic_exchange_n(address, value, __ATOMIC_SEQ_CST);
}

// The bit casts and math functions CUDA has and the host's libm does not.
inline float __int_as_float(int bits) {
  float value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}
inline double __longlong_as_double(long long bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}
inline float rsqrtf(float x) { return 1.0f / sqrtf(x); }
inline double rsqrt(double x) { return 1.0 / sqrt(x); }

#endif // KILN_EMULATOR_ABI_ONLY

#endif // KILN_RUNTIME_CUDA_EMULATOR_CUDAEMULATOR_H
