//===- DriverBackend.cpp - CUDA programs on a GPU, via the driver ---------===//
//
/// Every call makes the primary context current first: it is per thread,
/// and the thread that created the backend need not be the one using it.
/// Host-to-device copies from pageable memory return once the driver has
/// staged the bytes, so the caller's buffer may change right after;
/// copyToHost waits for the stream, so the bytes are there when it returns.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/DriverBackend.h"

#include "runtime/cuda/CompileProgram.h"
#include "runtime/cuda/DriverLibrary.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <cstdlib>
#include <vector>

namespace kiln::cuda {

using namespace driver;

namespace {

/// Dynamic shared memory beyond this needs the kernel's opt-in.
constexpr unsigned kDefaultDynamicSharedLimit = 48 * 1024;

std::string describeResult(const DriverLibrary &driver, CUresult result) {
  const char *name = nullptr, *text = nullptr;
  if (driver.cuGetErrorName(result, &name) != CUDA_SUCCESS || !name) {
    // The toolkit's stub libcuda.so (lib64/stubs, for linking) describes
    // no error, and this one is the stub saying what it is.
    if (result == CUDA_ERROR_STUB_LIBRARY)
      return "CUDA_ERROR_STUB_LIBRARY (the CUDA driver loaded is the "
             "toolkit's stub, not an installed driver)";
    return "CUDA error " + std::to_string(result);
  }
  if (driver.cuGetErrorString(result, &text) != CUDA_SUCCESS || !text)
    return name;
  return std::string(name) + " (" + text + ")";
}

std::string describeDims(LaunchDims dims) {
  return "(" + std::to_string(dims.x) + ", " + std::to_string(dims.y) + ", " +
         std::to_string(dims.z) + ")";
}

struct LoadedProgram {
  std::string name;
  CUmodule module;
};

class DriverBackend : public CudaBackend {
public:
  DriverBackend(DriverLibrary driver, CUdevice device, std::string name,
                std::string arch)
      : driver_(std::move(driver)), device_(device), name_(std::move(name)),
        arch_(std::move(arch)) {}
  ~DriverBackend() override;

  /// Retains the primary context and creates the stream.
  llvm::Error start();

  std::string describe() const override { return name_ + " (" + arch_ + ")"; }
  llvm::Expected<DevicePtr> allocate(size_t bytes) override;
  void release(DevicePtr pointer) override;
  llvm::Error copyToDevice(DevicePtr destination, const void *source,
                           size_t bytes) override;
  llvm::Error copyToHost(void *destination, DevicePtr source,
                         size_t bytes) override;
  llvm::Error copyOnDevice(DevicePtr destination, DevicePtr source,
                           size_t bytes) override;
  llvm::Error loadProgram(const CudaSource &program) override;
  llvm::Error launch(llvm::StringRef kernel, LaunchDims grid, LaunchDims block,
                     unsigned dynamicSharedBytes,
                     llvm::ArrayRef<DevicePtr> arguments) override;
  llvm::Error synchronize() override;

private:
  /// "<what>: CUDA_ERROR_X (text)", or success.
  llvm::Error check(CUresult result, const llvm::Twine &what) const;
  llvm::Error makeCurrent() const;
  llvm::Expected<CUfunction> getFunction(llvm::StringRef kernel);

  DriverLibrary driver_;
  CUdevice device_;
  std::string name_, arch_;
  CUcontext context_ = nullptr;
  CUstream stream_ = nullptr;
  std::vector<LoadedProgram> programs_;
  llvm::StringMap<CUfunction> functions_;
  /// The dynamic shared memory each kernel has been allowed beyond 48 KiB.
  llvm::DenseMap<CUfunction, unsigned> sharedLimits_;
  llvm::DenseSet<DevicePtr> allocations_;
  /// Named when a launch fails asynchronously: errors surface at the next
  /// synchronization, not at the launch.
  std::string lastKernel_;
};

} // namespace

llvm::Error DriverBackend::check(CUresult result,
                                 const llvm::Twine &what) const {
  if (result == CUDA_SUCCESS)
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 what + ": " + describeResult(driver_, result));
}

llvm::Error DriverBackend::start() {
  if (llvm::Error error =
          check(driver_.cuDevicePrimaryCtxRetain(&context_, device_),
                "cannot retain the primary context of " + describe()))
    return error;
  if (llvm::Error error = makeCurrent())
    return error;
  // Non-blocking: the legacy default stream, which other libraries in the
  // process may use, does not serialize with Kiln's.
  return check(driver_.cuStreamCreate(&stream_, CU_STREAM_NON_BLOCKING),
               "cannot create a stream on " + describe());
}

DriverBackend::~DriverBackend() {
  if (!context_)
    return;
  // Teardown cannot report; a failed kernel was reported by synchronize.
  driver_.cuCtxSetCurrent(context_);
  if (stream_) {
    driver_.cuStreamSynchronize(stream_);
    driver_.cuStreamDestroy(stream_);
  }
  for (DevicePtr pointer : allocations_)
    driver_.cuMemFree(pointer);
  for (const LoadedProgram &program : programs_)
    driver_.cuModuleUnload(program.module);
  driver_.cuDevicePrimaryCtxRelease(device_);
}

llvm::Error DriverBackend::makeCurrent() const {
  return check(driver_.cuCtxSetCurrent(context_),
               "cannot make the context of " + describe() + " current");
}

llvm::Expected<DevicePtr> DriverBackend::allocate(size_t bytes) {
  // cuMemAlloc rejects 0 bytes; an empty buffer needs no memory.
  if (bytes == 0)
    return 0;
  if (llvm::Error error = makeCurrent())
    return std::move(error);
  CUdeviceptr pointer = 0;
  if (llvm::Error error = check(driver_.cuMemAlloc(&pointer, bytes),
                                "cannot allocate " + llvm::Twine(bytes) +
                                    " bytes on " + describe()))
    return std::move(error);
  allocations_.insert(pointer);
  return pointer;
}

void DriverBackend::release(DevicePtr pointer) {
  if (!allocations_.erase(pointer))
    return;
  driver_.cuCtxSetCurrent(context_);
  driver_.cuMemFree(pointer);
}

llvm::Error DriverBackend::copyToDevice(DevicePtr destination,
                                        const void *source, size_t bytes) {
  if (bytes == 0)
    return llvm::Error::success();
  if (llvm::Error error = makeCurrent())
    return error;
  return check(driver_.cuMemcpyHtoDAsync(destination, source, bytes, stream_),
               "cannot copy " + llvm::Twine(bytes) + " bytes to " + describe());
}

llvm::Error DriverBackend::copyToHost(void *destination, DevicePtr source,
                                      size_t bytes) {
  if (bytes == 0)
    return llvm::Error::success();
  if (llvm::Error error = makeCurrent())
    return error;
  if (llvm::Error error = check(
          driver_.cuMemcpyDtoHAsync(destination, source, bytes, stream_),
          "cannot copy " + llvm::Twine(bytes) + " bytes from " + describe()))
    return error;
  return synchronize();
}

llvm::Error DriverBackend::copyOnDevice(DevicePtr destination, DevicePtr source,
                                        size_t bytes) {
  if (bytes == 0)
    return llvm::Error::success();
  if (llvm::Error error = makeCurrent())
    return error;
  return check(driver_.cuMemcpyDtoDAsync(destination, source, bytes, stream_),
               "cannot copy " + llvm::Twine(bytes) + " bytes on " + describe());
}

llvm::Error DriverBackend::loadProgram(const CudaSource &program) {
  llvm::Expected<NvrtcOutput> compiled = compileProgram(program, arch_);
  if (!compiled)
    return compiled.takeError();
  if (llvm::Error error = makeCurrent())
    return error;
  // SASS when NVRTC knows the device; otherwise the driver compiles the
  // (NUL-terminated) PTX for it.
  const char *image =
      compiled->cubin.empty() ? compiled->ptx.c_str() : compiled->cubin.data();
  CUmodule module = nullptr;
  if (llvm::Error error = check(driver_.cuModuleLoadData(&module, image),
                                "cannot load CUDA program '" + program.name +
                                    "' on " + describe()))
    return error;
  programs_.push_back({program.name, module});
  return llvm::Error::success();
}

llvm::Expected<CUfunction> DriverBackend::getFunction(llvm::StringRef kernel) {
  auto cached = functions_.find(kernel);
  if (cached != functions_.end())
    return cached->second;
  std::string name = kernel.str();
  // The newest program first: a reloaded kernel replaces an older one.
  for (auto it = programs_.rbegin(); it != programs_.rend(); ++it) {
    CUfunction function = nullptr;
    CUresult result =
        driver_.cuModuleGetFunction(&function, it->module, name.c_str());
    if (result == CUDA_ERROR_NOT_FOUND)
      continue;
    if (llvm::Error error =
            check(result, "cannot find kernel '" + kernel + "' in program '" +
                              it->name + "'"))
      return std::move(error);
    functions_[kernel] = function;
    return function;
  }
  std::vector<std::string> names;
  for (const LoadedProgram &program : programs_)
    names.push_back("'" + program.name + "'");
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "no kernel '" + kernel + "' in " +
          (names.empty()
               ? std::string("any program: none is loaded")
               : "the loaded programs (" + llvm::join(names, ", ") + ")"));
}

llvm::Error DriverBackend::launch(llvm::StringRef kernel, LaunchDims grid,
                                  LaunchDims block, unsigned dynamicSharedBytes,
                                  llvm::ArrayRef<DevicePtr> arguments) {
  if (llvm::Error error = makeCurrent())
    return error;
  llvm::Expected<CUfunction> function = getFunction(kernel);
  if (!function)
    return function.takeError();
  std::string where = "kernel '" + kernel.str() + "' (grid " +
                      describeDims(grid) + ", block " + describeDims(block) +
                      ", " + std::to_string(dynamicSharedBytes) +
                      " bytes of dynamic shared memory) on " + describe();
  if (dynamicSharedBytes > kDefaultDynamicSharedLimit) {
    unsigned &allowed = sharedLimits_[*function];
    if (allowed < dynamicSharedBytes) {
      if (llvm::Error error = check(
              driver_.cuFuncSetAttribute(
                  *function, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
                  static_cast<int>(dynamicSharedBytes)),
              "cannot allow the shared memory of " + where))
        return error;
      allowed = dynamicSharedBytes;
    }
  }
  // cuLaunchKernel takes the address of each parameter's value; each is
  // one 8-byte device pointer, copied so the addresses stay valid through
  // the call.
  llvm::SmallVector<CUdeviceptr, 16> values(arguments.begin(), arguments.end());
  llvm::SmallVector<void *, 16> parameters;
  for (CUdeviceptr &value : values)
    parameters.push_back(&value);
  if (llvm::Error error = check(
          driver_.cuLaunchKernel(*function, grid.x, grid.y, grid.z, block.x,
                                 block.y, block.z, dynamicSharedBytes, stream_,
                                 parameters.data(), nullptr),
          "cannot launch " + where))
    return error;
  lastKernel_ = kernel.str();
  return llvm::Error::success();
}

llvm::Error DriverBackend::synchronize() {
  if (llvm::Error error = makeCurrent())
    return error;
  std::string what = lastKernel_.empty()
                         ? "CUDA stream of " + describe() + " failed"
                         : "a kernel failed on " + describe() +
                               " (the last launched: '" + lastKernel_ + "')";
  return check(driver_.cuStreamSynchronize(stream_), what);
}

static llvm::Error noDevice(const llvm::Twine &why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "no CUDA device: " + why);
}

llvm::Expected<std::unique_ptr<CudaBackend>> createDriverBackend() {
  const char *path = std::getenv("KILN_CUDA_DRIVER_LIBRARY");
  if (path && !*path)
    path = nullptr;
  llvm::Expected<DriverLibrary> driver = DriverLibrary::open(path);
  if (!driver)
    return noDevice("cannot load the CUDA driver: " +
                    llvm::toString(driver.takeError()));

  if (CUresult result = driver->cuInit(0))
    return noDevice("cuInit failed: " + describeResult(*driver, result));
  int count = 0;
  if (CUresult result = driver->cuDeviceGetCount(&count))
    return noDevice("cuDeviceGetCount failed: " +
                    describeResult(*driver, result));
  if (count == 0)
    return noDevice("the driver reports no devices");

  int ordinal = 0;
  if (const char *chosen = std::getenv("KILN_CUDA_DEVICE"); chosen && *chosen) {
    if (llvm::StringRef(chosen).getAsInteger(10, ordinal) || ordinal < 0 ||
        ordinal >= count)
      return noDevice("KILN_CUDA_DEVICE=" + llvm::Twine(chosen) +
                      " is not a device index (the driver reports " +
                      llvm::Twine(count) + " device" + (count == 1 ? "" : "s") +
                      ")");
  }
  CUdevice device = 0;
  int major = 0, minor = 0;
  char name[256] = {};
  if (CUresult result = driver->cuDeviceGet(&device, ordinal))
    return noDevice("cuDeviceGet(" + llvm::Twine(ordinal) +
                    ") failed: " + describeResult(*driver, result));
  if (CUresult result = driver->cuDeviceGetAttribute(
          &major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device))
    return noDevice("cannot read the compute capability: " +
                    describeResult(*driver, result));
  if (CUresult result = driver->cuDeviceGetAttribute(
          &minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device))
    return noDevice("cannot read the compute capability: " +
                    describeResult(*driver, result));
  if (CUresult result = driver->cuDeviceGetName(name, sizeof(name) - 1, device))
    return noDevice("cannot read the device's name: " +
                    describeResult(*driver, result));

  auto backend = std::make_unique<DriverBackend>(
      std::move(*driver), device, name,
      "sm_" + std::to_string(major) + std::to_string(minor));
  if (llvm::Error error = backend->start())
    return std::move(error);
  return std::unique_ptr<CudaBackend>(std::move(backend));
}

} // namespace kiln::cuda
