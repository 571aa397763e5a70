//===- CudaExecutable.cpp - A kiln model compiled for CUDA ----------------===//

#include "codegen/cuda/CudaExecutable.h"
#include "codegen/cuda/CompileCuda.h"

#include "runtime/IndexError.h"

#include <array>

namespace kiln {

using cuda::Binding;
using cuda::DevicePtr;

CudaExecutable::CudaExecutable(cuda::CudaProgram program,
                               std::unique_ptr<cuda::CudaBackend> backend)
    : Executable(program.signature), program_(std::move(program)),
      backend_(std::move(backend)) {}

CudaExecutable::~CudaExecutable() {
  for (DevicePtr pointer : allocations_)
    backend_->release(pointer);
}

llvm::Expected<std::unique_ptr<CudaExecutable>>
CudaExecutable::compile(mlir::ModuleOp module,
                        std::unique_ptr<cuda::CudaBackend> backend) {
  auto program = cuda::compileCudaProgram(module);
  if (!program)
    return program.takeError();
  if (llvm::Error error = backend->loadProgram(program->source))
    return std::move(error);
  std::unique_ptr<CudaExecutable> executable(
      new CudaExecutable(std::move(*program), std::move(backend)));
  if (llvm::Error error = executable->allocateBuffers())
    return std::move(error);
  return executable;
}

llvm::Expected<DevicePtr> CudaExecutable::allocate(size_t bytes) {
  auto pointer = backend_->allocate(std::max<size_t>(bytes, 1));
  if (pointer)
    allocations_.push_back(*pointer);
  return pointer;
}

/// The bytes of a tensor of `spec`'s dtype and shape.
static size_t getByteSize(const TensorSpec &spec) {
  size_t elements = 1;
  for (int64_t dim : spec.shape)
    elements *= dim;
  return elements * getElementSize(spec.dtype);
}

llvm::Error CudaExecutable::allocateBuffers() {
  const ModelSignature &signature = this->signature();
  auto allocateInto = [&](DevicePtr &into, size_t bytes) -> llvm::Error {
    auto pointer = allocate(bytes);
    if (!pointer)
      return pointer.takeError();
    into = *pointer;
    return llvm::Error::success();
  };
  if (llvm::Error error = allocateInto(arena_, program_.arenaBytes))
    return error;
  if (llvm::Error error =
          allocateInto(indexError_, cuda::kIndexErrorWords * sizeof(int64_t)))
    return error;
  if (llvm::Error error = allocateInto(constants_, program_.constants.size()))
    return error;
  if (!program_.constants.empty())
    if (llvm::Error error =
            backend_->copyToDevice(constants_, program_.constants.data(),
                                   program_.constants.size()))
      return error;
  arguments_.resize(signature.arguments.size());
  overrides_.resize(signature.arguments.size());
  for (auto [index, spec] : llvm::enumerate(signature.arguments)) {
    if (llvm::Error error = allocateInto(arguments_[index], getByteSize(spec)))
      return error;
    if (spec.isResident())
      if (llvm::Error error =
              allocateInto(overrides_[index], getByteSize(spec)))
        return error;
  }
  results_.resize(signature.results.size());
  for (auto [index, spec] : llvm::enumerate(signature.results))
    if (llvm::Error error = allocateInto(results_[index], getByteSize(spec)))
      return error;
  return llvm::Error::success();
}

llvm::Error CudaExecutable::storeResident(size_t argument,
                                          const Tensor &value) {
  return backend_->copyToDevice(arguments_[argument], value.data(),
                                value.nbytes());
}

llvm::Expected<Tensor> CudaExecutable::loadResident(size_t argument) const {
  const TensorSpec &spec = signature().arguments[argument];
  Tensor value = Tensor::zeros(spec.dtype, spec.shape);
  if (llvm::Error error = backend_->copyToHost(
          value.data(), arguments_[argument], value.nbytes()))
    return std::move(error);
  return value;
}

llvm::Error
CudaExecutable::runChecked(const std::vector<std::optional<Tensor>> &arguments,
                           std::vector<Tensor> &outputs) {
  std::lock_guard<std::mutex> lock(runMutex_);
  // Where each argument and result is this run.
  std::vector<DevicePtr> argumentBuffers(arguments.size());
  for (auto [index, given] : llvm::enumerate(arguments)) {
    bool resident = signature().arguments[index].isResident();
    argumentBuffers[index] =
        given && resident ? overrides_[index] : arguments_[index];
    if (given)
      if (llvm::Error error = backend_->copyToDevice(
              argumentBuffers[index], given->data(), given->nbytes()))
        return error;
  }

  std::array<int64_t, cuda::kIndexErrorWords> record = {};
  if (llvm::Error error = backend_->copyToDevice(indexError_, record.data(),
                                                 sizeof record))
    return error;
  auto resolve = [&](const Binding &binding) -> DevicePtr {
    switch (binding.kind) {
    case Binding::Kind::Argument:
      return argumentBuffers[binding.index];
    case Binding::Kind::Result:
      return results_[binding.index];
    case Binding::Kind::Arena:
      return arena_ + binding.offset;
    case Binding::Kind::Constants:
      return constants_ + binding.offset;
    case Binding::Kind::IndexError:
      return indexError_;
    }
    llvm_unreachable("every binding kind is resolved");
  };
  std::vector<DevicePtr> launchArguments;
  for (const cuda::Launch &launch : program_.launches) {
    launchArguments.clear();
    for (const Binding &binding : launch.arguments)
      launchArguments.push_back(resolve(binding));
    if (llvm::Error error =
            backend_->launch(launch.kernel, launch.grid, launch.block,
                             /*dynamicSharedBytes=*/0, launchArguments))
      return error;
  }
  // Updates are computed into buffers of their own (kernels write results
  // as soon as they compute them, while later kernels may still read the
  // value they replace) and take the resident value's place at the end.
  for (size_t result = 0; result < results_.size(); ++result)
    if (std::optional<size_t> updated = getUpdatedArgument(result))
      if (llvm::Error error = backend_->copyOnDevice(
              arguments_[*updated], results_[result],
              getByteSize(signature().results[result])))
        return error;
  if (llvm::Error error = backend_->synchronize())
    return error;

  // Kernels went on in bounds after a bad index; the first one recorded
  // is the run's error.
  if (llvm::Error error =
          backend_->copyToHost(record.data(), indexError_, sizeof record))
    return error;
  if (record[0] != 0)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        formatIndexError(program_.indexChecks,
                         IndexError{record[1], record[2], record[3]}));
  auto output = outputs.begin();
  for (size_t result = 0; result < results_.size(); ++result)
    if (!getUpdatedArgument(result)) {
      Tensor &tensor = *output++;
      if (llvm::Error error =
              backend_->copyToHost(tensor.data(), results_[result],
                                   tensor.nbytes()))
        return error;
    }
  return llvm::Error::success();
}

} // namespace kiln
