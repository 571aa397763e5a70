//===- IndexError.h - An index read from data out of range ------*- C++ -*-===//
//
/// What every target reports when generated code met an index out of
/// range (codegen/linalg/IndexChecks.h): the CPU's call scope collects it
/// (runtime/cpu/Kernels.h), the CUDA kernels write it to device memory.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_INDEXERROR_H
#define KILN_RUNTIME_INDEXERROR_H

#include <cstdint>
#include <string>
#include <vector>

namespace kiln {

/// The first out-of-range index a compiled call met: the check site (an
/// index into the `kiln_cpu.index_checks` messages of the compiled module),
/// the index as the data held it and the bound it had to stay under.
struct IndexError {
  int64_t site = 0;
  int64_t value = 0;
  int64_t bound = 0;
};

/// The message of `error`: the message of its site in `checks` (the
/// module's `kiln_cpu.index_checks`, "{}" where the value goes) with the
/// value filled in.
std::string formatIndexError(const std::vector<std::string> &checks,
                             const IndexError &error);

} // namespace kiln

#endif // KILN_RUNTIME_INDEXERROR_H
