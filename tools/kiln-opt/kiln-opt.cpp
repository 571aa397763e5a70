//===- kiln-opt.cpp - mlir-opt with the kiln dialect and passes -----------===//
//
/// The driver for lit tests and for inspecting passes: every upstream dialect
/// and pass, plus the kiln dialect and its passes.
//
//===----------------------------------------------------------------------===//

#include "ir/KilnDialect.h"
#include "codegen/cpu/Passes.h"
#include "codegen/cpu/Pipeline.h"
#include "codegen/cuda/Passes.h"
#include "codegen/cuda/Pipeline.h"
#include "codegen/linalg/Passes.h"
#include "passes/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  kiln::registerKilnPasses();
  kiln::registerKilnLinalgPasses();
  kiln::registerKilnCpuPasses();
  kiln::registerCpuPipeline();
  kiln::registerKilnCudaPasses();
  kiln::registerCudaPipeline();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  registry.insert<kiln::KilnDialect>();

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Kiln optimizer driver\n", registry));
}
