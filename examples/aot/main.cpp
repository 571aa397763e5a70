//===- main.cpp - Seed models compiled ahead of time ----------------------===//
//
/// Runs two seed models that `kiln compile --emit obj` compiled at build time
/// (see CMakeLists.txt): the fully connected layer of seed 004, which prints
/// the tutorial's [[7.4129, 6.0104]], and the linear regression of seed 001
/// on data chosen here. The program includes the generated headers and links
/// the objects with KilnRuntime only; no LLVM or MLIR is loaded at run time.
//
//===----------------------------------------------------------------------===//

#include "fully_connected.h"
#include "linear_regression.h"

#include "runtime/TensorPrinter.h"

#include <iostream>

int main() {
  try {
    // No inputs: the seeded weights and the data are in the model.
    std::vector<kiln::Tensor> outputs = kiln::aot::fully_connected({});
    for (size_t i = 0; i < outputs.size(); ++i)
      std::cout << kiln::aot::fully_connected_outputs[i] << ": "
                << kiln::formatTensor(outputs[i]) << "\n";

    // Inputs and parameters are arguments, in the model's order: x, y,
    // weight, bias. y = 2x + 1 exactly, so the loss of weight 2, bias 1 is 0.
    std::vector<float> xs, ys;
    for (int i = 0; i < 10; ++i) {
      xs.push_back(static_cast<float>(i));
      ys.push_back(2.0f * static_cast<float>(i) + 1.0f);
    }
    kiln::Tensor x = kiln::Tensor::fromValues<float>({10, 1}, xs);
    kiln::Tensor y = kiln::Tensor::fromValues<float>({10, 1}, ys);
    kiln::Tensor weight = kiln::Tensor::fromValues<float>({1, 1}, {2.0f});
    kiln::Tensor bias = kiln::Tensor::fromValues<float>({1}, {1.0f});
    std::vector<kiln::Tensor> fit =
        kiln::aot::linear_regression({x, y, weight, bias});
    std::cout << "loss: " << kiln::formatTensor(fit[1]) << "\n";

    // The wrapper checks every argument against the model's signature.
    try {
      kiln::aot::linear_regression({x, y, bias, bias});
    } catch (const kiln::RuntimeError &error) {
      std::cout << "error: " << error.what() << "\n";
    }
    return 0;
  } catch (const kiln::RuntimeError &error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
