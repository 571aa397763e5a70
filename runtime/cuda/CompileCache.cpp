//===- CompileCache.cpp - Compiled CUDA programs on disk ------------------===//
//
/// An entry: the magic "KILNCUDA", the format version, the sizes of the PTX,
/// the cubin and NVRTC's log, the xxh3 checksum of the three, then the
/// three. A reader accepts an entry only if the file is exactly that long
/// and the checksum matches.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/CompileCache.h"

#include "runtime/FileIO.h"
#include "runtime/Tensor.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/xxhash.h"

#include <cstdlib>
#include <cstring>

namespace kiln::cuda {

namespace {
constexpr char kMagic[8] = {'K', 'I', 'L', 'N', 'C', 'U', 'D', 'A'};
constexpr uint64_t kFormatVersion = 1;

/// Little-endian u64 fields after the magic: format version, PTX, cubin and
/// log sizes, checksum.
constexpr size_t kHeaderSize = sizeof(kMagic) + 5 * sizeof(uint64_t);

void appendU64(std::string &out, uint64_t value) {
  for (int byte = 0; byte < 8; ++byte)
    out.push_back(static_cast<char>((value >> (8 * byte)) & 0xff));
}

uint64_t readU64(const char *in) {
  uint64_t value = 0;
  for (int byte = 7; byte >= 0; --byte)
    value = (value << 8) | static_cast<unsigned char>(in[byte]);
  return value;
}

uint64_t checksum(const NvrtcOutput &output) {
  uint64_t hash = llvm::xxh3_64bits(output.ptx);
  hash = hash * 31 + llvm::xxh3_64bits(output.cubin);
  return hash * 31 + llvm::xxh3_64bits(output.log);
}
} // namespace

std::string CompileCache::getDefaultDirectory() {
  return getKilnCacheDirectory();
}

CompileCache::CompileCache(std::string directory) {
  llvm::SmallString<128> path(directory);
  llvm::sys::path::append(path, "cuda");
  directory_ = path.str().str();
}

std::string CompileCache::getKey(const CudaSource &program,
                                 llvm::StringRef arch,
                                 llvm::ArrayRef<std::string> options,
                                 llvm::StringRef nvrtcVersion) {
  // Each field is length-prefixed, so no two different inputs hash the
  // same bytes ("-a" "b" against "-ab").
  llvm::SHA256 hasher;
  auto field = [&](llvm::StringRef text) {
    std::string length;
    appendU64(length, text.size());
    hasher.update(length);
    hasher.update(text);
  };
  field("kiln-cuda-codegen-" + std::to_string(kCudaCodegenVersion));
  field(nvrtcVersion);
  field(arch);
  field(std::to_string(options.size()));
  for (const std::string &option : options)
    field(option);
  field(program.source);
  return llvm::toHex(hasher.final(), /*LowerCase=*/true);
}

std::string CompileCache::getEntryPath(llvm::StringRef key) const {
  llvm::SmallString<128> path(directory_);
  llvm::sys::path::append(path, key + ".kcu");
  return path.str().str();
}

std::optional<NvrtcOutput> CompileCache::lookup(llvm::StringRef key) const {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
      llvm::MemoryBuffer::getFile(getEntryPath(key), /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!file)
    return std::nullopt;
  llvm::StringRef bytes = (*file)->getBuffer();
  if (bytes.size() < kHeaderSize ||
      std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    return std::nullopt;
  const char *header = bytes.data() + sizeof(kMagic);
  uint64_t ptxSize = readU64(header + 8), cubinSize = readU64(header + 16),
           logSize = readU64(header + 24);
  uint64_t payload = bytes.size() - kHeaderSize;
  // Compared one size at a time: their sum could wrap.
  if (readU64(header) != kFormatVersion || ptxSize > payload ||
      cubinSize > payload - ptxSize || logSize != payload - ptxSize - cubinSize)
    return std::nullopt;
  llvm::StringRef rest = bytes.drop_front(kHeaderSize);
  NvrtcOutput output;
  output.ptx = rest.take_front(ptxSize).str();
  output.cubin = rest.drop_front(ptxSize).take_front(cubinSize).str();
  output.log = rest.drop_front(ptxSize + cubinSize).str();
  if (checksum(output) != readU64(header + 32))
    return std::nullopt;
  return output;
}

llvm::Error CompileCache::store(llvm::StringRef key,
                                const NvrtcOutput &output) const {
  if (std::error_code error = llvm::sys::fs::create_directories(directory_))
    return llvm::createStringError(error, "cannot create " + directory_ + ": " +
                                              error.message());
  std::string header(kMagic, sizeof(kMagic));
  appendU64(header, kFormatVersion);
  appendU64(header, output.ptx.size());
  appendU64(header, output.cubin.size());
  appendU64(header, output.log.size());
  appendU64(header, checksum(output));
  try {
    AtomicFileWriter writer(getEntryPath(key));
    writer.write(header.data(), header.size());
    writer.write(output.ptx.data(), output.ptx.size());
    writer.write(output.cubin.data(), output.cubin.size());
    writer.write(output.log.data(), output.log.size());
    writer.commit();
  } catch (const RuntimeError &error) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   error.what());
  }
  return llvm::Error::success();
}

} // namespace kiln::cuda
