//===- Roofline.h - This machine's compute and memory limits ----*- C++ -*-===//
//
/// The two rates a roofline needs, measured on the machine the benchmarks
/// run on, in the same run: how fast oneDNN multiplies float32 matrices
/// (the best matmul Kiln's kernels can call) and how fast all cores stream
/// memory (STREAM's triad).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_BENCH_ROOFLINE_H
#define KILN_BENCH_ROOFLINE_H

#include <cstdint>

namespace kiln::bench {

/// GFLOP/s (2 m n k per product) of oneDNN's float32 matmul
/// C[m, n] = A[m, k] B[k, n] on row-major matrices, as Kiln's matmul kernel
/// calls it, with every core in oneDNN's OpenMP team; the best of `runs`
/// products after a warm-up.
double measureSgemmGflops(int64_t m, int64_t n, int64_t k, int runs);

/// GB/s of STREAM's triad a[i] = b[i] + s * c[i] over three float arrays of
/// `elements` each, an OpenMP loop over every core, counted as STREAM
/// counts it (12 bytes per element: two reads and a write); the best of
/// `runs` passes after a warm-up.
double measureTriadGbps(int64_t elements, int runs);

} // namespace kiln::bench

#endif // KILN_BENCH_ROOFLINE_H
