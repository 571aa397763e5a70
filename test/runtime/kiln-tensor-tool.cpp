//===- kiln-tensor-tool.cpp - Drive the runtime's file formats ------------===//
//
/// A command-line front end to the runtime for the lit tests, which compare
/// its output with PyTorch and NumPy:
///
///   kiln-tensor-tool print FILE.npy...            formatTensor of each file
///   kiln-tensor-tool describe FILE.npy            "float32 [2, 3]"
///   kiln-tensor-tool roundtrip-npy IN OUT         readNpy then writeNpy
///   kiln-tensor-tool to-safetensors OUT NAME=FILE.npy...
///   kiln-tensor-tool from-safetensors IN DIR      writes DIR/NAME.npy
///   kiln-tensor-tool print-safetensors IN         "NAME: " + formatTensor
///
/// `print` separates files with a line holding only "----" so that a test
/// can check many tensors in one run. Errors go to stderr as "error: ..."
/// with exit status 1.
//
//===----------------------------------------------------------------------===//

#include "runtime/Npy.h"
#include "runtime/Safetensors.h"
#include "runtime/TensorPrinter.h"

#include <cstdio>
#include <iostream>

using namespace kiln;

static int usage() {
  std::cerr << "usage: kiln-tensor-tool print FILE.npy...\n"
               "       kiln-tensor-tool describe FILE.npy\n"
               "       kiln-tensor-tool roundtrip-npy IN.npy OUT.npy\n"
               "       kiln-tensor-tool to-safetensors OUT NAME=FILE.npy...\n"
               "       kiln-tensor-tool from-safetensors IN DIR\n"
               "       kiln-tensor-tool print-safetensors IN\n";
  return 2;
}

static int run(const std::vector<std::string> &args) {
  const std::string &command = args[0];
  size_t count = args.size() - 1;
  if (command == "print" && count >= 1) {
    for (size_t i = 1; i < args.size(); ++i) {
      if (i > 1)
        std::cout << "----\n";
      std::cout << formatTensor(readNpy(args[i])) << "\n";
    }
    return 0;
  }
  if (command == "describe" && count == 1) {
    std::cout << readNpy(args[1]).describe() << "\n";
    return 0;
  }
  if (command == "roundtrip-npy" && count == 2) {
    writeNpy(args[2], readNpy(args[1]));
    return 0;
  }
  if (command == "to-safetensors" && count >= 1) {
    std::map<std::string, Tensor> tensors;
    for (size_t i = 2; i < args.size(); ++i) {
      size_t equals = args[i].find('=');
      if (equals == std::string::npos)
        throw RuntimeError("expected NAME=FILE.npy, got '" + args[i] + "'");
      tensors[args[i].substr(0, equals)] = readNpy(args[i].substr(equals + 1));
    }
    writeSafetensors(args[1], tensors);
    return 0;
  }
  if (command == "from-safetensors" && count == 2) {
    for (const auto &named : readSafetensors(args[1])) {
      if (named.first.find('/') != std::string::npos)
        throw RuntimeError("tensor name '" + named.first +
                           "' cannot be a file name");
      writeNpy(args[2] + "/" + named.first + ".npy", named.second);
    }
    return 0;
  }
  if (command == "print-safetensors" && count == 1) {
    for (const auto &named : readSafetensors(args[1]))
      std::cout << named.first << ": " << formatTensor(named.second) << "\n";
    return 0;
  }
  return usage();
}

int main(int argc, char **argv) {
  if (argc < 2)
    return usage();
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const RuntimeError &error) {
    std::cout.flush();
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
