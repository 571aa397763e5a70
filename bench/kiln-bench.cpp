//===- kiln-bench.cpp - Times a compiled model ----------------------------===//
//
/// `kiln-bench MODEL [--runs N]` compiles MODEL for the CPU, fills its
/// inputs and parameters with seeded random values, and prints one line of
/// JSON: the compile time and the median and minimum time of N runs (after
/// one warm-up run), so bench/compare.py can set it beside PyTorch.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/CpuExecutable.h"
#include "runtime/Generator.h"
#include "tools/kiln/ModelLoader.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>

using Clock = std::chrono::steady_clock;

static double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << "usage: kiln-bench MODEL [--runs N]\n";
    return 1;
  }
  int runs = 10;
  if (argc == 4 && std::string(argv[2]) == "--runs")
    runs = std::max(1, std::stoi(argv[3]));
  try {
    auto context = kiln::createModelContext();
    auto module = kiln::loadModel(argv[1], *context);
    Clock::time_point start = Clock::now();
    auto executable = kiln::CpuExecutable::compile(*module);
    if (!executable)
      throw kiln::RuntimeError(llvm::toString(executable.takeError()));
    double compileSeconds = secondsSince(start);

    // Benchmarks only time the computation: every argument gets uniform
    // values from one seeded generator, whatever its role.
    kiln::Generator generator(0);
    std::vector<kiln::Tensor> arguments;
    for (const kiln::TensorSpec &spec : (*executable)->signature().arguments)
      arguments.push_back(kiln::rand(generator, spec.dtype, spec.shape));

    std::vector<double> times;
    for (int run = 0; run <= runs; ++run) {
      start = Clock::now();
      auto outputs = (*executable)->run(arguments);
      if (!outputs)
        throw kiln::RuntimeError(llvm::toString(outputs.takeError()));
      if (run > 0)
        times.push_back(secondsSince(start));
    }
    std::sort(times.begin(), times.end());
    std::cout << "{\"compile_s\": " << compileSeconds
              << ", \"median_s\": " << times[times.size() / 2]
              << ", \"min_s\": " << times.front() << "}\n";
    return 0;
  } catch (const kiln::RuntimeError &error) {
    std::cerr << "kiln-bench: error: " << error.what() << "\n";
    return 1;
  }
}
