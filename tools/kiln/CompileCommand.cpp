//===- CompileCommand.cpp - kiln compile ----------------------------------===//
//
/// Compiles a model ahead of time for the host CPU and writes one of three
/// artifacts: the LLVM-dialect module the CPU pipeline produces (`mlir`), the
/// LLVM IR after LLVM's O3 pipeline (`llvm`), or a native object file
/// (`obj`). These are the same stages `kiln run` goes through inside the JIT,
/// so an artifact shows exactly what `run` executes. The output is written
/// to a temporary file and renamed into place, so a failed compilation never
/// leaves a partial or clobbered OUT behind.
///
/// With `obj`, a C++ header is written next to the object (OUT with its
/// extension replaced by `.h`; codegen/cpu/Aot.h), so a program links the
/// object with the thin runtime (KilnRuntime) alone: no LLVM, no MLIR, no
/// JIT. The model function is exported as `--name SYMBOL`, by default `kiln_`
/// and its name, so that a model named `main` (as PyTorch names every ONNX
/// export) does not clash with the program's entry point.
///
/// An ONNX model takes the shapes of its symbolic inputs from
/// `--input-shape` and the values of inputs its shapes are computed from
/// from `--input` (OnnxImportOptions).
///
/// With `--device cuda`, `--emit cuda` writes the model's CUDA C instead
/// (codegen/cuda/CompileCuda.h): the program a GPU compiles with NVRTC and
/// the cuda-emulator device with the host's compiler, made offline.
///
/// `--stats` prints what the model compiles to, with or without an artifact:
/// the kernel count and the memory plan that `kiln-plan-memory` recorded on
/// the model function (codegen/memory/MemoryPlan.h).
//
//===----------------------------------------------------------------------===//

#include "frontend/Model.h"
#include "frontend/Support.h"
#include "tools/kiln/CommandLine.h"
#include "tools/kiln/Commands.h"
#include "tools/kiln/ModelIO.h"

#include "codegen/cpu/Aot.h"
#include "codegen/cpu/HostTarget.h"
#include "codegen/cpu/Pipeline.h"
#include "codegen/cuda/CompileCuda.h"
#include "codegen/device/Device.h"
#include "codegen/linalg/IndexChecks.h"
#include "codegen/memory/MemoryPlan.h"
#include "runtime/FileIO.h"
#include "runtime/Npy.h"

#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <iostream>
#include <optional>

namespace kiln {
namespace {

enum class EmitKind { Mlir, Llvm, Obj, Cuda };

/// The device `--device` names that compiles only ahead of time, here.
constexpr const char *kCudaDevice = "cuda";

struct CompileOptions {
  std::string model;
  std::optional<EmitKind> emit;
  std::string output;
  bool stats = false;
  bool printIRAfterAll = false;
  bool timing = false;
  /// `--device`: a device this build runs models on, or kCudaDevice.
  std::string device = kDefaultDevice;
  /// The model function's symbol in every artifact (`--name`).
  std::string symbol;
  /// For an ONNX model: the shapes of symbolic inputs (`--input-shape`) and
  /// the values of inputs its shapes are computed from (`--input`).
  OnnxImportOptions onnx;
};

constexpr const char *kCompileUsage =
    "usage: kiln compile MODEL [--emit mlir|llvm|obj -o OUT] [--stats] "
    "[--print-ir-after-all] [--timing] [--name SYMBOL] "
    "[--input-shape NAME=D0,D1,...]... [--input NAME=FILE.npy]... "
    "[--device cpu]\n"
    "       kiln compile MODEL --device cuda --emit cuda -o OUT.cu";

CompileOptions parseCompileOptions(const std::vector<std::string> &args) {
  CompileOptions options;
  for (ArgumentReader reader("compile", args); reader.next();) {
    const std::string &arg = reader.current();
    if (arg == "--emit") {
      const std::string &kind = reader.value();
      if (kind == "mlir")
        options.emit = EmitKind::Mlir;
      else if (kind == "llvm")
        options.emit = EmitKind::Llvm;
      else if (kind == "obj")
        options.emit = EmitKind::Obj;
      else if (kind == "cuda")
        options.emit = EmitKind::Cuda;
      else
        throw RuntimeError("kiln compile: unknown --emit kind '" + kind +
                           "' (expected mlir, llvm, obj or cuda)");
    } else if (arg == "-o") {
      options.output = reader.value();
      // An empty name would only fail later, at the rename, with a less
      // helpful message.
      if (options.output.empty())
        throw RuntimeError("kiln compile: -o needs a non-empty file name");
    } else if (arg == "--stats") {
      options.stats = true;
    } else if (arg == "--print-ir-after-all") {
      options.printIRAfterAll = true;
    } else if (arg == "--timing") {
      options.timing = true;
    } else if (arg == "--device") {
      // Ahead of time: the CPU's artifacts, or with cuda the CUDA C a GPU
      // compiles (offline: no GPU needed); another device is refused rather
      // than compiled for the CPU.
      options.device = reader.value();
      if (options.device != kCudaDevice) {
        if (llvm::Error error = checkDevice(options.device))
          throw RuntimeError("kiln compile: --device: " +
                             llvm::toString(std::move(error)));
        if (options.device != kDefaultDevice)
          throw RuntimeError("kiln compile: --device " + options.device +
                             ": ahead-of-time compilation is for cpu and "
                             "cuda");
      }
    } else if (arg == "--name") {
      options.symbol = reader.value();
      if (llvm::Error error = checkAotSymbol(options.symbol))
        throw RuntimeError("kiln compile: --name: " +
                           llvm::toString(std::move(error)));
    } else if (arg == "--input-shape") {
      options.onnx.inputShapes.insert(
          parseInputShape("compile", reader.value()));
    } else if (arg == "--input") {
      auto [name, file] = reader.binding();
      options.onnx.givenInputs[name] = readNpy(file);
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
  if (!options.emit && !options.output.empty())
    throw RuntimeError("kiln compile: -o " + options.output +
                       " needs --emit to say what to write");
  if (!options.emit && !options.stats)
    throw RuntimeError(
        std::string("kiln compile: --emit or --stats is required\n") +
        kCompileUsage);
  if (options.emit && options.output.empty())
    throw RuntimeError(std::string("kiln compile: -o OUT is required\n") +
                       kCompileUsage);
  bool cuda = options.device == kCudaDevice;
  if (cuda != (options.emit == EmitKind::Cuda))
    throw RuntimeError(cuda ? "kiln compile: --device cuda writes only "
                              "--emit cuda"
                            : "kiln compile: --emit cuda needs --device cuda");
  return options;
}

/// Runs the CPU pipeline on `module` in place, with the instrumentation the
/// options ask for.
void lowerToLLVMDialect(mlir::ModuleOp module, const CompileOptions &options) {
  mlir::MLIRContext *context = module.getContext();
  mlir::PassManager pm(context);
  buildCpuPipeline(pm);
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

/// Prints the kernel count and memory plan of the lowered model function, one
/// `name: value` line each, for people and scripts.
void printStats(mlir::ModuleOp module, const CompileOptions &options) {
  mlir::Operation *func = module.lookupSymbol(options.symbol);
  std::optional<MemoryPlanStats> plan =
      func ? readMemoryPlan(func) : std::nullopt;
  if (!plan)
    throw RuntimeError("model '" + options.model +
                       "': the CPU pipeline recorded no memory plan for '" +
                       options.symbol + "'");
  std::cout << "kernels: " << plan->kernels << "\n"
            << "arena buffers: " << plan->arenaBuffers << "\n"
            << "heap buffers: " << plan->heapBuffers << "\n"
            << "arena bytes: " << plan->arenaBytes << "\n"
            << "peak live bytes: " << plan->peakBytes << "\n"
            << "intermediate bytes: " << plan->intermediateBytes << "\n";
}

void writeAtomically(const std::string &path, llvm::StringRef bytes) {
  AtomicFileWriter writer(path);
  writer.write(bytes.data(), bytes.size());
  writer.commit();
}

/// `path` with its extension (if any) replaced by `.h`; `dir/model.o` ->
/// `dir/model.h`.
std::string getHeaderPath(const std::string &path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  size_t nameStart = slash == std::string::npos ? 0 : slash + 1;
  // A leading dot names a hidden file rather than starting an extension.
  if (dot == std::string::npos || dot <= nameStart)
    return path + ".h";
  return path.substr(0, dot) + ".h";
}

} // namespace

int compileCommand(const std::vector<std::string> &args) {
  CompileOptions options = parseCompileOptions(args);
  std::shared_ptr<mlir::MLIRContext> context = createFrontendContext();
  mlir::OwningOpRef<mlir::ModuleOp> module =
      readModelFile(options.model, *context, options.onnx).module;
  // Check what `kiln run` checks, so a model that compiles here also runs:
  // one public function whose arguments and results the runtime can hold.
  auto func = getModelFunction(*module);
  if (!func)
    throw RuntimeError("model '" + options.model +
                       "': " + llvm::toString(func.takeError()));
  auto signature = getModelSignature(*func);
  if (!signature)
    throw RuntimeError("model '" + options.model +
                       "': " + llvm::toString(signature.takeError()));
  if (options.emit == EmitKind::Cuda) {
    auto program = cuda::compileCudaProgram(*module);
    if (!program)
      throw RuntimeError("model '" + options.model +
                         "': " + llvm::toString(program.takeError()));
    writeAtomically(options.output, program->source.source);
    return 0;
  }
  // The symbol is checked and given before the slow stages, so every
  // artifact names the same function and a bad name fails at once.
  if (options.symbol.empty()) {
    options.symbol = getDefaultAotSymbol(signature->functionName);
    if (llvm::Error error = checkAotSymbol(options.symbol))
      throw RuntimeError("model '" + options.model +
                         "': the default " + llvm::toString(std::move(error)) +
                         "; choose one with --name");
  }
  if (llvm::Error error = renameModelFunction(*module, *func, options.symbol))
    throw RuntimeError("model '" + options.model +
                       "': " + llvm::toString(std::move(error)));
  std::string headerPath;
  if (options.emit == EmitKind::Obj) {
    headerPath = getHeaderPath(options.output);
    if (headerPath == options.output)
      throw RuntimeError("kiln compile: -o " + options.output +
                         " would be overwritten by the generated header; "
                         "name the object file differently");
  }

  lowerToLLVMDialect(*module, options);
  if (options.stats)
    printStats(*module, options);
  if (!options.emit)
    return 0;
  std::string text;
  llvm::raw_string_ostream stream(text);
  if (*options.emit == EmitKind::Mlir) {
    module->print(stream);
    writeAtomically(options.output, stream.str());
    return 0;
  }

  auto machine = createHostTargetMachine(HostCodeUse::ObjectFile);
  if (!machine)
    throw RuntimeError(llvm::toString(machine.takeError()));
  llvm::LLVMContext llvmContext;
  auto llvmModule =
      translateToOptimizedLLVMIR(*module, llvmContext, **machine);
  if (!llvmModule)
    throw RuntimeError("model '" + options.model +
                       "': " + llvm::toString(llvmModule.takeError()));
  if (*options.emit == EmitKind::Llvm) {
    (*llvmModule)->print(stream, nullptr);
    writeAtomically(options.output, stream.str());
    return 0;
  }
  auto object = emitObjectFile(**llvmModule, **machine);
  if (!object)
    throw RuntimeError(llvm::toString(object.takeError()));
  std::string header =
      generateAotHeader(*signature, readIndexChecks(*module), options.symbol,
                        options.model,
                        llvm::sys::path::filename(options.output));
  // Both files are written in full before either is renamed into place, so
  // an I/O failure leaves neither a new object beside a stale header nor the
  // reverse (short of the second rename itself failing).
  AtomicFileWriter objectWriter(options.output);
  objectWriter.write(object->data(), object->size());
  AtomicFileWriter headerWriter(headerPath);
  headerWriter.write(header.data(), header.size());
  headerWriter.commit();
  objectWriter.commit();
  return 0;
}

} // namespace kiln
