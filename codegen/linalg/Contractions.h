//===- Contractions.h - What a target may run as a kernel -------*- C++ -*-===//
//
/// The lowering to linalg writes matmuls and convolutions as generics whose
/// bodies say what they compute, so every target can run them as loops. It
/// also says which contraction each one is, so that a target's kernel
/// selection (kiln-select-cpu-kernels for the CPU's oneDNN) can replace it
/// by a library call without recognizing indexing maps. The attributes are
/// discardable: kernel selection removes them.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_LINALG_CONTRACTIONS_H
#define KILN_CODEGEN_LINALG_CONTRACTIONS_H

#include "llvm/ADT/StringRef.h"

namespace kiln {

/// The contraction a generic computes: kMatmulContraction (torch.matmul's
/// loops: batch, row, contracted dim, column, each operand's dims in loop
/// order) or kConvContraction (a convolution on a padded input).
inline constexpr llvm::StringLiteral kContractionAttrName =
    "kiln_linalg.contraction";
inline constexpr llvm::StringLiteral kMatmulContraction = "matmul";
inline constexpr llvm::StringLiteral kConvContraction = "conv";

/// A convolution's strides, dilations and groups, in that order: a
/// DenseI64ArrayAttr.
inline constexpr llvm::StringLiteral kConvGeometryAttrName =
    "kiln_linalg.conv_geometry";

} // namespace kiln

#endif // KILN_CODEGEN_LINALG_CONTRACTIONS_H
