//===- CompileCacheTest.cpp - Compiled CUDA programs on disk --------------===//
//
/// The cache's entries and keys need nothing of CUDA; compileProgram's
/// tests need NVRTC and are skipped without it.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/CompileCache.h"
#include "runtime/cuda/CompileProgram.h"

#include "ScopedEnvironment.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <fstream>

using namespace kiln::cuda;
using kiln::cuda::testing::ScopedEnvironment;
using kiln::cuda::testing::TemporaryDirectory;

namespace {

const CudaSource kProgram = {"cached", R"(
extern "C" __global__ void twice(float *x) { x[threadIdx.x] *= 2.0f; }
)"};

std::string readFile(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  return buffer ? (*buffer)->getBuffer().str() : "<missing>";
}

void writeFile(const std::string &path, const std::string &bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

NvrtcOutput sampleOutput() {
  return {"// ptx\n.entry twice",
          std::string("\x7f"
                      "ELF\0\1\2",
                      7),
          "log"};
}

TEST(CompileCacheTest, KeyCoversEveryInput) {
  std::string key = CompileCache::getKey(kProgram, "sm_90", {"-a"}, "13.0");
  EXPECT_EQ(key.size(), 64u);
  EXPECT_EQ(key, CompileCache::getKey(kProgram, "sm_90", {"-a"}, "13.0"));
  CudaSource edited = kProgram;
  edited.source += " ";
  EXPECT_NE(key, CompileCache::getKey(edited, "sm_90", {"-a"}, "13.0"));
  EXPECT_NE(key, CompileCache::getKey(kProgram, "sm_80", {"-a"}, "13.0"));
  EXPECT_NE(key, CompileCache::getKey(kProgram, "sm_90", {"-b"}, "13.0"));
  EXPECT_NE(key, CompileCache::getKey(kProgram, "sm_90", {"-a"}, "13.1"));
  // Fields cannot run into each other.
  EXPECT_NE(CompileCache::getKey(kProgram, "sm_90", {"-a", "b"}, "13.0"),
            CompileCache::getKey(kProgram, "sm_90", {"-ab"}, "13.0"));
  // The name only labels messages and dumps.
  CudaSource renamed = kProgram;
  renamed.name = "other";
  EXPECT_EQ(key, CompileCache::getKey(renamed, "sm_90", {"-a"}, "13.0"));
}

TEST(CompileCacheTest, DefaultDirectoryFollowsTheEnvironment) {
  ScopedEnvironment home("HOME", "/home/someone");
  {
    ScopedEnvironment kiln("KILN_CACHE_DIR", "/tmp/kiln-cache");
    ScopedEnvironment xdg("XDG_CACHE_HOME", "/xdg");
    EXPECT_EQ(CompileCache::getDefaultDirectory(), "/tmp/kiln-cache");
  }
  {
    ScopedEnvironment kiln("KILN_CACHE_DIR", nullptr);
    ScopedEnvironment xdg("XDG_CACHE_HOME", "/xdg");
    EXPECT_EQ(CompileCache::getDefaultDirectory(), "/xdg/kiln");
  }
  {
    ScopedEnvironment kiln("KILN_CACHE_DIR", "");
    ScopedEnvironment xdg("XDG_CACHE_HOME", nullptr);
    EXPECT_EQ(CompileCache::getDefaultDirectory(), "/home/someone/.cache/kiln");
  }
}

TEST(CompileCacheTest, StoresAndFindsAnEntry) {
  TemporaryDirectory directory;
  CompileCache cache(directory.path());
  EXPECT_FALSE(cache.lookup("0123").has_value());
  ASSERT_FALSE(bool(cache.store("0123", sampleOutput())));
  EXPECT_EQ(cache.getEntryPath("0123"), directory.path() + "/cuda/0123.kcu");
  std::optional<NvrtcOutput> found = cache.lookup("0123");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->ptx, sampleOutput().ptx);
  EXPECT_EQ(found->cubin, sampleOutput().cubin);
  EXPECT_EQ(found->log, sampleOutput().log);
  // No temporary file is left behind.
  std::error_code error;
  int files = 0;
  for (llvm::sys::fs::directory_iterator it(directory.path() + "/cuda", error),
       end;
       !error && it != end; it.increment(error))
    ++files;
  EXPECT_EQ(files, 1);
}

TEST(CompileCacheTest, DamagedEntriesAreMisses) {
  TemporaryDirectory directory;
  CompileCache cache(directory.path());
  ASSERT_FALSE(bool(cache.store("key", sampleOutput())));
  std::string path = cache.getEntryPath("key");
  const std::string intact = readFile(path);
  ASSERT_TRUE(cache.lookup("key").has_value());

  // Every truncation, including an empty file and a bare header.
  for (size_t size = 0; size < intact.size(); ++size) {
    writeFile(path, intact.substr(0, size));
    EXPECT_FALSE(cache.lookup("key").has_value()) << "truncated to " << size;
  }
  // Every flipped byte: the header's fields or the checksummed payload.
  for (size_t index = 0; index < intact.size(); ++index) {
    std::string damaged = intact;
    damaged[index] ^= 0x20;
    writeFile(path, damaged);
    EXPECT_FALSE(cache.lookup("key").has_value()) << "byte " << index;
  }
  writeFile(path, intact + "x");
  EXPECT_FALSE(cache.lookup("key").has_value());
  // Sizes that overflow when added.
  std::string huge = intact;
  for (size_t byte = 16; byte < 24; ++byte)
    huge[byte] = '\xff';
  writeFile(path, huge);
  EXPECT_FALSE(cache.lookup("key").has_value());
}

/// compileProgram through a cache in a fresh directory.
class CompileProgramTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::Expected<std::string> version = getNvrtcVersion();
    if (!version)
      GTEST_SKIP() << llvm::toString(version.takeError());
    version_ = *version;
  }

  std::string keyFor(const std::vector<std::string> &options = {}) const {
    return CompileCache::getKey(kProgram, "sm_90", options, version_);
  }

  TemporaryDirectory directory_;
  ScopedEnvironment cacheDir_{"KILN_CACHE_DIR", directory_.path().c_str()};
  ScopedEnvironment noDump_{"KILN_DUMP_CUDA", nullptr};
  std::string version_;
};

TEST_F(CompileProgramTest, MissCompilesAndStores) {
  CompileCache cache(directory_.path());
  ASSERT_FALSE(cache.lookup(keyFor()).has_value());
  llvm::Expected<NvrtcOutput> output = compileProgram(kProgram, "sm_90");
  ASSERT_TRUE(bool(output)) << llvm::toString(output.takeError());
  std::optional<NvrtcOutput> stored = cache.lookup(keyFor());
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->cubin, output->cubin);
  EXPECT_NE(stored->ptx.find(".entry twice"), std::string::npos);
}

TEST_F(CompileProgramTest, HitSkipsNvrtc) {
  // An entry NVRTC could never have written: only a hit returns it.
  CompileCache cache(directory_.path());
  ASSERT_FALSE(bool(cache.store(keyFor(), sampleOutput())));
  llvm::Expected<NvrtcOutput> output = compileProgram(kProgram, "sm_90");
  ASSERT_TRUE(bool(output)) << llvm::toString(output.takeError());
  EXPECT_EQ(output->ptx, sampleOutput().ptx);
  EXPECT_EQ(output->cubin, sampleOutput().cubin);
}

TEST_F(CompileProgramTest, CorruptEntryIsCompiledAgainAndReplaced) {
  CompileCache cache(directory_.path());
  ASSERT_FALSE(bool(cache.store(keyFor(), sampleOutput())));
  std::string path = cache.getEntryPath(keyFor());
  std::string bytes = readFile(path);
  writeFile(path, bytes.substr(0, bytes.size() - 1));

  llvm::Expected<NvrtcOutput> output = compileProgram(kProgram, "sm_90");
  ASSERT_TRUE(bool(output)) << llvm::toString(output.takeError());
  EXPECT_NE(output->ptx.find(".entry twice"), std::string::npos);
  std::optional<NvrtcOutput> replaced = cache.lookup(keyFor());
  ASSERT_TRUE(replaced.has_value());
  EXPECT_EQ(replaced->ptx, output->ptx);
}

TEST_F(CompileProgramTest, UnwritableCacheStillCompiles) {
  // A file where the cache directory would be: no user, root included, can
  // create the directory under it.
  std::string blocker = directory_.path() + "/not-a-directory";
  writeFile(blocker, "");
  ScopedEnvironment cacheDir("KILN_CACHE_DIR", blocker.c_str());
  llvm::Expected<NvrtcOutput> output = compileProgram(kProgram, "sm_90");
  ASSERT_TRUE(bool(output)) << llvm::toString(output.takeError());
  EXPECT_FALSE(output->cubin.empty());
}

TEST_F(CompileProgramTest, ReadOnlyCacheDirectoryStillCompiles) {
  std::string readOnly = directory_.path() + "/read-only";
  ASSERT_FALSE(llvm::sys::fs::create_directories(readOnly + "/cuda"));
  ASSERT_FALSE(llvm::sys::fs::setPermissions(
      readOnly + "/cuda",
      llvm::sys::fs::perms::owner_read | llvm::sys::fs::perms::owner_exe));
  if (llvm::sys::fs::access(readOnly + "/cuda",
                            llvm::sys::fs::AccessMode::Write) ==
      std::error_code())
    GTEST_SKIP() << "permissions do not bind this user (root)";
  ScopedEnvironment cacheDir("KILN_CACHE_DIR", readOnly.c_str());
  llvm::Expected<NvrtcOutput> output = compileProgram(kProgram, "sm_90");
  ASSERT_TRUE(bool(output)) << llvm::toString(output.takeError());
  EXPECT_FALSE(output->cubin.empty());
  EXPECT_FALSE(CompileCache(readOnly).lookup(keyFor()).has_value());
}

TEST_F(CompileProgramTest, DumpWritesSourcePtxCubinAndPtxasReport) {
  TemporaryDirectory dumpDirectory;
  std::string dump = dumpDirectory.path() + "/dump";
  ScopedEnvironment dumpEnv("KILN_DUMP_CUDA", dump.c_str());
  CudaSource named = kProgram;
  named.name = "models/mlp";
  llvm::Expected<NvrtcOutput> output = compileProgram(named, "sm_90");
  ASSERT_TRUE(bool(output)) << llvm::toString(output.takeError());
  EXPECT_EQ(readFile(dump + "/models_mlp.cu"), kProgram.source);
  EXPECT_EQ(readFile(dump + "/models_mlp.ptx"), output->ptx);
  EXPECT_EQ(readFile(dump + "/models_mlp.cubin"), output->cubin);
  EXPECT_NE(readFile(dump + "/models_mlp.ptxas.txt").find("spill stores"),
            std::string::npos);

  // A cache hit dumps the same files.
  llvm::sys::fs::remove_directories(dump);
  ASSERT_TRUE(bool(compileProgram(named, "sm_90")));
  EXPECT_EQ(readFile(dump + "/models_mlp.ptx"), output->ptx);
  EXPECT_NE(readFile(dump + "/models_mlp.ptxas.txt").find("spill stores"),
            std::string::npos);
}

TEST_F(CompileProgramTest, DumpKeepsTheSourceOfAProgramNvrtcRejects) {
  TemporaryDirectory dumpDirectory;
  ScopedEnvironment dumpEnv("KILN_DUMP_CUDA", dumpDirectory.path().c_str());
  CudaSource broken = {"broken", "this is not CUDA\n"};
  llvm::Expected<NvrtcOutput> output = compileProgram(broken, "sm_90");
  ASSERT_FALSE(bool(output));
  llvm::consumeError(output.takeError());
  EXPECT_EQ(readFile(dumpDirectory.path() + "/broken.cu"), broken.source);
}

} // namespace
