//===- FakeCudaDriver.cpp - The driver API on host memory, for tests ------===//
//
/// What DriverBackend calls, with the signatures of runtime/cuda's
/// DriverLibrary.h: device memory is host memory, a module is its image,
/// a kernel is found by name in it with its parameter count (the
/// ".entry NAME(...)" of PTX; a cubin's ".text.NAME" section and the
/// KPARAM_INFO records of its ".nv.info.NAME"), and a launch runs nothing
/// but is recorded with its arguments read as the driver reads them: that
/// many 8-byte values, each through the address cuLaunchKernel was given.
//
//===----------------------------------------------------------------------===//

#include "FakeCudaDriver.h"

#include "runtime/cuda/DriverTypes.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace kiln::cuda::driver;

// The driver's opaque handles, declared in DriverTypes.h.
namespace kiln::cuda::driver {
struct CUctx_st {};
struct CUstream_st {};
struct CUmod_st {
  std::string image;
  bool cubin;
};
struct CUfunc_st {
  std::string name;
  size_t parameters;
};
} // namespace kiln::cuda::driver

namespace {

constexpr CUresult kInvalidValue = 1, kOutOfMemory = 2, kNotInitialized = 3,
                   kInvalidDevice = 101, kInvalidImage = 200,
                   kInvalidHandle = 400;

struct Allocation {
  std::unique_ptr<char[]> bytes;
  size_t size;
  int id;
};

struct State {
  bool initialized = false;
  int devices = 1, major = 9, minor = 0;
  uint64_t memory = 1 << 20, used = 0;
  std::map<std::string, CUresult> failures;
  std::vector<std::string> events;
  std::map<CUdeviceptr, Allocation> allocations;
  int nextAllocation = 0;
  std::set<CUmodule> modules;
  std::vector<std::unique_ptr<CUfunc_st>> functions;
  std::set<CUstream> streams;
  int contextRetains = 0;
  CUctx_st context;
};

State &state() {
  static State instance;
  return instance;
}

/// The injected failure of `function`'s next call, or success.
CUresult injected(const char *function) {
  auto it = state().failures.find(function);
  if (it == state().failures.end())
    return CUDA_SUCCESS;
  CUresult result = it->second;
  state().failures.erase(it);
  return result;
}

/// "bufN+offset" for an address inside allocation N, else its hex value.
std::string describe(CUdeviceptr address) {
  auto it = state().allocations.upper_bound(address);
  if (it != state().allocations.begin()) {
    --it;
    if (address < it->first + it->second.size)
      return "buf" + std::to_string(it->second.id) + "+" +
             std::to_string(address - it->first);
  }
  char text[32];
  std::snprintf(text, sizeof(text), "0x%llx", address);
  return text;
}

/// Whether [address, address + bytes) lies in one allocation.
bool inside(CUdeviceptr address, size_t bytes) {
  auto it = state().allocations.upper_bound(address);
  if (it == state().allocations.begin())
    return false;
  --it;
  return address - it->first + bytes <= it->second.size;
}

void *host(CUdeviceptr address) { return reinterpret_cast<void *>(address); }

std::string dims(unsigned x, unsigned y, unsigned z) {
  return "(" + std::to_string(x) + "," + std::to_string(y) + "," +
         std::to_string(z) + ")";
}

/// The bytes of the ELF section `name`, if `elf` has one.
std::optional<std::string_view> findSection(const std::string &elf,
                                            const std::string &name) {
  auto read = [&](size_t offset, auto value) {
    std::memcpy(&value, elf.data() + offset, sizeof(value));
    return value;
  };
  uint64_t headers = read(0x28, uint64_t());
  uint16_t entrySize = read(0x3a, uint16_t()), count = read(0x3c, uint16_t()),
           names = read(0x3e, uint16_t());
  auto section = [&](unsigned index) {
    size_t header = headers + size_t(index) * entrySize;
    return std::make_pair(
        read(header, uint32_t()),
        std::string_view(elf).substr(read(header + 24, uint64_t()),
                                     read(header + 32, uint64_t())));
  };
  std::string_view nameTable = section(names).second;
  for (unsigned index = 0; index < count; ++index) {
    auto [nameOffset, bytes] = section(index);
    if (nameTable.substr(nameOffset, name.size() + 1) ==
        std::string_view(name.c_str(), name.size() + 1))
      return bytes;
  }
  return std::nullopt;
}

/// The parameter count of kernel `name` in a cubin: its KPARAM_INFO
/// records (format EIFMT_SVAL 0x04, attribute 0x17) in .nv.info.NAME.
std::optional<size_t> countCubinParameters(const std::string &elf,
                                           const std::string &name) {
  if (!findSection(elf, ".text." + name))
    return std::nullopt;
  std::optional<std::string_view> info = findSection(elf, ".nv.info." + name);
  if (!info)
    return std::nullopt;
  size_t parameters = 0;
  for (size_t at = 0; at + 4 <= info->size();) {
    uint8_t format = (*info)[at], attribute = (*info)[at + 1];
    uint16_t size;
    std::memcpy(&size, info->data() + at + 2, 2);
    if (format == 0x04 && attribute == 0x17)
      ++parameters;
    at += format == 0x04 ? 4 + size : 4;
  }
  return parameters;
}

/// The parameter count of kernel `name` in PTX: the .param entries between
/// the parentheses of its .entry.
std::optional<size_t> countPtxParameters(const std::string &ptx,
                                         const std::string &name) {
  size_t entry = ptx.find(".entry " + name + "(");
  if (entry == std::string::npos)
    return std::nullopt;
  size_t end = ptx.find(')', entry);
  size_t parameters = 0;
  for (size_t at = ptx.find(".param", entry); at < end;
       at = ptx.find(".param", at + 1))
    ++parameters;
  return parameters;
}

#define FAKE_CALL(name)                                                        \
  if (CUresult result = injected(#name))                                       \
    return result;                                                             \
  if (!state().initialized && std::strcmp(#name, "cuInit") != 0)               \
    return kNotInitialized;

} // namespace

extern "C" {

void kilnFakeCudaReset() { state() = State(); }
void kilnFakeCudaSetDevices(int count, int major, int minor) {
  state().devices = count;
  state().major = major;
  state().minor = minor;
}
void kilnFakeCudaSetMemory(uint64_t bytes) { state().memory = bytes; }
void kilnFakeCudaFailNext(const char *function, int result) {
  state().failures[function] = result;
}
size_t kilnFakeCudaEventCount() { return state().events.size(); }
const char *kilnFakeCudaEvent(size_t index) {
  return state().events.at(index).c_str();
}
int kilnFakeCudaLiveObjects() {
  return static_cast<int>(state().allocations.size() + state().modules.size() +
                          state().streams.size()) +
         state().contextRetains;
}

CUresult cuGetErrorName(CUresult result, const char **name) {
  static const std::map<CUresult, const char *> names = {
      {0, "CUDA_SUCCESS"},
      {kInvalidValue, "CUDA_ERROR_INVALID_VALUE"},
      {kOutOfMemory, "CUDA_ERROR_OUT_OF_MEMORY"},
      {kNotInitialized, "CUDA_ERROR_NOT_INITIALIZED"},
      {100, "CUDA_ERROR_NO_DEVICE"},
      {kInvalidDevice, "CUDA_ERROR_INVALID_DEVICE"},
      {kInvalidImage, "CUDA_ERROR_INVALID_IMAGE"},
      {kInvalidHandle, "CUDA_ERROR_INVALID_HANDLE"},
      {CUDA_ERROR_NOT_FOUND, "CUDA_ERROR_NOT_FOUND"},
      {700, "CUDA_ERROR_ILLEGAL_ADDRESS"},
      {701, "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES"}};
  auto it = names.find(result);
  if (it == names.end()) {
    *name = nullptr;
    return kInvalidValue;
  }
  *name = it->second;
  return CUDA_SUCCESS;
}

CUresult cuGetErrorString(CUresult result, const char **text) {
  const char *name = nullptr;
  if (CUresult lookup = cuGetErrorName(result, &name)) {
    *text = nullptr;
    return lookup;
  }
  *text = "fake driver's description";
  return CUDA_SUCCESS;
}

CUresult cuInit(unsigned flags) {
  FAKE_CALL(cuInit);
  if (flags != 0)
    return kInvalidValue;
  state().initialized = true;
  return CUDA_SUCCESS;
}

CUresult cuDeviceGetCount(int *count) {
  FAKE_CALL(cuDeviceGetCount);
  *count = state().devices;
  return CUDA_SUCCESS;
}

CUresult cuDeviceGet(CUdevice *device, int ordinal) {
  FAKE_CALL(cuDeviceGet);
  if (ordinal < 0 || ordinal >= state().devices)
    return kInvalidDevice;
  *device = ordinal;
  return CUDA_SUCCESS;
}

CUresult cuDeviceGetAttribute(int *value, int attribute, CUdevice device) {
  FAKE_CALL(cuDeviceGetAttribute);
  if (attribute == CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR)
    *value = state().major;
  else if (attribute == CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR)
    *value = state().minor;
  else
    return kInvalidValue;
  return CUDA_SUCCESS;
}

CUresult cuDeviceGetName(char *name, int length, CUdevice device) {
  FAKE_CALL(cuDeviceGetName);
  std::snprintf(name, length, "Fake GPU %d", device);
  return CUDA_SUCCESS;
}

CUresult cuDevicePrimaryCtxRetain(CUcontext *context, CUdevice device) {
  FAKE_CALL(cuDevicePrimaryCtxRetain);
  ++state().contextRetains;
  *context = &state().context;
  return CUDA_SUCCESS;
}

CUresult cuDevicePrimaryCtxRelease_v2(CUdevice device) {
  FAKE_CALL(cuDevicePrimaryCtxRelease);
  if (state().contextRetains == 0)
    return kInvalidValue;
  --state().contextRetains;
  return CUDA_SUCCESS;
}

CUresult cuCtxSetCurrent(CUcontext context) {
  FAKE_CALL(cuCtxSetCurrent);
  return context == &state().context ? CUDA_SUCCESS : kInvalidValue;
}

CUresult cuStreamCreate(CUstream *stream, unsigned flags) {
  FAKE_CALL(cuStreamCreate);
  *stream = new CUstream_st;
  state().streams.insert(*stream);
  return CUDA_SUCCESS;
}

CUresult cuStreamDestroy_v2(CUstream stream) {
  FAKE_CALL(cuStreamDestroy);
  if (!state().streams.erase(stream))
    return kInvalidHandle;
  delete stream;
  return CUDA_SUCCESS;
}

CUresult cuStreamSynchronize(CUstream stream) {
  FAKE_CALL(cuStreamSynchronize);
  if (!state().streams.count(stream))
    return kInvalidHandle;
  state().events.push_back("sync");
  return CUDA_SUCCESS;
}

CUresult cuMemAlloc_v2(CUdeviceptr *pointer, size_t bytes) {
  FAKE_CALL(cuMemAlloc);
  if (bytes == 0)
    return kInvalidValue;
  if (bytes > state().memory - state().used)
    return kOutOfMemory;
  Allocation allocation{std::make_unique<char[]>(bytes), bytes,
                        state().nextAllocation++};
  *pointer = reinterpret_cast<CUdeviceptr>(allocation.bytes.get());
  state().used += bytes;
  state().events.push_back("alloc " + std::to_string(bytes) + " -> buf" +
                           std::to_string(allocation.id));
  state().allocations.emplace(*pointer, std::move(allocation));
  return CUDA_SUCCESS;
}

CUresult cuMemFree_v2(CUdeviceptr pointer) {
  FAKE_CALL(cuMemFree);
  auto it = state().allocations.find(pointer);
  if (it == state().allocations.end())
    return kInvalidValue;
  state().events.push_back(
      "free " + describe(pointer).substr(0, describe(pointer).find('+')));
  state().used -= it->second.size;
  state().allocations.erase(it);
  return CUDA_SUCCESS;
}

CUresult cuMemcpyHtoDAsync_v2(CUdeviceptr destination, const void *source,
                              size_t bytes, CUstream stream) {
  FAKE_CALL(cuMemcpyHtoDAsync);
  if (!state().streams.count(stream) || !inside(destination, bytes))
    return kInvalidValue;
  std::memcpy(host(destination), source, bytes);
  state().events.push_back("HtoD " + describe(destination) + " " +
                           std::to_string(bytes));
  return CUDA_SUCCESS;
}

CUresult cuMemcpyDtoHAsync_v2(void *destination, CUdeviceptr source,
                              size_t bytes, CUstream stream) {
  FAKE_CALL(cuMemcpyDtoHAsync);
  if (!state().streams.count(stream) || !inside(source, bytes))
    return kInvalidValue;
  std::memcpy(destination, host(source), bytes);
  state().events.push_back("DtoH " + describe(source) + " " +
                           std::to_string(bytes));
  return CUDA_SUCCESS;
}

CUresult cuMemcpyDtoDAsync_v2(CUdeviceptr destination, CUdeviceptr source,
                              size_t bytes, CUstream stream) {
  FAKE_CALL(cuMemcpyDtoDAsync);
  if (!state().streams.count(stream) || !inside(destination, bytes) ||
      !inside(source, bytes))
    return kInvalidValue;
  std::memmove(host(destination), host(source), bytes);
  state().events.push_back("DtoD " + describe(destination) + " " +
                           describe(source) + " " + std::to_string(bytes));
  return CUDA_SUCCESS;
}

CUresult cuModuleLoadData(CUmodule *module, const void *image) {
  FAKE_CALL(cuModuleLoadData);
  const char *bytes = static_cast<const char *>(image);
  bool cubin = std::memcmp(bytes,
                           "\x7f"
                           "ELF",
                           4) == 0;
  std::string text;
  if (cubin) {
    // An ELF file's size is in its header: its end is the end of the
    // section or the program header table, whichever comes last.
    uint64_t sections, programs;
    uint16_t programSize, programCount, sectionSize, sectionCount;
    std::memcpy(&programs, bytes + 0x20, 8);
    std::memcpy(&sections, bytes + 0x28, 8);
    std::memcpy(&programSize, bytes + 0x36, 2);
    std::memcpy(&programCount, bytes + 0x38, 2);
    std::memcpy(&sectionSize, bytes + 0x3a, 2);
    std::memcpy(&sectionCount, bytes + 0x3c, 2);
    text.assign(bytes,
                std::max(sections + uint64_t(sectionSize) * sectionCount,
                         programs + uint64_t(programSize) * programCount));
  } else if (std::strstr(bytes, ".version") && std::strstr(bytes, ".target")) {
    text = bytes;
  } else {
    return kInvalidImage;
  }
  *module = new CUmod_st{std::move(text), cubin};
  state().modules.insert(*module);
  state().events.push_back(cubin ? "load cubin" : "load ptx");
  return CUDA_SUCCESS;
}

CUresult cuModuleUnload(CUmodule module) {
  FAKE_CALL(cuModuleUnload);
  if (!state().modules.erase(module))
    return kInvalidHandle;
  delete module;
  return CUDA_SUCCESS;
}

CUresult cuModuleGetFunction(CUfunction *function, CUmodule module,
                             const char *name) {
  FAKE_CALL(cuModuleGetFunction);
  if (!state().modules.count(module))
    return kInvalidHandle;
  std::optional<size_t> parameters =
      module->cubin ? countCubinParameters(module->image, name)
                    : countPtxParameters(module->image, name);
  if (!parameters)
    return CUDA_ERROR_NOT_FOUND;
  state().functions.push_back(
      std::make_unique<CUfunc_st>(CUfunc_st{name, *parameters}));
  *function = state().functions.back().get();
  state().events.push_back("function " + std::string(name));
  return CUDA_SUCCESS;
}

CUresult cuFuncSetAttribute(CUfunction function, int attribute, int value) {
  FAKE_CALL(cuFuncSetAttribute);
  if (attribute != CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES ||
      value > 227 * 1024)
    return kInvalidValue;
  state().events.push_back("shared " + function->name + " " +
                           std::to_string(value));
  return CUDA_SUCCESS;
}

CUresult cuLaunchKernel(CUfunction function, unsigned gridX, unsigned gridY,
                        unsigned gridZ, unsigned blockX, unsigned blockY,
                        unsigned blockZ, unsigned sharedBytes, CUstream stream,
                        void **parameters, void **extra) {
  FAKE_CALL(cuLaunchKernel);
  if (!state().streams.count(stream) || extra)
    return kInvalidValue;
  const std::string &name = function->name;
  size_t count = function->parameters;
  std::string arguments;
  for (size_t index = 0; index < count; ++index) {
    CUdeviceptr value;
    std::memcpy(&value, parameters[index], sizeof(value));
    arguments += (index ? "," : "") + describe(value);
  }
  state().events.push_back(
      "launch " + name + " grid=" + dims(gridX, gridY, gridZ) +
      " block=" + dims(blockX, blockY, blockZ) +
      " shared=" + std::to_string(sharedBytes) + " args=[" + arguments + "]");
  return CUDA_SUCCESS;
}

} // extern "C"
