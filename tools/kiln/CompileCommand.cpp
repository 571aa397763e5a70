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
/// extension replaced by `.h`). It declares the object's C interface and an
/// inline wrapper that checks the arguments, allocates the outputs and calls
/// the model on kiln::Tensors, so a program links the object with the thin
/// runtime (KilnRuntime) alone: no LLVM, no MLIR, no JIT.
///
/// `--stats` prints what the model compiles to, with or without an artifact:
/// the kernel count and the memory plan that `kiln-plan-memory` recorded on
/// the model function (codegen/cpu/PlanMemory.h).
//
//===----------------------------------------------------------------------===//

#include "frontend/Model.h"
#include "frontend/Support.h"
#include "tools/kiln/CommandLine.h"
#include "tools/kiln/Commands.h"
#include "tools/kiln/ModelIO.h"

#include "codegen/cpu/CpuExecutable.h"
#include "codegen/cpu/HostTarget.h"
#include "codegen/cpu/Pipeline.h"
#include "codegen/cpu/PlanMemory.h"
#include "runtime/FileIO.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

#include <cctype>
#include <iostream>
#include <optional>
#include <sstream>

namespace kiln {
namespace {

enum class EmitKind { Mlir, Llvm, Obj };

struct CompileOptions {
  std::string model;
  std::optional<EmitKind> emit;
  std::string output;
  bool stats = false;
  bool printIRAfterAll = false;
  bool timing = false;
};

constexpr const char *kCompileUsage =
    "usage: kiln compile MODEL [--emit mlir|llvm|obj -o OUT] [--stats] "
    "[--print-ir-after-all] [--timing]";

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
      else
        throw RuntimeError("kiln compile: unknown --emit kind '" + kind +
                           "' (expected mlir, llvm or obj)");
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

/// Prints the kernel count and memory plan of the lowered model function, one
/// `name: value` line each, for people and scripts.
void printStats(mlir::ModuleOp module, const ModelSignature &signature,
                const CompileOptions &options) {
  mlir::Operation *func = module.lookupSymbol(signature.functionName);
  std::optional<MemoryPlanStats> plan =
      func ? readMemoryPlan(func) : std::nullopt;
  if (!plan)
    throw RuntimeError("model '" + options.model +
                       "': the CPU pipeline recorded no memory plan for '" +
                       signature.functionName + "'");
  std::cout << "kernels: " << plan->kernels << "\n"
            << "arena buffers: " << plan->arenaBuffers << "\n"
            << "heap buffers: " << plan->heapBuffers << "\n"
            << "arena bytes: " << plan->arenaBytes << "\n"
            << "peak live bytes: " << plan->peakBytes << "\n"
            << "intermediate bytes: " << plan->intermediateBytes << "\n";
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

/// The generated code spells the function's name as a C++ identifier, in
/// the wrapper's name and in `_mlir_ciface_<name>`.
bool isCIdentifier(const std::string &name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])))
    return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
      return false;
  return true;
}

const char *getDTypeEnumerator(DType dtype) {
  switch (dtype) {
  case DType::Float32:
    return "Float32";
  case DType::Float64:
    return "Float64";
  case DType::Int64:
    return "Int64";
  case DType::Int32:
    return "Int32";
  case DType::UInt8:
    return "UInt8";
  case DType::Bool:
    return "Bool";
  }
  return "Float32";
}

/// `{1, 2}`: a shape as a C++ initializer list.
std::string formatShapeInitializer(const std::vector<int64_t> &shape) {
  std::string text = "{";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "}";
}

/// A C++ string literal for a name the model format allows (any string).
std::string quote(const std::string &text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      quoted += '\\';
    if (c == '\n') {
      quoted += "\\n";
      continue;
    }
    quoted += c;
  }
  return quoted + "\"";
}

const char *getRoleName(TensorSpec::Role role) {
  switch (role) {
  case TensorSpec::Role::Input:
    return "input";
  case TensorSpec::Role::Param:
    return "param";
  case TensorSpec::Role::State:
    return "state";
  case TensorSpec::Role::Output:
    return "output";
  case TensorSpec::Role::Update:
    return "update";
  }
  return "input";
}

/// The C++ header for the object file of `signature`'s model.
std::string generateHeader(const ModelSignature &signature,
                           const std::string &modelPath,
                           const std::string &objectPath) {
  const std::string &fn = signature.functionName;
  std::string guard = "KILN_AOT_" + fn + "_H";
  for (char &c : guard)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  size_t slash = objectPath.find_last_of('/');
  std::string objectName =
      slash == std::string::npos ? objectPath : objectPath.substr(slash + 1);

  std::ostringstream os;
  os << "//===- Generated by `kiln compile --emit obj`; do not edit. "
        "------------===//\n"
     << "//\n"
     << "/// The C++ interface of " << objectName << ", model '" << fn
     << "' compiled from\n/// " << modelPath << ".\n"
     << "/// Link the object with KilnRuntime (no LLVM or MLIR needed) and "
        "call\n/// kiln::aot::"
     << fn << "(arguments), which checks each argument's dtype and\n"
     << "/// shape, allocates the outputs and runs the compiled code.\n"
     << "//\n"
     << "//===-------------------------------------------------------------"
        "---------===//\n\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include \"runtime/MemRefDescriptor.h\"\n"
     << "#include \"runtime/Tensor.h\"\n\n"
     << "#include <array>\n#include <cstdint>\n#include <mutex>\n"
     << "#include <string>\n#include <vector>\n\n";

  // The C interface: one pointer to a ranked memref descriptor per argument,
  // then one per output, which the caller allocates.
  size_t count = signature.arguments.size() + signature.results.size();
  os << "extern \"C\" void _mlir_ciface_" << fn << "(";
  for (size_t i = 0; i < count; ++i)
    os << (i ? ", " : "") << "void *";
  os << ");\n\n";

  // Helpers shared by every generated header; the guard lets a program
  // include the headers of several models in one translation unit.
  os << R"(#ifndef KILN_AOT_SUPPORT_DEFINED
#define KILN_AOT_SUPPORT_DEFINED
namespace kiln {
namespace aot {
namespace detail {

inline void checkArgument(const char *model, const char *name,
                          const kiln::Tensor &tensor, kiln::DType dtype,
                          const std::vector<int64_t> &shape) {
  if (tensor.dtype() != dtype || tensor.shape() != shape)
    throw kiln::RuntimeError(std::string(model) + ": argument '" + name +
                             "' must be " + kiln::getDTypeName(dtype) + " " +
                             kiln::formatShape(shape) + ", got " +
                             tensor.describe());
}

} // namespace detail
} // namespace aot
} // namespace kiln
#endif // KILN_AOT_SUPPORT_DEFINED

)";

  os << "namespace kiln {\nnamespace aot {\n\n";
  auto writeNames = [&](const char *suffix,
                        const std::vector<TensorSpec> &specs) {
    os << "/// The names of " << fn << "'s " << suffix << ", in order.\n"
       << "inline constexpr std::array<const char *, " << specs.size() << "> "
       << fn << "_" << suffix << " = {";
    for (size_t i = 0; i < specs.size(); ++i)
      os << (i ? ", " : "") << quote(specs[i].name);
    os << "};\n\n";
  };
  writeNames("arguments", signature.arguments);
  writeNames("outputs", signature.results);

  os << "/// Runs " << fn << " on one tensor per argument, in order:\n";
  if (signature.arguments.empty())
    os << "///   (none)\n";
  for (const TensorSpec &spec : signature.arguments)
    os << "///   " << spec.name << ": " << getRoleName(spec.role) << ", "
       << getDTypeName(spec.dtype) << " " << formatShape(spec.shape) << "\n";
  os << "/// and returns the outputs, in order:\n";
  for (const TensorSpec &spec : signature.results)
    os << "///   " << spec.name << ": " << getDTypeName(spec.dtype) << " "
       << formatShape(spec.shape) << "\n";
  os << "/// Throws kiln::RuntimeError naming the first argument whose dtype "
        "or "
        "shape\n/// differs.\n";
  os << "inline std::vector<kiln::Tensor>\n"
     << fn << "(const std::vector<kiln::Tensor> &arguments) {\n"
     << "  if (arguments.size() != " << signature.arguments.size() << ")\n"
     << "    throw kiln::RuntimeError(\"" << fn << ": takes "
     << signature.arguments.size()
     << " arguments, got \" +\n"
        "                             std::to_string(arguments.size()));\n";
  for (size_t i = 0; i < signature.arguments.size(); ++i) {
    const TensorSpec &spec = signature.arguments[i];
    os << "  detail::checkArgument(\"" << fn << "\", " << quote(spec.name)
       << ", arguments[" << i
       << "], kiln::DType::" << getDTypeEnumerator(spec.dtype) << ", "
       << formatShapeInitializer(spec.shape) << ");\n";
  }
  os << "  std::vector<kiln::Tensor> outputs;\n";
  for (const TensorSpec &spec : signature.results)
    os << "  outputs.push_back(kiln::Tensor::zeros(kiln::DType::"
       << getDTypeEnumerator(spec.dtype) << ", "
       << formatShapeInitializer(spec.shape) << "));\n";
  os << "  std::vector<std::vector<int64_t>> descriptors;\n"
     << "  for (const kiln::Tensor &tensor : arguments)\n"
     << "    descriptors.push_back(kiln::makeMemRefDescriptor(tensor));\n"
     << "  for (const kiln::Tensor &tensor : outputs)\n"
     << "    descriptors.push_back(kiln::makeMemRefDescriptor(tensor));\n"
     << "  // The object keeps the model's intermediates in one static arena: "
        "calls\n  // run one at a time.\n"
     << "  static std::mutex callMutex;\n"
     << "  std::lock_guard<std::mutex> lock(callMutex);\n"
     << "  _mlir_ciface_" << fn << "(";
  for (size_t i = 0; i < count; ++i)
    os << (i ? ", " : "") << "descriptors[" << i << "].data()";
  os << ");\n  return outputs;\n}\n\n"
     << "} // namespace aot\n} // namespace kiln\n\n"
     << "#endif // " << guard << "\n";
  return os.str();
}

} // namespace

int compileCommand(const std::vector<std::string> &args) {
  CompileOptions options = parseCompileOptions(args);
  std::shared_ptr<mlir::MLIRContext> context = createFrontendContext();
  mlir::OwningOpRef<mlir::ModuleOp> module =
      readModelFile(options.model, *context).module;
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
  // Checked before the slow stages, so a model the header cannot describe
  // fails at once.
  std::string headerPath;
  if (options.emit == EmitKind::Obj) {
    if (!isCIdentifier(signature->functionName))
      throw RuntimeError("model '" + options.model + "': function name '" +
                         signature->functionName +
                         "' is not a C identifier, which --emit obj needs "
                         "for the header");
    headerPath = getHeaderPath(options.output);
    if (headerPath == options.output)
      throw RuntimeError("kiln compile: -o " + options.output +
                         " would be overwritten by the generated header; "
                         "name the object file differently");
  }

  lowerToLLVMDialect(*module, options);
  if (options.stats)
    printStats(*module, *signature, options);
  if (!options.emit)
    return 0;
  std::string text;
  llvm::raw_string_ostream stream(text);
  if (*options.emit == EmitKind::Mlir) {
    module->print(stream);
    writeAtomically(options.output, stream.str());
    return 0;
  }

  auto machine = createHostTargetMachine();
  if (!machine)
    throw RuntimeError(llvm::toString(machine.takeError()));
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateAndOptimize(*module, llvmContext, **machine, options);
  if (*options.emit == EmitKind::Llvm) {
    llvmModule->print(stream, nullptr);
    writeAtomically(options.output, stream.str());
    return 0;
  }
  llvm::SmallVector<char, 0> object = emitObject(*llvmModule, **machine);
  std::string header =
      generateHeader(*signature, options.model, options.output);
  // Both files are written in full before either is renamed into place, so
  // an I/O failure leaves neither a new object beside a stale header nor the
  // reverse (short of the second rename itself failing).
  AtomicFileWriter objectWriter(options.output);
  objectWriter.write(object.data(), object.size());
  AtomicFileWriter headerWriter(headerPath);
  headerWriter.write(header.data(), header.size());
  headerWriter.commit();
  objectWriter.commit();
  return 0;
}

} // namespace kiln
