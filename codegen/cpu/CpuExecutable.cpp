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

#include "ir/ModelFormat.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "runtime/Kernels.h"
#include "runtime/MemRefDescriptor.h"
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

std::optional<DType> getRuntimeDType(Type element) {
  if (element.isF32())
    return DType::Float32;
  if (element.isF64())
    return DType::Float64;
  if (element.isUnsignedInteger(64))
    return DType::UInt64;
  if (element.isUnsignedInteger(32))
    return DType::UInt32;
  if (element.isUnsignedInteger(16))
    return DType::UInt16;
  if (element.isUnsignedInteger(8))
    return DType::UInt8;
  if (element.isInteger(64))
    return DType::Int64;
  if (element.isInteger(32))
    return DType::Int32;
  if (element.isInteger(16))
    return DType::Int16;
  if (element.isInteger(8))
    return DType::Int8;
  if (element.isInteger(1))
    return DType::Bool;
  return std::nullopt;
}

static llvm::Expected<TensorSpec> getSpec(Type type, TensorSpec::Role role,
                                          std::string name) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  std::optional<DType> dtype =
      tensor ? getRuntimeDType(tensor.getElementType()) : std::nullopt;
  if (!dtype || !tensor.hasStaticShape()) {
    std::string typeText;
    llvm::raw_string_ostream(typeText) << type;
    return makeError("'" + name + "' has type " + typeText +
                     ", which is not a statically shaped tensor of a "
                     "supported dtype");
  }
  return TensorSpec{
      role, std::move(name), *dtype,
      std::vector<int64_t>(tensor.getShape().begin(), tensor.getShape().end())};
}

llvm::Expected<func::FuncOp> getModelFunction(ModuleOp module) {
  SmallVector<func::FuncOp> candidates;
  for (auto func : module.getOps<func::FuncOp>())
    if (func.isPublic() && !func.isExternal())
      candidates.push_back(func);
  if (candidates.size() != 1)
    return makeError("a model has exactly one public function, found " +
                     llvm::Twine(candidates.size()));
  return candidates.front();
}

llvm::Expected<ModelSignature> getModelSignature(func::FuncOp func) {
  ModelSignature signature;
  signature.functionName = func.getSymName().str();
  if (auto seed = func->getAttrOfType<IntegerAttr>(kSeedAttr))
    signature.seed = seed.getInt();
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
    TensorSpec::Role role = TensorSpec::Role::Input;
    std::string name = "arg" + std::to_string(i);
    for (auto [key, keyRole] :
         {std::pair{kInputAttr, TensorSpec::Role::Input},
          std::pair{kParamAttr, TensorSpec::Role::Param},
          std::pair{kStateAttr, TensorSpec::Role::State}})
      if (auto attr = func.getArgAttrOfType<StringAttr>(i, key)) {
        role = keyRole;
        name = attr.str();
      }
    auto spec = getSpec(func.getArgumentTypes()[i], role, name);
    if (!spec)
      return spec.takeError();
    if (auto init = func.getArgAttrOfType<StringAttr>(i, kInitAttr))
      spec->init = init.str();
    if (auto fanIn = func.getArgAttrOfType<IntegerAttr>(i, kFanInAttr))
      spec->fanIn = fanIn.getInt();
    if (auto initValue = func.getArgAttrOfType<FloatAttr>(i, kInitValueAttr))
      spec->initValue = initValue.getValueAsDouble();
    signature.arguments.push_back(std::move(*spec));
  }
  for (unsigned i = 0, e = func.getNumResults(); i < e; ++i) {
    auto output = func.getResultAttrOfType<StringAttr>(i, kOutputAttr);
    auto update = func.getResultAttrOfType<StringAttr>(i, kUpdateAttr);
    auto spec = getSpec(func.getResultTypes()[i],
                        update ? TensorSpec::Role::Update
                               : TensorSpec::Role::Output,
                        update   ? update.str()
                        : output ? output.str()
                                 : "output" + std::to_string(i));
    if (!spec)
      return spec.takeError();
    signature.results.push_back(std::move(*spec));
  }
  return signature;
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
    : signature_(std::move(signature)), code_(std::move(code)) {}

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
  auto machine = createHostTargetMachine();
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
  auto func = getModelFunction(module);
  if (!func)
    return func.takeError();
  auto signature = getModelSignature(*func);
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

llvm::Expected<std::vector<Tensor>>
CpuExecutable::run(const std::vector<Tensor> &arguments) {
  std::vector<Tensor> outputs;
  for (const TensorSpec &spec : signature_.results)
    outputs.push_back(Tensor::zeros(spec.dtype, spec.shape));
  if (llvm::Error error = runInto(arguments, outputs))
    return std::move(error);
  return outputs;
}

llvm::Error CpuExecutable::runInto(const std::vector<Tensor> &arguments,
                                   std::vector<Tensor> &outputs) {
  if (arguments.size() != signature_.arguments.size())
    return makeError("'" + signature_.functionName + "' takes " +
                     llvm::Twine(signature_.arguments.size()) +
                     " arguments, got " + llvm::Twine(arguments.size()));
  for (auto [spec, tensor] : llvm::zip_equal(signature_.arguments, arguments))
    if (tensor.dtype() != spec.dtype || tensor.shape() != spec.shape)
      return makeError("argument '" + spec.name + "' must be " +
                       getDTypeName(spec.dtype) + " " +
                       formatShape(spec.shape) + ", got " + tensor.describe());
  if (outputs.size() != signature_.results.size())
    return makeError("'" + signature_.functionName + "' has " +
                     llvm::Twine(signature_.results.size()) +
                     " results, got " + llvm::Twine(outputs.size()) +
                     " result tensors");
  for (auto [spec, tensor] : llvm::zip_equal(signature_.results, outputs))
    if (tensor.dtype() != spec.dtype || tensor.shape() != spec.shape)
      return makeError("result '" + spec.name + "' must be " +
                       getDTypeName(spec.dtype) + " " +
                       formatShape(spec.shape) + ", got " + tensor.describe());

  std::vector<std::vector<int64_t>> descriptors;
  for (const Tensor &tensor : arguments)
    descriptors.push_back(makeMemRefDescriptor(tensor));
  for (const Tensor &tensor : outputs)
    descriptors.push_back(makeMemRefDescriptor(tensor));
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
  IndexErrorScope indexErrors;
  if (llvm::Error error = code_->engine->invokePacked(
          "_mlir_ciface_" + signature_.functionName, packedArguments))
    return error;
  if (std::optional<IndexError> error = indexErrors.error())
    return makeError(formatIndexError(code_->indexChecks, *error));
  return llvm::Error::success();
}

} // namespace kiln
