//===- Generator.h - PyTorch-compatible CPU random generator ----*- C++ -*-===//
//
/// A random generator whose streams match PyTorch's CPU generator bit for bit:
/// after `Generator gen(7)`, `randn(gen, DType::Float32, {1, 5})` holds the
/// same floats as `torch.manual_seed(7); torch.randn(1, 5)`. That lets a Kiln
/// model initialise its parameters exactly as the PyTorch program it was
/// written from, so both can be compared value for value.
///
/// The reference is PyTorch 1.13 on an x86-64 CPU with AVX2: a Mersenne
/// Twister (mt19937) feeds uniform and Box-Muller normal distributions whose
/// arithmetic, including the AVX2 kernel PyTorch uses for float32 normal_ on
/// 16 elements or more, is reproduced here in portable scalar code.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_GENERATOR_H
#define KILN_RUNTIME_GENERATOR_H

#include "runtime/Tensor.h"

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace kiln {

class Generator {
public:
  /// The seed of PyTorch's default CPU generator before any manual_seed.
  static constexpr uint64_t kDefaultSeed = 67280421310721ULL;

  explicit Generator(uint64_t seed = kDefaultSeed);

  /// torch.manual_seed: restarts the stream and drops the cached normal
  /// sample. As in PyTorch, only the low 32 bits seed the Mersenne Twister.
  void manualSeed(uint64_t seed);
  uint64_t initialSeed() const { return seed_; }

  /// The next 32 bits of the stream.
  uint32_t random();
  /// Two draws of random(), the first one in the high half.
  uint64_t random64();

  /// Tensor.uniform_(from, to) on a float32 or float64 tensor.
  void fillUniform(Tensor &t, double from, double to);
  /// Tensor.normal_(mean, std) on a float32 or float64 tensor.
  void fillNormal(Tensor &t, double mean, double std);

private:
  /// One sample of PyTorch's scalar normal_distribution<double>, which makes
  /// two samples at a time and keeps the second for the next call.
  double nextNormal(double mean, double std);

  uint64_t seed_;
  /// at::mt19937 is the standard engine: same seeding recurrence, same
  /// tempering, so the standard library's produces the same stream.
  std::mt19937 engine_;
  std::optional<double> nextNormal_;
};

/// torch.rand(shape, dtype=dtype, generator=gen): uniform on [0, 1).
Tensor rand(Generator &gen, DType dtype, std::vector<int64_t> shape);
/// torch.randn(shape, dtype=dtype, generator=gen): standard normal.
Tensor randn(Generator &gen, DType dtype, std::vector<int64_t> shape);

} // namespace kiln

#endif // KILN_RUNTIME_GENERATOR_H
