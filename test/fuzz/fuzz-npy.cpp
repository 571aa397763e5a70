//===- fuzz-npy.cpp - libFuzzer target: readNpy ---------------------------===//
//
/// `kiln run --input NAME=FILE.npy` and `kiln train --data` read .npy files
/// with readNpy; any file is a tensor or a kiln::RuntimeError.
//
//===----------------------------------------------------------------------===//

#include "runtime/Npy.h"
#include "runtime/Tensor.h"
#include "test/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string &path = kiln::fuzz::writeScratch(data, size, ".npy");
  try {
    kiln::Tensor tensor = kiln::readNpy(path);
    // Touch what the header promised: the data must be all there.
    volatile uint8_t sink = 0;
    const auto *bytes = static_cast<const uint8_t *>(tensor.data());
    for (size_t i = 0, e = tensor.nbytes(); i < e; ++i)
      sink ^= bytes[i];
    (void)tensor.describe();
  } catch (const kiln::RuntimeError &) {
  }
  return 0;
}
