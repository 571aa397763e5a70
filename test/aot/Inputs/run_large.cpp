//===- run_large.cpp - An AOT model whose arena passes 2 GB ---------------===//
//
/// Calls the AOT-compiled large-arena.mlir on x = 1 and prints the last
/// element of its cumsum (the number of elements it summed).
//
//===----------------------------------------------------------------------===//

#include "large.h"

#include <iostream>

int main() {
  kiln::Tensor x = kiln::Tensor::zeros(kiln::DType::Float32, {1});
  *static_cast<float *>(x.data()) = 1.0f;
  std::vector<kiln::Tensor> outputs = kiln::aot::kiln_large({x});
  std::cout.precision(10);
  std::cout << "last: " << *static_cast<float *>(outputs[0].data()) << "\n";
  return 0;
}
