//===- Bufferization.cpp - How every target bufferizes a model ------------===//

#include "codegen/memory/Bufferization.h"

namespace kiln {

mlir::bufferization::OneShotBufferizationOptions getModelBufferization() {
  mlir::bufferization::OneShotBufferizationOptions options;
  options.bufferizeFunctionBoundaries = true;
  options.setFunctionBoundaryTypeConversion(
      mlir::bufferization::LayoutMapOption::IdentityLayoutMap);
  return options;
}

} // namespace kiln
