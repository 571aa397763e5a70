//===- Aot.h - Ahead-of-time compilation for the host CPU -------*- C++ -*-===//
//
/// The stages `kiln compile` runs after the CPU pipeline, as a library: the
/// model function's C symbol, the LLVM IR after LLVM's O3 pipeline, the
/// native object file and the C++ header that describes it. A program links
/// the object with KilnRuntime alone: no LLVM, no MLIR, no JIT.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CPU_AOT_H
#define KILN_CODEGEN_CPU_AOT_H

#include "codegen/cpu/CpuExecutable.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace kiln {

/// The symbol a compiled model gets unless one is chosen: `kiln_` and the
/// model function's name, each run of characters a C identifier cannot hold
/// (and each run of underscores, which C++ reserves in pairs) turned into one
/// `_`. The prefix keeps it clear of every C and C++ runtime symbol: an ONNX
/// model exported by PyTorch is named `main`, which would clash with the
/// linking program's own.
std::string getDefaultAotSymbol(llvm::StringRef functionName);

/// Succeeds if `symbol` can name a compiled model in a program that links it:
/// a C identifier that is no C or C++ keyword, no identifier reserved to the
/// implementation, not `main`, and no symbol of the C and C++ runtime
/// libraries or of KilnRuntime.
llvm::Error checkAotSymbol(llvm::StringRef symbol);

/// Renames the model function `func` of `module` to `symbol`, with every use.
/// The generated code then exports `symbol` and `_mlir_ciface_<symbol>`.
llvm::Error renameModelFunction(mlir::ModuleOp module, mlir::func::FuncOp func,
                                llvm::StringRef symbol);

/// Translates an LLVM-dialect module (the CPU pipeline's output) to LLVM IR
/// for `machine` and runs LLVM's O3 pipeline on it, as the JIT does.
llvm::Expected<std::unique_ptr<llvm::Module>>
translateToOptimizedLLVMIR(mlir::ModuleOp module, llvm::LLVMContext &context,
                           llvm::TargetMachine &machine);

/// Native code for `module`, in `machine`'s object file format.
llvm::Expected<llvm::SmallVector<char, 0>>
emitObjectFile(llvm::Module &module, llvm::TargetMachine &machine);

/// The C++ header of an object file that exports `symbol`, the model of
/// `signature` compiled from `modelPath`: the C interface and an inline
/// wrapper `kiln::aot::<symbol>` that checks the arguments, allocates the
/// outputs, calls the model on kiln::Tensors and raises the first index
/// error of the call with its site's message from `indexChecks`
/// (readIndexChecks of the lowered module).
std::string generateAotHeader(const ModelSignature &signature,
                              const std::vector<std::string> &indexChecks,
                              llvm::StringRef symbol, llvm::StringRef modelPath,
                              llvm::StringRef objectName);

} // namespace kiln

#endif // KILN_CODEGEN_CPU_AOT_H
