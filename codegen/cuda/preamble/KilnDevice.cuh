//===- KilnDevice.cuh - What every generated Kiln kernel uses -------------===//
//
// The start of every CUDA program Kiln generates (codegen/cuda/Preamble.h
// embeds this file at build time). Self-contained: NVRTC compiles it with
// no include path, and the CPU emulator of CUDA (runtime/cuda/emulator)
// compiles it for the host after its own header, which defines the CUDA
// built-ins used here and KILN_CHECKED_ACCESS.
//
// The scalar helpers reproduce what the CPU's LLVM lowering computes for
// the same arith/math op, so both targets give PyTorch's results.
//
//===----------------------------------------------------------------------===//

typedef signed char i8;
typedef short i16;
typedef int i32;
typedef long long i64;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

// An element of a device buffer. The emulator checks that each access
// stays inside a buffer the program allocated.
template <typename T>
__device__ __forceinline__ T &kiln_at(T *base, i64 index) {
#ifdef KILN_CHECKED_ACCESS
  return *KILN_CHECKED_ACCESS(base + index);
#else
  return base[index];
#endif
}

// Float constants that have no literal (NaN payloads, infinities).
__device__ __forceinline__ float kiln_f32_from_bits(u32 bits) {
  return __int_as_float((int)bits);
}

__device__ __forceinline__ double kiln_f64_from_bits(u64 bits) {
  return __longlong_as_double((long long)bits);
}

// arith.maximumf/minimumf: NaN if either operand is NaN (fmax/fmin
// return the other operand), and -0.0 below +0.0: for two zeros, the sum
// is +0.0 unless both are -0.0, the negated sum of the negations -0.0
// unless both are +0.0.
template <typename F> __device__ __forceinline__ F kiln_maximum(F a, F b) {
  if (a != a || b != b)
    return a + b;
  if (a == b)
    return a == F(0) ? a + b : a;
  return a > b ? a : b;
}

template <typename F> __device__ __forceinline__ F kiln_minimum(F a, F b) {
  if (a != a || b != b)
    return a + b;
  if (a == b)
    return a == F(0) ? -(-a - b) : a;
  return a < b ? a : b;
}

// math.rsqrt as LLVM expands it: a correctly rounded square root and
// division (CUDA's rsqrtf is an approximation).
__device__ __forceinline__ float kiln_rsqrt(float x) { return 1.0f / sqrtf(x); }
__device__ __forceinline__ double kiln_rsqrt(double x) { return 1.0 / sqrt(x); }

// arith.fptosi as x86 computes it (cvttss2si), which PyTorch's CPU results
// are: NaN and values out of range give the most negative integer, where
// a GPU's conversion would saturate.
template <typename F> __device__ __forceinline__ i32 kiln_fptosi_i32(F x) {
  return x >= F(-2147483648.0) && x < F(2147483648.0) ? (i32)x
                                                        : (i32)0x80000000u;
}

template <typename F> __device__ __forceinline__ i64 kiln_fptosi_i64(F x) {
  return x >= F(-9223372036854775808.0) && x < F(9223372036854775808.0)
             ? (i64)x
             : (i64)0x8000000000000000ull;
}

// math.absi: the minimum stays the minimum, as in two's complement.
template <typename T, typename U> __device__ __forceinline__ T kiln_absi(T x) {
  return x < 0 ? (T)(U)(0 - (U)x) : x;
}

// math.ipowi: x to the power n by squaring, wrapping; a negative n gives
// 1 / x rounded toward zero (0 unless x is 1 or -1; x = 0 gives 0 where
// LLVM's expansion would divide by zero).
template <typename T, typename U>
__device__ __forceinline__ T kiln_ipowi(T x, T n) {
  if (n < 0)
    return x == 1 ? (T)1 : x == -1 ? ((n & 1) ? (T)-1 : (T)1) : (T)0;
  U result = 1, base = (U)x;
  for (; n != 0; n >>= 1) {
    if (n & 1)
      result *= base;
    base *= base;
  }
  return (T)result;
}

// The index-error record (codegen/cuda/CudaProgram.h: set, site, value,
// bound): the first check out of range claims it; the host reads it after
// the run and raises the check's message.
__device__ __noinline__ void kiln_index_error(u64 *record, i64 site, i64 value,
                                              i64 bound) {
  if (atomicCAS(record, 0ull, 1ull) == 0ull) {
    record[1] = (u64)site;
    record[2] = (u64)value;
    record[3] = (u64)bound;
  }
}
