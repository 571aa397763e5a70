//===- Npy.h - NumPy .npy files ---------------------------------*- C++ -*-===//
//
/// Reading and writing NumPy's .npy format (numpy.save / numpy.load) for
/// Kiln's dtypes: little-endian <f4 <f8 <i8 <i4 and byte-sized |u1 |b1, in C
/// order, including 0-d arrays. Reading accepts format versions 1.0, 2.0 and
/// 3.0; writing produces the bytes numpy.save produces (version 1.0 unless
/// the header needs 2.0) and replaces the destination atomically.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_NPY_H
#define KILN_RUNTIME_NPY_H

#include "runtime/Tensor.h"

#include <string>

namespace kiln {

/// Loads an .npy file into an owned tensor. Throws RuntimeError naming the
/// file and the problem: missing or truncated file, bad magic or header,
/// Fortran order, big-endian or unsupported dtype.
Tensor readNpy(const std::string &path);

/// Saves `tensor` as numpy.save would, via a temporary file in the same
/// directory that is renamed over `path`.
void writeNpy(const std::string &path, const Tensor &tensor);

} // namespace kiln

#endif // KILN_RUNTIME_NPY_H
