//===- ReplayMain.cpp - Runs a fuzz target on files, without libFuzzer ----===//
//
/// In builds without libFuzzer (GCC, the sanitizer build of scripts/test.sh)
/// each fuzz target links this driver instead, so the test suite replays
/// every seed and every input that once crashed a reader through the same
/// entry point the fuzzer calls, under the build's sanitizers. Arguments are
/// files or directories (read one level deep, in name order); an input that
/// makes a reader fail in any way other than its documented error aborts,
/// as it would under libFuzzer.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
// Optional in a target, as with libFuzzer.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc,
                                                          char ***argv);

namespace {
namespace fs = std::filesystem;

std::vector<fs::path> listInputs(const fs::path &argument) {
  if (!fs::is_directory(argument))
    return {argument};
  std::vector<fs::path> files;
  for (const fs::directory_entry &entry : fs::directory_iterator(argument))
    if (entry.is_regular_file())
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

bool replay(const fs::path &file) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream) {
    std::fprintf(stderr, "error: cannot read '%s'\n", file.c_str());
    return false;
  }
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(stream)),
                             std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  return true;
}
} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
    return 2;
  }
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize(&argc, &argv);
  size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    for (const fs::path &file : listInputs(argv[i])) {
      if (!replay(file))
        return 1;
      ++replayed;
    }
  }
  std::printf("replayed %zu inputs\n", replayed);
  return 0;
}
