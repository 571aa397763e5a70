//===- kiln-random-dump.cpp - Print Kiln's random tensors bit by bit ------===//
//
/// Draws tensors in sequence from one kiln::Generator and prints their exact
/// bits, so that test/runtime/Inputs/check_random.py can compare them with
/// what PyTorch's CPU generator draws for the same seed.
///
///   kiln-random-dump SEED DRAW...
///
/// Each DRAW is OP:DTYPE:SHAPE[:A:B], with OP one of rand, randn, uniform
/// (A = from, B = to) and normal (A = mean, B = std), DTYPE float32 or
/// float64 and SHAPE comma-separated sizes, empty for a 0-d tensor. The
/// output has, for each draw, a line `DRAW` followed by one line per element
/// with its bits in hexadecimal (8 digits for float32, 16 for float64).
//
//===----------------------------------------------------------------------===//

#include "runtime/Generator.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

using namespace kiln;

namespace {

std::vector<std::string> split(const std::string &text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator))
    parts.push_back(part);
  // getline drops a trailing empty field, which is how a 0-d shape reads.
  if (!text.empty() && text.back() == separator)
    parts.emplace_back();
  return parts;
}

Tensor draw(Generator &gen, const std::string &spec) {
  std::vector<std::string> fields = split(spec, ':');
  if (fields.size() != 3 && fields.size() != 5)
    throw RuntimeError("bad draw '" + spec + "': expected OP:DTYPE:SHAPE[:A:B]");
  const std::string &op = fields[0];

  DType dtype;
  if (fields[1] == "float32")
    dtype = DType::Float32;
  else if (fields[1] == "float64")
    dtype = DType::Float64;
  else if (fields[1] == "int64")
    dtype = DType::Int64; // Lets a test check that this is rejected.
  else
    throw RuntimeError("bad dtype '" + fields[1] + "' in '" + spec + "'");

  std::vector<int64_t> shape;
  if (!fields[2].empty())
    for (const std::string &size : split(fields[2], ','))
      shape.push_back(std::stoll(size));

  bool withParams = fields.size() == 5;
  if (op == "rand" && !withParams)
    return rand(gen, dtype, shape);
  if (op == "randn" && !withParams)
    return randn(gen, dtype, shape);
  if ((op == "uniform" || op == "normal") && withParams) {
    double a = std::stod(fields[3]), b = std::stod(fields[4]);
    Tensor t = Tensor::zeros(dtype, shape);
    if (op == "uniform")
      gen.fillUniform(t, a, b);
    else
      gen.fillNormal(t, a, b);
    return t;
  }
  throw RuntimeError("bad op in '" + spec + "'");
}

void print(const Tensor &t) {
  int64_t size = t.numel();
  if (t.dtype() == DType::Float32) {
    const float *data = t.data<float>();
    for (int64_t i = 0; i < size; ++i) {
      uint32_t bits;
      std::memcpy(&bits, &data[i], sizeof(bits));
      std::printf("%08" PRIx32 "\n", bits);
    }
    return;
  }
  const double *data = t.data<double>();
  for (int64_t i = 0; i < size; ++i) {
    uint64_t bits;
    std::memcpy(&bits, &data[i], sizeof(bits));
    std::printf("%016" PRIx64 "\n", bits);
  }
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s SEED OP:DTYPE:SHAPE[:A:B]...\n", argv[0]);
    return 2;
  }
  try {
    Generator gen(std::stoull(argv[1], nullptr, 0));
    for (int i = 2; i < argc; ++i) {
      Tensor t = draw(gen, argv[i]);
      std::printf("%s\n", argv[i]);
      print(t);
    }
  } catch (const std::exception &error) {
    std::fflush(stdout);
    std::fprintf(stderr, "kiln-random-dump: %s\n", error.what());
    return 1;
  }
  return 0;
}
