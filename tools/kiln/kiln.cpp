//===- kiln.cpp - The kiln command-line tool ------------------------------===//
//
/// `kiln <command> ...`: the entry point that dispatches to a subcommand and
/// turns every error into one message on stderr and exit code 1.
//
//===----------------------------------------------------------------------===//

#include "tools/kiln/Commands.h"

#include "runtime/Tensor.h"

#include <filesystem>
#include <iostream>

static constexpr const char *kUsage =
    "usage: kiln <command> [options]\n"
    "commands:\n"
    "  run MODEL [--input NAME=FILE.npy]... [--params FILE.safetensors]\n"
    "            [--output-dir DIR] [--device DEVICE]\n"
    "                                 compile MODEL for DEVICE (cpu unless\n"
    "                                 given) and run it\n"
    "  compile MODEL [--emit mlir|llvm|obj -o OUT] [--stats]\n"
    "          [--print-ir-after-all] [--timing] [--name SYMBOL]\n"
    "          [--input-shape NAME=D0,D1,...]... [--input NAME=FILE.npy]...\n"
    "          [--device cpu]\n"
    "                                 compile MODEL ahead of time (obj also\n"
    "                                 writes OUT's .h to call it from C++;\n"
    "                                 SYMBOL names it, kiln_<model> unless\n"
    "                                 given; --stats prints kernels and\n"
    "                                 memory)\n"
    "  gradcheck MODEL [--input NAME=FILE.npy]... [--params FILE]\n"
    "            [--loss NAME] [--eps E] [--atol A] [--rtol R]\n"
    "                                 check a float64 model's gradients\n"
    "                                 against central differences\n"
    "  train MODEL --data NAME=FILE.npy... --optimizer NAME --epochs N\n"
    "        --save OUT.safetensors [--loss KIND:OUTPUT,TARGET]\n"
    "        [--device DEVICE] [...]\n"
    "                                 train MODEL (kiln train --help lists\n"
    "                                 every option)\n"
    "  bench MODEL [--input NAME=FILE.npy]... [--params FILE] [--runs N]\n"
    "        [--warmup N] [--json] [--device DEVICE]\n"
    "        [--optimizer NAME [--loss KIND:OUTPUT,TARGET] [...]]\n"
    "                                 time MODEL's compile and runs, or with\n"
    "                                 --optimizer its train step\n"
    "  import MODEL.onnx -o OUT.mlir [--input-shape NAME=D0,D1,...]\n"
    "                                 import an ONNX model (its initializers\n"
    "                                 go to OUT.safetensors)\n"
    "  onnx-test DIR... [--expected FILE] [--update-expected] [--jobs N]\n"
    "                                 run ONNX backend tests\n"
    "MODEL is a kiln model (.mlir) or an ONNX model (.onnx).\n";

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 1 : 0;
  }
  std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "run")
      return kiln::runCommand(args);
    if (command == "compile")
      return kiln::compileCommand(args);
    if (command == "bench")
      return kiln::benchCommand(args);
    if (command == "train")
      return kiln::trainCommand(args);
    if (command == "gradcheck")
      return kiln::gradcheckCommand(args);
    if (command == "import")
      return kiln::importCommand(args);
    if (command == "onnx-test")
      return kiln::onnxTestCommand(args);
    std::cerr << "kiln: unknown command '" << command << "'\n" << kUsage;
    return 1;
  } catch (const kiln::RuntimeError &error) {
    std::cerr << "kiln: error: " << error.what() << "\n";
  } catch (const std::filesystem::filesystem_error &error) {
    std::cerr << "kiln: error: " << error.what() << "\n";
  } catch (const std::exception &error) {
    // Anything else (std::bad_alloc, a library's own exception) is still one
    // message and exit code 1 rather than std::terminate's abort.
    std::cerr << "kiln: internal error: " << error.what() << "\n";
  }
  return 1;
}
