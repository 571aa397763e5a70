//===- DriverBackendTest.cpp - The GPU's backend against a fake driver ----===//
//
/// KILN_CUDA_DRIVER_LIBRARY points the backend at FakeCudaDriver.cpp's
/// library, whose controls the tests reach with dlsym: what the backend
/// asks of the driver (argument packing, copy order, module loading) is
/// checked event by event, and its error paths by injected failures. The
/// tests that load programs need NVRTC and are skipped without it.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/DriverBackend.h"
#include "runtime/cuda/CompileCache.h"

#include "FakeCudaDriver.h"
#include "ScopedEnvironment.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <dlfcn.h>

using namespace kiln::cuda;
using kiln::cuda::testing::ScopedEnvironment;
using kiln::cuda::testing::TemporaryDirectory;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

namespace {

const CudaSource kProgram = {"model", R"(
extern "C" __global__ void add(const float *a, const float *b, float *out) {
  out[threadIdx.x] = a[threadIdx.x] + b[threadIdx.x];
}
extern "C" __global__ void fill(float *out) { out[threadIdx.x] = 1.0f; }
)"};

/// The fake driver's controls, bound in its library.
struct FakeDriver {
  FakeDriver() {
    handle = dlopen(KILN_FAKE_CUDA_DRIVER, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
      return;
    reset = bind<decltype(reset)>("kilnFakeCudaReset");
    setDevices = bind<decltype(setDevices)>("kilnFakeCudaSetDevices");
    setMemory = bind<decltype(setMemory)>("kilnFakeCudaSetMemory");
    failNext = bind<decltype(failNext)>("kilnFakeCudaFailNext");
    eventCount = bind<decltype(eventCount)>("kilnFakeCudaEventCount");
    event = bind<decltype(event)>("kilnFakeCudaEvent");
    liveObjects = bind<decltype(liveObjects)>("kilnFakeCudaLiveObjects");
  }
  ~FakeDriver() {
    if (handle)
      dlclose(handle);
  }
  template <typename T> T bind(const char *name) {
    return reinterpret_cast<T>(dlsym(handle, name));
  }
  std::vector<std::string> events() const {
    std::vector<std::string> all;
    for (size_t index = 0; index < eventCount(); ++index)
      all.push_back(event(index));
    return all;
  }

  void *handle = nullptr;
  decltype(&kilnFakeCudaReset) reset = nullptr;
  decltype(&kilnFakeCudaSetDevices) setDevices = nullptr;
  decltype(&kilnFakeCudaSetMemory) setMemory = nullptr;
  decltype(&kilnFakeCudaFailNext) failNext = nullptr;
  decltype(&kilnFakeCudaEventCount) eventCount = nullptr;
  decltype(&kilnFakeCudaEvent) event = nullptr;
  decltype(&kilnFakeCudaLiveObjects) liveObjects = nullptr;
};

class DriverBackendTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_NE(fake_.handle, nullptr) << dlerror();
    fake_.reset();
  }

  std::unique_ptr<CudaBackend> create() {
    llvm::Expected<std::unique_ptr<CudaBackend>> backend =
        createDriverBackend();
    if (!backend) {
      ADD_FAILURE() << llvm::toString(backend.takeError());
      return nullptr;
    }
    return std::move(*backend);
  }

  std::string createError() {
    llvm::Expected<std::unique_ptr<CudaBackend>> backend =
        createDriverBackend();
    if (backend)
      return "<created " + (*backend)->describe() + ">";
    return llvm::toString(backend.takeError());
  }

  /// Skips a test that compiles programs where NVRTC cannot be loaded.
  bool haveNvrtc() {
    llvm::Expected<std::string> version = getNvrtcVersion();
    if (version)
      return true;
    llvm::consumeError(version.takeError());
    return false;
  }

  FakeDriver fake_;
  ScopedEnvironment driver_{"KILN_CUDA_DRIVER_LIBRARY", KILN_FAKE_CUDA_DRIVER};
  ScopedEnvironment device_{"KILN_CUDA_DEVICE", nullptr};
  TemporaryDirectory cache_;
  ScopedEnvironment cacheDir_{"KILN_CACHE_DIR", cache_.path().c_str()};
  ScopedEnvironment noDump_{"KILN_DUMP_CUDA", nullptr};
};

#define REQUIRE_NVRTC()                                                        \
  if (!haveNvrtc())                                                            \
  GTEST_SKIP() << "NVRTC cannot be loaded"

TEST_F(DriverBackendTest, NoDriverLibrary) {
  ScopedEnvironment driver("KILN_CUDA_DRIVER_LIBRARY",
                           "/nonexistent/libcuda.so.1");
  EXPECT_THAT(createError(),
              StartsWith("no CUDA device: cannot load the CUDA driver: "
                         "/nonexistent/libcuda.so.1: cannot open shared "
                         "object file"));
}

TEST_F(DriverBackendTest, DriverWithoutTheEntryPoints) {
  // A library that loads but is no driver: every missing symbol is named.
  ScopedEnvironment driver("KILN_CUDA_DRIVER_LIBRARY", "libm.so.6");
  std::string error = createError();
  EXPECT_THAT(error, StartsWith("no CUDA device: cannot load the CUDA "
                                "driver: libm.so.6 lacks cuGetErrorName, "
                                "cuGetErrorString, cuInit, "));
  EXPECT_THAT(error, HasSubstr(", cuLaunchKernel"));
  EXPECT_EQ(error.find('\n'), std::string::npos);
}

TEST_F(DriverBackendTest, CuInitFails) {
  fake_.failNext("cuInit", 100);
  EXPECT_EQ(createError(), "no CUDA device: cuInit failed: "
                           "CUDA_ERROR_NO_DEVICE (fake driver's description)");
  EXPECT_EQ(fake_.liveObjects(), 0);
}

TEST_F(DriverBackendTest, UnknownErrorCodeIsNumbered) {
  fake_.failNext("cuInit", 12345);
  EXPECT_EQ(createError(), "no CUDA device: cuInit failed: CUDA error 12345");
}

TEST_F(DriverBackendTest, ZeroDevices) {
  fake_.setDevices(0, 9, 0);
  EXPECT_EQ(createError(), "no CUDA device: the driver reports no devices");
}

TEST_F(DriverBackendTest, DeviceZeroByDefault) {
  fake_.setDevices(2, 8, 6);
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  EXPECT_EQ(backend->describe(), "Fake GPU 0 (sm_86)");
}

TEST_F(DriverBackendTest, DeviceFromTheEnvironment) {
  fake_.setDevices(2, 9, 0);
  {
    ScopedEnvironment device("KILN_CUDA_DEVICE", "1");
    std::unique_ptr<CudaBackend> backend = create();
    ASSERT_TRUE(backend);
    EXPECT_EQ(backend->describe(), "Fake GPU 1 (sm_90)");
  }
  for (const char *bad : {"2", "-1", "gpu"}) {
    ScopedEnvironment device("KILN_CUDA_DEVICE", bad);
    EXPECT_EQ(createError(),
              "no CUDA device: KILN_CUDA_DEVICE=" + std::string(bad) +
                  " is not a device index (the driver "
                  "reports 2 devices)");
  }
}

TEST_F(DriverBackendTest, ContextFailureReleasesWhatWasTaken) {
  fake_.failNext("cuStreamCreate", 2);
  EXPECT_THAT(createError(), StartsWith("cannot create a stream on Fake GPU 0 "
                                        "(sm_90): CUDA_ERROR_OUT_OF_MEMORY"));
  EXPECT_EQ(fake_.liveObjects(), 0);
}

TEST_F(DriverBackendTest, CopiesRunInStreamOrder) {
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  float in[4] = {1, 2, 3, 4}, out[2] = {};
  DevicePtr a = llvm::cantFail(backend->allocate(sizeof(in)));
  DevicePtr b = llvm::cantFail(backend->allocate(sizeof(in)));
  ASSERT_FALSE(bool(backend->copyToDevice(a, in, sizeof(in))));
  ASSERT_FALSE(bool(backend->copyOnDevice(b + 8, a, 8)));
  ASSERT_FALSE(bool(backend->copyToHost(out, b + 8, sizeof(out))));
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_EQ(out[1], 2.0f);
  backend->release(a);
  EXPECT_THAT(fake_.events(),
              ElementsAre("alloc 16 -> buf0", "alloc 16 -> buf1",
                          "HtoD buf0+0 16", "DtoD buf1+8 buf0+0 8",
                          "DtoH buf1+8 8", "sync", "free buf0"));
}

TEST_F(DriverBackendTest, EmptyBuffersNeedNoMemory) {
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  DevicePtr empty = llvm::cantFail(backend->allocate(0));
  EXPECT_EQ(empty, 0u);
  ASSERT_FALSE(bool(backend->copyToDevice(empty, nullptr, 0)));
  ASSERT_FALSE(bool(backend->copyToHost(nullptr, empty, 0)));
  backend->release(empty);
  EXPECT_TRUE(fake_.events().empty());
}

TEST_F(DriverBackendTest, OutOfMemory) {
  fake_.setMemory(1024);
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  llvm::Expected<DevicePtr> pointer = backend->allocate(2048);
  ASSERT_FALSE(bool(pointer));
  EXPECT_EQ(llvm::toString(pointer.takeError()),
            "cannot allocate 2048 bytes on Fake GPU 0 (sm_90): "
            "CUDA_ERROR_OUT_OF_MEMORY (fake driver's description)");
}

TEST_F(DriverBackendTest, CopyFailureIsReported) {
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  DevicePtr a = llvm::cantFail(backend->allocate(16));
  float in[4] = {};
  fake_.failNext("cuMemcpyHtoDAsync", 700);
  llvm::Error error = backend->copyToDevice(a, in, sizeof(in));
  EXPECT_EQ(llvm::toString(std::move(error)),
            "cannot copy 16 bytes to Fake GPU 0 (sm_90): "
            "CUDA_ERROR_ILLEGAL_ADDRESS (fake driver's description)");
}

TEST_F(DriverBackendTest, TeardownReleasesEverything) {
  REQUIRE_NVRTC();
  {
    std::unique_ptr<CudaBackend> backend = create();
    ASSERT_TRUE(backend);
    llvm::cantFail(backend->allocate(64));
    llvm::cantFail(backend->allocate(64));
    ASSERT_FALSE(bool(backend->loadProgram(kProgram)));
    EXPECT_EQ(fake_.liveObjects(), 5); // 2 buffers, module, stream, context
  }
  EXPECT_EQ(fake_.liveObjects(), 0);
}

TEST_F(DriverBackendTest, LaunchPacksEachArgumentAsOnePointer) {
  REQUIRE_NVRTC();
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  DevicePtr a = llvm::cantFail(backend->allocate(512));
  DevicePtr b = llvm::cantFail(backend->allocate(512));
  DevicePtr out = llvm::cantFail(backend->allocate(1024));
  ASSERT_FALSE(bool(backend->loadProgram(kProgram)));
  ASSERT_FALSE(bool(backend->launch("add", {2}, {128}, 0, {a, b + 8, out})));
  ASSERT_FALSE(
      bool(backend->launch("fill", {1, 2, 3}, {4, 5, 6}, 0, {out + 1000})));
  ASSERT_FALSE(bool(backend->launch("add", {1}, {32}, 0, {out, a, b})));
  ASSERT_FALSE(bool(backend->synchronize()));
  // The cubin for the device's sm_90; each kernel looked up once.
  EXPECT_THAT(fake_.events(),
              ElementsAre("alloc 512 -> buf0", "alloc 512 -> buf1",
                          "alloc 1024 -> buf2", "load cubin", "function add",
                          "launch add grid=(2,1,1) block=(128,1,1) shared=0 "
                          "args=[buf0+0,buf1+8,buf2+0]",
                          "function fill",
                          "launch fill grid=(1,2,3) block=(4,5,6) shared=0 "
                          "args=[buf2+1000]",
                          "launch add grid=(1,1,1) block=(32,1,1) shared=0 "
                          "args=[buf2+0,buf0+0,buf1+0]",
                          "sync"));
}

TEST_F(DriverBackendTest, ProgramsAreCompiledThroughTheCache) {
  REQUIRE_NVRTC();
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  ASSERT_FALSE(bool(backend->loadProgram(kProgram)));
  CompileCache cache(cache_.path());
  std::string key = CompileCache::getKey(kProgram, "sm_90", {},
                                         llvm::cantFail(getNvrtcVersion()));
  std::optional<NvrtcOutput> entry = cache.lookup(key);
  ASSERT_TRUE(entry.has_value());
  EXPECT_FALSE(entry->cubin.empty());
}

TEST_F(DriverBackendTest, DeviceNewerThanNvrtcGetsPtx) {
  REQUIRE_NVRTC();
  fake_.setDevices(1, 99, 9);
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  DevicePtr out = llvm::cantFail(backend->allocate(16));
  ASSERT_FALSE(bool(backend->loadProgram(kProgram)));
  ASSERT_FALSE(bool(backend->launch("fill", {1}, {4}, 0, {out})));
  EXPECT_THAT(fake_.events(),
              ElementsAre("alloc 16 -> buf0", "load ptx", "function fill",
                          "launch fill grid=(1,1,1) block=(4,1,1) shared=0 "
                          "args=[buf0+0]"));
}

TEST_F(DriverBackendTest, LargeDynamicSharedMemoryIsAllowedOnce) {
  REQUIRE_NVRTC();
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  DevicePtr out = llvm::cantFail(backend->allocate(16));
  ASSERT_FALSE(bool(backend->loadProgram(kProgram)));
  ASSERT_FALSE(bool(backend->launch("fill", {1}, {4}, 48 * 1024, {out})));
  ASSERT_FALSE(bool(backend->launch("fill", {1}, {4}, 64 * 1024, {out})));
  ASSERT_FALSE(bool(backend->launch("fill", {1}, {4}, 64 * 1024, {out})));
  ASSERT_FALSE(bool(backend->launch("fill", {1}, {4}, 100 * 1024, {out})));
  std::vector<std::string> shared;
  for (const std::string &event : fake_.events())
    if (llvm::StringRef(event).starts_with("shared"))
      shared.push_back(event);
  EXPECT_THAT(shared, ElementsAre("shared fill 65536", "shared fill 102400"));
}

TEST_F(DriverBackendTest, UnknownKernel) {
  REQUIRE_NVRTC();
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  llvm::Error none = backend->launch("add", {1}, {1}, 0, {});
  EXPECT_EQ(llvm::toString(std::move(none)),
            "no kernel 'add' in any program: none is loaded");
  ASSERT_FALSE(bool(backend->loadProgram(kProgram)));
  llvm::Error missing = backend->launch("sub", {1}, {1}, 0, {});
  EXPECT_EQ(llvm::toString(std::move(missing)),
            "no kernel 'sub' in the loaded programs ('model')");
}

TEST_F(DriverBackendTest, LaunchFailureNamesTheKernel) {
  REQUIRE_NVRTC();
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  ASSERT_FALSE(bool(backend->loadProgram(kProgram)));
  fake_.failNext("cuLaunchKernel", 701);
  llvm::Error error = backend->launch("fill", {3}, {1024}, 16, {0});
  EXPECT_EQ(llvm::toString(std::move(error)),
            "cannot launch kernel 'fill' (grid (3, 1, 1), block (1024, 1, "
            "1), 16 bytes of dynamic shared memory) on Fake GPU 0 (sm_90): "
            "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES (fake driver's description)");
}

TEST_F(DriverBackendTest, AsynchronousFailureNamesTheLastKernel) {
  REQUIRE_NVRTC();
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  DevicePtr out = llvm::cantFail(backend->allocate(16));
  ASSERT_FALSE(bool(backend->loadProgram(kProgram)));
  ASSERT_FALSE(bool(backend->launch("fill", {1}, {4}, 0, {out})));
  fake_.failNext("cuStreamSynchronize", 700);
  float host[4];
  llvm::Error error = backend->copyToHost(host, out, sizeof(host));
  EXPECT_EQ(llvm::toString(std::move(error)),
            "a kernel failed on Fake GPU 0 (sm_90) (the last launched: "
            "'fill'): CUDA_ERROR_ILLEGAL_ADDRESS (fake driver's description)");
}

TEST_F(DriverBackendTest, ModuleLoadFailure) {
  REQUIRE_NVRTC();
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  fake_.failNext("cuModuleLoadData", 200);
  llvm::Error error = backend->loadProgram(kProgram);
  EXPECT_EQ(llvm::toString(std::move(error)),
            "cannot load CUDA program 'model' on Fake GPU 0 (sm_90): "
            "CUDA_ERROR_INVALID_IMAGE (fake driver's description)");
}

TEST_F(DriverBackendTest, CompileErrorReachesTheCaller) {
  REQUIRE_NVRTC();
  std::unique_ptr<CudaBackend> backend = create();
  ASSERT_TRUE(backend);
  llvm::Error error = backend->loadProgram({"bad", "not CUDA\n"});
  EXPECT_THAT(llvm::toString(std::move(error)), StartsWith("NVRTC 13"));
  EXPECT_THAT(fake_.events(), ElementsAre());
}

} // namespace
