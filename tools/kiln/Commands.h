//===- Commands.h - The kiln tool's subcommands -----------------*- C++ -*-===//
//
/// One entry point per `kiln` subcommand; kiln.cpp dispatches on the first
/// argument and turns the RuntimeErrors they throw into one message and
/// exit code 1.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_TOOLS_KILN_COMMANDS_H
#define KILN_TOOLS_KILN_COMMANDS_H

#include <string>
#include <vector>

namespace kiln {

/// `kiln run MODEL [--input NAME=FILE.npy]... [--params FILE.safetensors]
/// [--output-dir DIR]`. Returns the process exit code; throws RuntimeError
/// for bad input.
int runCommand(const std::vector<std::string> &args);

/// `kiln compile MODEL --emit mlir|llvm|obj -o OUT [--print-ir-after-all]
/// [--timing] [--name SYMBOL]`: writes the LLVM-dialect module, the optimized
/// LLVM IR or a host object file whose model function is SYMBOL. Returns the process exit code; throws RuntimeError for
/// bad input.
int compileCommand(const std::vector<std::string> &args);

/// `kiln gradcheck MODEL [--input NAME=FILE.npy]... [--params FILE]
/// [--loss NAME] [--eps E] [--atol A] [--rtol R]`: compares the autodiff
/// gradients of a float64 model's loss with central differences. Returns 0
/// when every parameter passes, 1 otherwise.
int gradcheckCommand(const std::vector<std::string> &args);

/// `kiln train MODEL --data NAME=FILE.npy... --optimizer NAME --epochs N
/// --save OUT.safetensors [...]`: trains the model, one optimizer step per
/// batch; see docs/training.md. Returns the process exit code; throws
/// RuntimeError for bad input or a non-finite loss.
int trainCommand(const std::vector<std::string> &args);

/// `kiln bench MODEL [--input NAME=FILE.npy]... [--params FILE] [--runs N]
/// [--warmup N] [--json] [--optimizer NAME ...]`: prints the compile time and
/// the latency of the model's runs, or of its train step. Returns the process
/// exit code; throws RuntimeError for bad input.
int benchCommand(const std::vector<std::string> &args);

/// `kiln import MODEL.onnx -o MODEL.mlir [--input-shape NAME=D0,D1,...]...`:
/// writes the imported kiln model and, beside it (MODEL.safetensors), the
/// initializers that became parameters.
int importCommand(const std::vector<std::string> &args);

/// `kiln onnx-test DIR... [--expected FILE] [--update-expected] [--jobs N]`:
/// runs ONNX backend tests; returns 1 when a status differs from FILE's.
int onnxTestCommand(const std::vector<std::string> &args);

} // namespace kiln

#endif // KILN_TOOLS_KILN_COMMANDS_H
