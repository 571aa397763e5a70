//===- CompileCommand.cpp - kiln compile ----------------------------------===//
//
/// Compiles a model ahead of time for the host CPU and writes one of three
/// artifacts: the LLVM-dialect module the CPU pipeline produces (`mlir`), the
/// LLVM IR after LLVM's O3 pipeline (`llvm`), or a native object file
/// (`obj`). These are the same stages `kiln run` goes through inside the JIT,
/// so an artifact shows exactly what `run` executes. The output is written
/// to a temporary file and renamed into place, so a failed compilation never
/// leaves a partial or clobbered OUT behind.
//
//===----------------------------------------------------------------------===//

#include "frontend/Model.h"
#include "frontend/Support.h"
#include "tools/kiln/Commands.h"

#include "codegen/cpu/CpuExecutable.h"
#include "codegen/cpu/Pipeline.h"
#include "runtime/FileIO.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <optional>

namespace kiln {
namespace {

enum class EmitKind { Mlir, Llvm, Obj };

struct CompileOptions {
  std::string model;
  std::optional<EmitKind> emit;
  std::string output;
  bool printIRAfterAll = false;
  bool timing = false;
};

constexpr const char *kCompileUsage =
    "usage: kiln compile MODEL --emit mlir|llvm|obj -o OUT "
    "[--print-ir-after-all] [--timing]";

CompileOptions parseCompileOptions(const std::vector<std::string> &args) {
  CompileOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &arg = args[i];
    auto value = [&]() -> const std::string & {
      if (i + 1 >= args.size())
        throw RuntimeError("kiln compile: " + arg + " needs a value");
      return args[++i];
    };
    if (arg == "--emit") {
      const std::string &kind = value();
      if (kind == "mlir")
        options.emit = EmitKind::Mlir;
      else if (kind == "llvm")
        options.emit = EmitKind::Llvm;
      else if (kind == "obj")
        options.emit = EmitKind::Obj;
      else
        throw RuntimeError("kiln compile: unknown --emit kind '" + kind +
                           "' (expected mlir, llvm or obj)");
    } else if (arg == "-o") {
      options.output = value();
      // An empty name would only fail later, at the rename, with a less
      // helpful message.
      if (options.output.empty())
        throw RuntimeError("kiln compile: -o needs a non-empty file name");
    } else if (arg == "--print-ir-after-all") {
      options.printIRAfterAll = true;
    } else if (arg == "--timing") {
      options.timing = true;
    } else if (!arg.empty() && arg[0] == '-') {
      throw RuntimeError("kiln compile: unknown option '" + arg + "'\n" +
                         kCompileUsage);
    } else if (options.model.empty()) {
      options.model = arg;
    } else {
      throw RuntimeError("kiln compile: more than one model given ('" +
                         options.model + "' and '" + arg + "')");
    }
  }
  if (options.model.empty())
    throw RuntimeError(std::string("kiln compile: no model given\n") +
                       kCompileUsage);
  if (!options.emit)
    throw RuntimeError(std::string("kiln compile: --emit is required\n") +
                       kCompileUsage);
  if (options.output.empty())
    throw RuntimeError(std::string("kiln compile: -o OUT is required\n") +
                       kCompileUsage);
  return options;
}

/// Runs the CPU pipeline on `module` in place, with the instrumentation the
/// options ask for.
void lowerToLLVMDialect(mlir::ModuleOp module, const CompileOptions &options) {
  mlir::MLIRContext *context = module.getContext();
  mlir::PassManager pm(context);
  if (mlir::failed(buildCpuPipeline(pm)))
    throw RuntimeError("the CPU pipeline does not parse");
  if (options.printIRAfterAll) {
    // Printing the whole module after a function pass needs the passes to
    // run one at a time, or the printer would race with other functions.
    context->disableMultithreading();
    pm.enableIRPrinting(
        /*shouldPrintBeforePass=*/[](mlir::Pass *,
                                     mlir::Operation *) { return false; },
        /*shouldPrintAfterPass=*/
        [](mlir::Pass *, mlir::Operation *) { return true; },
        /*printModuleScope=*/true, /*printAfterOnlyOnChange=*/false);
  }
  if (options.timing)
    pm.enableTiming();
  // A failing pass has already reported its diagnostics with their
  // locations; this message only says which stage stopped.
  if (mlir::failed(pm.run(module)))
    throw RuntimeError("model '" + options.model +
                       "': lowering to the LLVM dialect failed");
}

/// The host's target machine, with the CPU and features LLVM detects so the
/// object file matches what the JIT would generate.
std::unique_ptr<llvm::TargetMachine> createHostTargetMachine() {
  static const bool targetReady = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    return true;
  }();
  (void)targetReady;
  std::string triple = llvm::sys::getProcessTriple();
  std::string message;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, message);
  if (!target)
    throw RuntimeError("no LLVM target for the host triple '" + triple +
                       "': " + message);
  llvm::SubtargetFeatures features;
  for (const auto &[feature, enabled] : llvm::sys::getHostCPUFeatures())
    features.AddFeature(feature, enabled);
  // Position-independent code links into executables and shared libraries
  // alike.
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, llvm::sys::getHostCPUName(), features.getString(),
      llvm::TargetOptions(), llvm::Reloc::PIC_, std::nullopt,
      llvm::CodeGenOptLevel::Aggressive));
  if (!machine)
    throw RuntimeError("cannot create an LLVM target machine for '" + triple +
                       "'");
  return machine;
}

/// Translates the LLVM-dialect module to LLVM IR for `machine` and runs
/// LLVM's O3 pipeline on it, as the JIT does.
std::unique_ptr<llvm::Module>
translateAndOptimize(mlir::ModuleOp module, llvm::LLVMContext &llvmContext,
                     llvm::TargetMachine &machine,
                     const CompileOptions &options) {
  mlir::registerBuiltinDialectTranslation(*module.getContext());
  mlir::registerLLVMDialectTranslation(*module.getContext());
  std::unique_ptr<llvm::Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, llvmContext);
  if (!llvmModule)
    throw RuntimeError("model '" + options.model +
                       "': translation to LLVM IR failed");
  // The optimizer's cost models and the object file need the target's data
  // layout and triple.
  llvmModule->setDataLayout(machine.createDataLayout());
  llvmModule->setTargetTriple(machine.getTargetTriple().str());
  auto optimize = mlir::makeOptimizingTransformer(/*optLevel=*/3,
                                                  /*sizeLevel=*/0, &machine);
  if (llvm::Error error = optimize(llvmModule.get()))
    throw RuntimeError(
        "model '" + options.model +
        "': LLVM optimization failed: " + llvm::toString(std::move(error)));
  return llvmModule;
}

/// Native code for the module, in the host's object file format.
llvm::SmallVector<char, 0> emitObject(llvm::Module &llvmModule,
                                      llvm::TargetMachine &machine) {
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream stream(buffer);
  llvm::legacy::PassManager codegen;
  if (machine.addPassesToEmitFile(codegen, stream, nullptr,
                                  llvm::CodeGenFileType::ObjectFile))
    throw RuntimeError("the LLVM target '" + machine.getTargetTriple().str() +
                       "' cannot emit object files");
  codegen.run(llvmModule);
  return buffer;
}

void writeAtomically(const std::string &path, llvm::StringRef bytes) {
  AtomicFileWriter writer(path);
  writer.write(bytes.data(), bytes.size());
  writer.commit();
}

} // namespace

int compileCommand(const std::vector<std::string> &args) {
  CompileOptions options = parseCompileOptions(args);
  std::shared_ptr<mlir::MLIRContext> context = createFrontendContext();
  mlir::OwningOpRef<mlir::ModuleOp> module =
      parseModel(options.model, *context);
  // Check what `kiln run` checks, so a model that compiles here also runs:
  // one public function whose arguments and results the runtime can hold.
  auto func = getModelFunction(*module);
  if (!func)
    throw RuntimeError("model '" + options.model +
                       "': " + llvm::toString(func.takeError()));
  if (auto signature = getModelSignature(*func); !signature)
    throw RuntimeError("model '" + options.model +
                       "': " + llvm::toString(signature.takeError()));

  lowerToLLVMDialect(*module, options);
  std::string text;
  llvm::raw_string_ostream stream(text);
  if (*options.emit == EmitKind::Mlir) {
    module->print(stream);
    writeAtomically(options.output, stream.str());
    return 0;
  }

  std::unique_ptr<llvm::TargetMachine> machine = createHostTargetMachine();
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateAndOptimize(*module, llvmContext, *machine, options);
  if (*options.emit == EmitKind::Llvm) {
    llvmModule->print(stream, nullptr);
    writeAtomically(options.output, stream.str());
    return 0;
  }
  llvm::SmallVector<char, 0> object = emitObject(*llvmModule, *machine);
  writeAtomically(options.output,
                  llvm::StringRef(object.data(), object.size()));
  return 0;
}

} // namespace kiln
