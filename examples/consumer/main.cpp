//===- main.cpp - Kiln's C++ API from another CMake project ---------------===//
//
/// The single neuron of seed 003, built with kiln::Graph in a project that
/// finds an installed Kiln with find_package(Kiln) and links Kiln::kiln. It
/// prints the tutorial's y = tensor([[0.1595]]).
//
//===----------------------------------------------------------------------===//

#include "frontend/Kiln.h"

#include <iostream>

int main() {
  try {
    kiln::Graph g;
    auto x = g.input("features", {1, 5});
    auto w = g.param("weights", {1, 5});
    auto b = g.param("bias", {1, 1});
    g.output("y", kiln::sigmoid((x * w).sum() + b));
    kiln::Model model = g.compile();

    // The draws of torch.manual_seed(7), in the tutorial's order.
    kiln::Generator gen(7);
    kiln::Tensor features = kiln::randn(gen, kiln::DType::Float32, {1, 5});
    model.setParam("weights", kiln::randn(gen, kiln::DType::Float32, {1, 5}));
    model.setParam("bias", kiln::randn(gen, kiln::DType::Float32, {1, 1}));
    auto outputs = model.run({{"features", features}});
    std::cout << "y = " << kiln::formatTensor(outputs.at("y")) << "\n";
    return 0;
  } catch (const kiln::RuntimeError &error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
