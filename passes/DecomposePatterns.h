//===- DecomposePatterns.h - Rewrites of composite ops ----------*- C++ -*-===//
//
/// The patterns `kiln-decompose` applies, grouped by op family.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_PASSES_DECOMPOSEPATTERNS_H
#define KILN_PASSES_DECOMPOSEPATTERNS_H

#include "mlir/IR/PatternMatch.h"

namespace kiln {

/// linear, softmax, log_softmax and mean.
void populateDecomposeNNPatterns(mlir::RewritePatternSet &patterns);

/// The composite activations: selu, celu, leaky_relu, hardsigmoid,
/// hardswish, softsign, thresholded_relu, shrink and prelu.
void populateDecomposeMathPatterns(mlir::RewritePatternSet &patterns);
/// The normalizations and dropout (DecomposeConv.cpp).
void populateDecomposeConvPatterns(mlir::RewritePatternSet &patterns);

/// The losses.
void populateDecomposeLossPatterns(mlir::RewritePatternSet &patterns);

/// The optimizer updates.
void populateDecomposeOptimizerPatterns(mlir::RewritePatternSet &patterns);

/// resize and einsum (DecomposeIndexing.cpp).
void populateDecomposeIndexingPatterns(mlir::RewritePatternSet &patterns);

} // namespace kiln

#endif // KILN_PASSES_DECOMPOSEPATTERNS_H
