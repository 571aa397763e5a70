//===- Generator.cpp - PyTorch-compatible CPU random generator ------------===//
//
/// The distributions of PyTorch 1.13's CPU generator, step by step. Every
/// rounding matters. PyTorch's kernels run from its AVX2 build, which GCC
/// compiles with FMA enabled and its default -ffp-contract=fast, so most
/// `a * b + c` there, in the scalar code and between the intrinsics of
/// avx_mathfun alike, became one fused multiply-add. This file spells each of
/// those as std::fma (correctly rounded with or without FMA hardware) and is
/// compiled with -ffp-contract=off, so that the compiler fuses nothing else.
/// Where two products feed one addition, GCC fused the one computed first.
///
/// PyTorch picks one of three algorithms for normal_:
///   * fewer than 16 elements: a scalar Box-Muller in double precision that
///     caches its second sample in the generator (nextNormal);
///   * float64, 16 elements or more: Box-Muller on blocks of 16 uniforms with
///     libm's log, cos and sin (normalFill16Double);
///   * float32, 16 elements or more: the same blocks through an AVX2 kernel
///     whose log, sin and cos are Cephes polynomials evaluated eight lanes at
///     a time (normalFill16Float), emulated here one lane at a time.
/// The two double-precision paths call libm like PyTorch does, so their last
/// bits are those of the C library: glibc's, as for PyTorch on Linux.
//
//===----------------------------------------------------------------------===//

#include "runtime/Generator.h"

#include <cmath>
#include <cstring>
#include <string>

using namespace kiln;

namespace {

uint32_t floatBits(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof(bits));
  return bits;
}

float bitsFloat(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

/// at::uniform_real_distribution<float>: 24 random bits, scaled in float
/// (float is its accumulation type on the CPU).
float uniformFloat(uint32_t bits, float from, float to) {
  float x = static_cast<float>(bits & ((1u << 24) - 1)) * (1.0f / (1u << 24));
  return std::fma(x, to - from, from);
}

/// at::uniform_real_distribution<double>: 53 random bits, scaled in double.
double uniformDouble(uint64_t bits, double from, double to) {
  double x = static_cast<double>(bits & ((uint64_t(1) << 53) - 1)) *
             (1.0 / static_cast<double>(uint64_t(1) << 53));
  return std::fma(x, to - from, from);
}

const double kPi = 3.14159265358979323846;

/// avx_mathfun's log256_ps for one lane. The argument is 1 - u with u a
/// uniform float in [0, 1), so it lies in [2^-24, 1]: never zero, negative or
/// denormal, which makes the kernel's clamping and NaN masking no-ops.
float cephesLog(float x) {
  uint32_t bits = floatBits(x);
  float e = static_cast<float>(static_cast<int32_t>(bits >> 23) - 0x7f);
  e = e + 1.0f;
  // The mantissa with the exponent of 0.5: a value in [0.5, 1).
  x = bitsFloat((bits & ~0x7f800000u) | floatBits(0.5f));
  // Below sqrt(1/2), use 2x - 1 and one less in the exponent; the kernel
  // computes this as (x - 1) + (x or 0), which rounds like that.
  bool belowSqrtHalf = x < static_cast<float>(0.707106781186547524);
  float tmp = belowSqrtHalf ? x : 0.0f;
  x = x - 1.0f;
  e = e - (belowSqrtHalf ? 1.0f : 0.0f);
  x = x + tmp;

  float z = x * x;
  static const float kCoefficients[] = {
      7.0376836292E-2f,  -1.1514610310E-1f, 1.1676998740E-1f,
      -1.2420140846E-1f, +1.4249322787E-1f, -1.6668057665E-1f,
      +2.0000714765E-1f, -2.4999993993E-1f, +3.3333331174E-1f};
  float y = kCoefficients[0];
  for (int i = 1; i < 9; ++i)
    y = std::fma(y, x, kCoefficients[i]);
  y = y * x;
  y = std::fma(y, z, e * -2.12194440e-4f);
  y = std::fma(-z, 0.5f, y);
  return std::fma(e, 0.693359375f, x + y);
}

/// avx_mathfun's sincos256_ps for one lane, for an argument theta >= 0.
void cephesSinCos(float theta, float &sinOut, float &cosOut) {
  // The sign of the sine comes from the argument, +0 for theta >= 0.
  uint32_t signSin = floatBits(theta) & 0x80000000u;
  float x = bitsFloat(floatBits(theta) & 0x7fffffffu);

  // The octant j, rounded up to even, by truncating x * 4/pi.
  int32_t j = static_cast<int32_t>(x * static_cast<float>(1.27323954473516));
  j = (j + 1) & ~1;
  float y = static_cast<float>(j);
  uint32_t swapSignSin = static_cast<uint32_t>(j & 4) << 29;
  bool cosPolynomialForSin = (j & 2) == 0;
  uint32_t signCos = static_cast<uint32_t>(~(j - 2) & 4) << 29;
  signSin ^= swapSignSin;

  // x - j * pi/4 in three parts, Cephes' extended-precision reduction.
  x = std::fma(y, -0.78515625f, x);
  x = std::fma(y, -2.4187564849853515625e-4f, x);
  x = std::fma(y, -3.77489497744594108e-8f, x);

  float z = x * x;
  float c = std::fma(2.443315711809948E-005f, z, -1.388731625493765E-003f);
  c = std::fma(c, z, 4.166664568298827E-002f);
  c = c * z;
  c = std::fma(c, z, -(z * 0.5f));
  c = c + 1.0f;

  float s = std::fma(-1.9515295891E-4f, z, 8.3321608736E-3f);
  s = std::fma(s, z, -1.6666654611E-1f);
  s = s * z;
  s = std::fma(s, x, x);

  // The kernel selects with masks and recombines with additions and
  // subtractions of zeros; keep them, since they can change a zero's sign.
  float sinFromS = cosPolynomialForSin ? s : 0.0f;
  float sinFromC = cosPolynomialForSin ? 0.0f : c;
  s = s - sinFromS;
  c = c - sinFromC;
  sinOut = bitsFloat(floatBits(sinFromC + sinFromS) ^ signSin);
  cosOut = bitsFloat(floatBits(c + s) ^ signCos);
}

/// normal_fill_16_AVX2 of ATen: the first 8 uniforms give the radii, the
/// last 8 the angles; the results end with an explicit _mm256_fmadd_ps.
void normalFill16Float(float *data, float mean, float std) {
  const float twoPi = static_cast<float>(2.0 * kPi);
  for (int j = 0; j < 8; ++j) {
    float u1 = 1.0f - data[j];
    float u2 = data[j + 8];
    float radius = std::sqrt(-2.0f * cephesLog(u1));
    float sinTheta, cosTheta;
    cephesSinCos(twoPi * u2, sinTheta, cosTheta);
    data[j] = std::fma(radius * cosTheta, std, mean);
    data[j + 8] = std::fma(radius * sinTheta, std, mean);
  }
}

/// normal_fill_16<double> of ATen.
void normalFill16Double(double *data, double mean, double std) {
  for (int j = 0; j < 8; ++j) {
    double u1 = 1 - data[j];
    double u2 = data[j + 8];
    double radius = std::sqrt(-2 * std::log(u1));
    double theta = 2.0 * kPi * u2;
    data[j] = std::fma(radius * std::cos(theta), std, mean);
    data[j + 8] = std::fma(radius * std::sin(theta), std, mean);
  }
}

/// ATen's normal_fill: uniforms for the whole tensor, Box-Muller on each
/// full block of 16, and, when the size is not a multiple of 16, fresh
/// uniforms for the last 16 elements (overlapping the last full block) that
/// are transformed as one more block.
template <typename T, typename DrawUniform, typename Fill16>
void normalFill(T *data, int64_t size, DrawUniform drawUniform, Fill16 fill16) {
  for (int64_t i = 0; i < size; ++i)
    data[i] = drawUniform();
  for (int64_t i = 0; i + 16 <= size; i += 16)
    fill16(data + i);
  if (size % 16 != 0) {
    T *tail = data + size - 16;
    for (int64_t i = 0; i < 16; ++i)
      tail[i] = drawUniform();
    fill16(tail);
  }
}

void checkFloat(const char *op, DType dtype, const std::vector<int64_t> &shape) {
  if (dtype != DType::Float32 && dtype != DType::Float64)
    throw RuntimeError(std::string(op) + ": expected a float32 or float64 " +
                       "tensor, got " + getDTypeName(dtype) + " " +
                       formatShape(shape));
}

} // namespace

Generator::Generator(uint64_t seed) { manualSeed(seed); }

void Generator::manualSeed(uint64_t seed) {
  seed_ = seed;
  engine_.seed(static_cast<uint32_t>(seed));
  nextNormal_.reset();
}

uint32_t Generator::random() { return static_cast<uint32_t>(engine_()); }

uint64_t Generator::random64() {
  uint64_t high = random();
  uint64_t low = random();
  return (high << 32) | low;
}

double Generator::nextNormal(double mean, double std) {
  double sample;
  if (nextNormal_) {
    sample = *nextNormal_;
    nextNormal_.reset();
  } else {
    double u1 = uniformDouble(random64(), 0.0, 1.0);
    double u2 = uniformDouble(random64(), 0.0, 1.0);
    // 1 - u2 lies in (0, 1], so the logarithm is finite.
    double radius = std::sqrt(-2.0 * std::log(1.0 - u2));
    double theta = 2.0 * kPi * u1;
    nextNormal_ = radius * std::sin(theta);
    sample = radius * std::cos(theta);
  }
  return std::fma(sample, std, mean);
}

void Generator::fillUniform(Tensor &t, double from, double to) {
  if (!(from <= to))
    throw RuntimeError("uniform_: expected from <= to, got from=" +
                       std::to_string(from) + " > to=" + std::to_string(to));
  checkFloat("uniform_", t.dtype(), t.shape());
  int64_t size = t.numel();
  if (t.dtype() == DType::Float32) {
    float *data = t.data<float>();
    float lo = static_cast<float>(from), hi = static_cast<float>(to);
    for (int64_t i = 0; i < size; ++i)
      data[i] = uniformFloat(random(), lo, hi);
  } else {
    double *data = t.data<double>();
    for (int64_t i = 0; i < size; ++i)
      data[i] = uniformDouble(random64(), from, to);
  }
}

void Generator::fillNormal(Tensor &t, double mean, double std) {
  if (!(std >= 0.0))
    throw RuntimeError("normal_: expected std >= 0, got " +
                       std::to_string(std));
  checkFloat("normal_", t.dtype(), t.shape());
  int64_t size = t.numel();

  if (size < 16) {
    // Both dtypes draw from the double-precision scalar distribution.
    if (t.dtype() == DType::Float32) {
      float *data = t.data<float>();
      for (int64_t i = 0; i < size; ++i)
        data[i] = static_cast<float>(nextNormal(mean, std));
    } else {
      double *data = t.data<double>();
      for (int64_t i = 0; i < size; ++i)
        data[i] = nextNormal(mean, std);
    }
    return;
  }

  if (t.dtype() == DType::Float32) {
    float meanF = static_cast<float>(mean), stdF = static_cast<float>(std);
    normalFill(
        t.data<float>(), size,
        [this] { return uniformFloat(random(), 0.0f, 1.0f); },
        [=](float *block) { normalFill16Float(block, meanF, stdF); });
  } else {
    normalFill(
        t.data<double>(), size,
        [this] { return uniformDouble(random64(), 0.0, 1.0); },
        [=](double *block) { normalFill16Double(block, mean, std); });
  }
}

Tensor kiln::rand(Generator &gen, DType dtype, std::vector<int64_t> shape) {
  checkFloat("rand", dtype, shape);
  Tensor t = Tensor::zeros(dtype, std::move(shape));
  gen.fillUniform(t, 0.0, 1.0);
  return t;
}

Tensor kiln::randn(Generator &gen, DType dtype, std::vector<int64_t> shape) {
  checkFloat("randn", dtype, shape);
  Tensor t = Tensor::zeros(dtype, std::move(shape));
  gen.fillNormal(t, 0.0, 1.0);
  return t;
}
