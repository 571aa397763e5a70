//===- kiln-bench.cpp - Times a compiled model ----------------------------===//
//
/// `kiln-bench MODEL [--runs N]` compiles MODEL for the CPU, fills its
/// inputs with seeded random values, and prints one line of JSON: the time
/// from model file to the first result and the median and minimum time of
/// the N runs after it, so bench/compare.py can set it beside PyTorch.
//
//===----------------------------------------------------------------------===//

#include "frontend/Model.h"
#include "runtime/Generator.h"

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
    Clock::time_point start = Clock::now();
    kiln::Model model = kiln::loadModel(argv[1]);

    // Inputs get uniform values from one seeded generator; parameters keep
    // their initializers.
    kiln::Generator generator(0);
    std::map<std::string, kiln::Tensor> inputs;
    for (const kiln::TensorSpec &spec : model.signature().arguments)
      if (spec.role == kiln::TensorSpec::Role::Input)
        inputs.emplace(spec.name,
                       kiln::rand(generator, spec.dtype, spec.shape));
    // The JIT materializes code on the first call, so compile time runs from
    // the model file to the first result.
    model.run(inputs);
    double compileSeconds = secondsSince(start);

    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
      start = Clock::now();
      model.run(inputs);
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
