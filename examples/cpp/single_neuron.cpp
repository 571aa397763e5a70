//===- single_neuron.cpp - The single-neuron seed in C++ ------------------===//
//
/// Seed 003's single neuron written with Kiln's C++ API, line for line as the
/// PyTorch tutorial writes it:
///
///   torch.manual_seed(7)
///   features = torch.randn((1, 5))
///   weights = torch.randn_like(features)
///   bias = torch.randn((1, 1))
///   y = activation(torch.sum(features * weights) + bias)
///   y = activation(torch.mm(features, weights.view(5, 1)) + bias)
///
/// It prints y = tensor([[0.1595]]) and y_mm = tensor([[-1.9796]]), the
/// tutorial's numbers (y_mm is the product before the bias and activation,
/// as in examples/seeds/single_neuron.mlir).
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
    g.output("y_mm", kiln::mm(x, w.view({5, 1})));
    kiln::Model model = g.compile();

    // The data PyTorch draws after torch.manual_seed(7), in the same order.
    kiln::Generator gen(7);
    kiln::Tensor features = kiln::randn(gen, kiln::DType::Float32, {1, 5});
    model.setParam("weights", kiln::randn(gen, kiln::DType::Float32, {1, 5}));
    model.setParam("bias", kiln::randn(gen, kiln::DType::Float32, {1, 1}));

    auto outputs = model.run({{"features", features}});
    std::cout << "y = " << kiln::formatTensor(outputs.at("y")) << "\n"
              << "y_mm = " << kiln::formatTensor(outputs.at("y_mm")) << "\n";
    return 0;
  } catch (const kiln::RuntimeError &error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
