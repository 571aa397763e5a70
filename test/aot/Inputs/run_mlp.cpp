//===- run_mlp.cpp - An AOT-compiled ONNX model in a program with a main --===//
//
/// Runs the MLP that PyTorch exported as the ONNX graph `main`, compiled by
/// `kiln compile --emit obj` and linked here beside this program's own
/// main. Usage: run_mlp PARAMS.safetensors INPUT.npy OUTPUT.npy
//
//===----------------------------------------------------------------------===//

#include "mlp.h"

#include "runtime/Npy.h"
#include "runtime/Safetensors.h"

#include <iostream>

int main(int argc, char **argv) {
  if (argc != 4) {
    std::cerr << "usage: run_mlp PARAMS.safetensors INPUT.npy OUTPUT.npy\n";
    return 2;
  }
  try {
    std::map<std::string, kiln::Tensor> params =
        kiln::readSafetensors(argv[1]);
    // Every argument is a parameter under its PyTorch name, but the input x.
    std::vector<kiln::Tensor> arguments;
    for (const char *name : kiln::aot::kiln_main_arguments)
      arguments.push_back(std::string(name) == "x" ? kiln::readNpy(argv[2])
                                                   : params.at(name));
    std::vector<kiln::Tensor> outputs = kiln::aot::kiln_main(arguments);
    kiln::writeNpy(argv[3], outputs.at(0));
    return 0;
  } catch (const std::exception &error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
