//===- Bufferization.h - How every target bufferizes a model ----*- C++ -*-===//
//
/// The one-shot bufferization options every target uses: the caller owns
/// every input and output buffer, so function boundaries take plain
/// (identity-layout) memrefs. A target adds what is its own (the CUDA
/// target copies with linalg.copy, a kernel like any other).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_MEMORY_BUFFERIZATION_H
#define KILN_CODEGEN_MEMORY_BUFFERIZATION_H

#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"

namespace kiln {

mlir::bufferization::OneShotBufferizationOptions getModelBufferization();

} // namespace kiln

#endif // KILN_CODEGEN_MEMORY_BUFFERIZATION_H
