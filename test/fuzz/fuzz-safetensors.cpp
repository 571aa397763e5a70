//===- fuzz-safetensors.cpp - libFuzzer target: readSafetensors -----------===//
//
/// `kiln run --params`, `kiln train --params` and checkpoints read
/// safetensors files with readSafetensors (its JSON header through
/// runtime/Json.cpp); any file is a map of tensors or a kiln::RuntimeError.
//
//===----------------------------------------------------------------------===//

#include "runtime/Safetensors.h"
#include "runtime/Tensor.h"
#include "test/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string &path =
      kiln::fuzz::writeScratch(data, size, ".safetensors");
  try {
    std::map<std::string, kiln::Tensor> tensors = kiln::readSafetensors(path);
    volatile uint8_t sink = 0;
    for (const auto &[name, tensor] : tensors) {
      const auto *bytes = static_cast<const uint8_t *>(tensor.data());
      for (size_t i = 0, e = tensor.nbytes(); i < e; ++i)
        sink ^= bytes[i];
      (void)tensor.describe();
    }
  } catch (const kiln::RuntimeError &) {
  }
  return 0;
}
