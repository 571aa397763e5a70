//===- Safetensors.h - Hugging Face .safetensors files ----------*- C++ -*-===//
//
/// Reading and writing the safetensors format: an 8-byte little-endian header
/// length, a JSON header mapping each tensor name to its dtype (F32, F64, I64,
/// I32, U8, BOOL), shape and data_offsets (relative to the end of the
/// header), then the data. A `__metadata__` entry is accepted and ignored on
/// read. Writing pads the header with spaces to a multiple of 8 bytes, orders
/// the data by element size (largest first, then by name) as the reference
/// implementation does so that every tensor is aligned, and replaces the
/// destination atomically.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_SAFETENSORS_H
#define KILN_RUNTIME_SAFETENSORS_H

#include "runtime/Tensor.h"

#include <map>
#include <string>

namespace kiln {

/// Loads every tensor of a .safetensors file into owned tensors. Throws
/// RuntimeError naming the file, and the tensor where one is at fault, for a
/// malformed header, unknown dtype, bad or overlapping data_offsets and
/// truncated data.
std::map<std::string, Tensor> readSafetensors(const std::string &path);

/// Saves `tensors` via a temporary file in the same directory that is renamed
/// over `path`.
void writeSafetensors(const std::string &path,
                      const std::map<std::string, Tensor> &tensors);

} // namespace kiln

#endif // KILN_RUNTIME_SAFETENSORS_H
