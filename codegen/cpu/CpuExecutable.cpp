//===- CpuExecutable.cpp - A kiln model compiled for the CPU --------------===//
//
/// Calls into the JIT-compiled code through the C interface the pipeline
/// requests: each argument and each output is passed as a pointer to a
/// ranked memref descriptor {allocated, aligned, offset, sizes[], strides[]}
/// over the Tensor's own storage, so no data is copied on the way in or out.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/CpuExecutable.h"
#include "codegen/cpu/HostTarget.h"
#include "codegen/cpu/Pipeline.h"
#include "codegen/linalg/IndexChecks.h"
#include "codegen/memory/MemoryPlan.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "runtime/cpu/Kernels.h"
#include "runtime/cpu/MemRefDescriptor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA256.h"

#include <mutex>

#include <unistd.h>

using namespace mlir;

namespace kiln {

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// kiln-plan-memory puts a function's intermediates in a static arena, so two
/// calls into the same code at once would share them.
struct CpuExecutable::NativeCode {
  std::unique_ptr<ExecutionEngine> engine;
  std::mutex callMutex;
  /// The messages of the run-time index checks, by site
  /// (`kiln_cpu.index_checks`), each with "{}" where the index goes.
  std::vector<std::string> indexChecks;
};

CpuExecutable::CpuExecutable(ModelSignature signature,
                             std::shared_ptr<NativeCode> code)
    : Executable(std::move(signature)), code_(std::move(code)),
      residents_(this->signature().arguments.size()) {}

CpuExecutable::~CpuExecutable() = default;

/// The arena (kiln-plan-memory) is a static global that the JIT maps when it
/// loads the code, and LLVM aborts the process when that fails ("Unable to
/// allocate section memory"): an arena larger than the machine's memory is
/// refused before, as PyTorch refuses an allocation it cannot make.
static llvm::Error checkArenaFitsInMemory(ModuleOp lowered,
                                          const ModelSignature &signature) {
  // An llvm.func by now.
  Operation *func = lowered.lookupSymbol(signature.functionName);
  std::optional<MemoryPlanStats> plan =
      func ? readMemoryPlan(func) : std::nullopt;
  if (!plan)
    return llvm::Error::success();
  long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || pageSize <= 0)
    return llvm::Error::success();
  uint64_t memoryBytes = static_cast<uint64_t>(pages) * pageSize;
  if (static_cast<uint64_t>(plan->arenaBytes) <= memoryBytes)
    return llvm::Error::success();
  return makeError("out of memory: '" + signature.functionName +
                   "' needs " + llvm::Twine(plan->arenaBytes) +
                   " bytes for its intermediate tensors, more than the " +
                   llvm::Twine(memoryBytes) + " bytes this machine has");
}

/// Runs the CPU pipeline on a copy of `module` and JIT-compiles the result.
static llvm::Expected<std::unique_ptr<ExecutionEngine>>
createEngine(ModuleOp module, const ModelSignature &signature,
             std::vector<std::string> &indexChecks) {
  OwningOpRef<ModuleOp> lowered(cast<ModuleOp>(module->clone()));
  MLIRContext *context = module.getContext();
  PassManager pm(context);
  buildCpuPipeline(pm);
  // Diagnostics of a failing pass have already been reported through the
  // context's handler; the error only says where it stopped.
  if (failed(pm.run(*lowered)))
    return makeError("compiling '" + signature.functionName +
                     "' for the CPU failed");
  indexChecks = readIndexChecks(*lowered);
  if (llvm::Error error = checkArenaFitsInMemory(*lowered, signature))
    return std::move(error);

  // LLVM's optimizer needs the host's target machine for its cost models:
  // without one the loop vectorizer sees no vector registers.
  auto machine = createHostTargetMachine(HostCodeUse::Jit);
  if (!machine)
    return machine.takeError();
  registerBuiltinDialectTranslation(*context);
  registerLLVMDialectTranslation(*context);

  // The options hold a function_ref: the transformer must outlive create().
  std::function<llvm::Error(llvm::Module *)> optimize =
      makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0,
                                machine->get());
  ExecutionEngineOptions options;
  options.transformer = optimize;
  // MLIR's perf listener writes .debug/jit/.../jit-PID.dump under
  // $JITDUMPDIR, else $TMPDIR or /tmp, on every compile and never removes
  // it: only on request.
  options.enablePerfNotificationListener =
      llvm::StringRef(std::getenv("KILN_PERF_MAP")) == "1";
  // memref.copy of strided views calls into MLIR's C runner utilities.
  static const llvm::StringRef sharedLibraries[] = {KILN_MLIR_C_RUNNER_UTILS};
  options.sharedLibPaths = sharedLibraries;
  auto engine = ExecutionEngine::create(*lowered, options);
  if (!engine)
    return engine.takeError();
  // Library kernels and the async runtime live in this process's runtime,
  // not in a shared library the JIT could search.
  (*engine)->registerSymbols([](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap symbols;
    for (const auto *table :
         {&getKernelSymbols(), &getConvKernelSymbols(),
          &getAsyncRuntimeSymbols(), &getIndexCheckSymbols()})
      for (const auto &[name, address] : *table)
        symbols[interner(name)] = {llvm::orc::ExecutorAddr::fromPtr(address),
                                   llvm::JITSymbolFlags::Exported};
    return symbols;
  });
  return engine;
}

/// The SHA-256 of a module's printed IR: equal for equal models whatever
/// context or process printed them.
static std::string hashModule(ModuleOp module) {
  std::string text;
  llvm::raw_string_ostream stream(text);
  module->print(stream, OpPrintingFlags().printGenericOpForm());
  std::array<uint8_t, 32> digest = llvm::SHA256::hash(llvm::ArrayRef(
      reinterpret_cast<const uint8_t *>(text.data()), text.size()));
  return llvm::toHex(digest);
}

llvm::Expected<std::unique_ptr<CpuExecutable>>
CpuExecutable::compile(ModuleOp module) {
  auto signature = getModelSignature(module);
  if (!signature)
    return signature.takeError();

  // Engines are shared while some executable uses them; the cache holds no
  // engine alive by itself, so none outlives LLVM's own teardown at exit.
  static std::mutex cacheMutex;
  static llvm::StringMap<std::weak_ptr<NativeCode>> cache;
  std::string key = hashModule(module);
  std::lock_guard<std::mutex> lock(cacheMutex);
  std::shared_ptr<NativeCode> code = cache.lookup(key).lock();
  if (!code) {
    std::vector<std::string> indexChecks;
    auto created = createEngine(module, *signature, indexChecks);
    if (!created)
      return created.takeError();
    code = std::make_shared<NativeCode>();
    code->engine = std::move(*created);
    code->indexChecks = std::move(indexChecks);
    cache[key] = code;
  }
  return std::unique_ptr<CpuExecutable>(
      new CpuExecutable(std::move(*signature), std::move(code)));
}

void CpuExecutable::storeResident(size_t argument, const Tensor &value) {
  // A copy, as load_state_dict copies: later writes to `value` do not leak in.
  residents_[argument] = value.clone();
}

Tensor CpuExecutable::loadResident(size_t argument) const {
  return residents_[argument].clone();
}

llvm::Error
CpuExecutable::runChecked(const std::vector<std::optional<Tensor>> &arguments,
                          std::vector<Tensor> &outputs) {
  // Every argument and result as the code takes them: given tensors, the
  // resident values, caller buffers for outputs and the resident values
  // themselves for updates.
  std::vector<std::vector<int64_t>> descriptors;
  for (auto [index, given] : llvm::enumerate(arguments))
    descriptors.push_back(
        makeMemRefDescriptor(given ? *given : residents_[index]));
  auto output = outputs.begin();
  for (size_t result = 0, e = signature().results.size(); result < e; ++result)
    if (std::optional<size_t> updated = getUpdatedArgument(result))
      descriptors.push_back(makeMemRefDescriptor(residents_[*updated]));
    else
      descriptors.push_back(makeMemRefDescriptor(*output++));
  // The C interface takes a pointer to each descriptor; the packed call
  // takes a pointer to each of those pointers.
  std::vector<void *> descriptorPointers, packedArguments;
  for (std::vector<int64_t> &descriptor : descriptors)
    descriptorPointers.push_back(descriptor.data());
  for (void *&pointer : descriptorPointers)
    packedArguments.push_back(&pointer);
  std::lock_guard<std::mutex> lock(code_->callMutex);
  // Indices read from data are checked as the code runs; the first one out
  // of range is reported here, after the call (which went on in bounds).
  // Leaving the scope waits for the call's parallel tasks to leave the
  // compiled code, which the next call or the executable's end may reuse.
  CallScope call;
  if (llvm::Error error = code_->engine->invokePacked(
          "_mlir_ciface_" + signature().functionName, packedArguments))
    return error;
  if (std::optional<IndexError> error = call.error())
    return makeError(formatIndexError(code_->indexChecks, *error));
  return llvm::Error::success();
}

} // namespace kiln
