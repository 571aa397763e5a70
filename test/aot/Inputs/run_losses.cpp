//===- run_losses.cpp - Index errors of an AOT-compiled model -------------===//
//
/// Calls the AOT-compiled index-losses.mlir (cross_entropy and nll_loss over
/// 3 classes) on logits of ones and the class targets given as arguments,
/// and prints the two losses or the error the header's wrapper raised.
/// Usage: run_losses TARGET0 TARGET1
//
//===----------------------------------------------------------------------===//

#include "losses.h"

#include <cstdlib>
#include <iostream>

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: run_losses TARGET0 TARGET1\n";
    return 2;
  }
  kiln::Tensor logits = kiln::Tensor::zeros(kiln::DType::Float32, {2, 3});
  kiln::Tensor targets = kiln::Tensor::zeros(kiln::DType::Int64, {2});
  for (int i = 0; i < 2; ++i)
    static_cast<int64_t *>(targets.data())[i] = std::atoll(argv[1 + i]);
  try {
    std::vector<kiln::Tensor> losses = kiln::aot::kiln_losses({logits, targets});
    std::cout << "losses: " << *static_cast<float *>(losses[0].data()) << " "
              << *static_cast<float *>(losses[1].data()) << "\n";
    return 0;
  } catch (const kiln::RuntimeError &error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
