//===- ConvOps.h - Window geometry of the convolution and pooling ops -*- C++ -*-===//
//
/// The geometry that the inference, the VJPs and the lowering of conv,
/// conv_transpose and the pooling ops share: per spatial dim a stride, a
/// dilation and begin/end pads, read from the ops' optional attributes with
/// their defaults filled in.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_CONVOPS_H
#define KILN_IR_CONVOPS_H

#include "ir/KilnOps.h"

namespace kiln {

/// The window of a convolution or pooling op, one entry per spatial dim.
struct Window {
  llvm::SmallVector<int64_t> kernel, stride, dilation, padBegin, padEnd;
  /// conv_transpose only.
  llvm::SmallVector<int64_t> outputPadding;
  int64_t groups = 1;
  bool ceilMode = false;
  size_t rank() const { return kernel.size(); }
};

/// Reads and checks the window attributes for `spatialRank` spatial dims.
/// `kernel` is the kernel's spatial sizes; a missing stride defaults to
/// `defaultStride` (1s for convolutions, the kernel for pooling).
mlir::FailureOr<Window>
getWindow(OptionalLoc loc, llvm::StringRef opName,
          llvm::ArrayRef<int64_t> kernel,
          std::optional<llvm::ArrayRef<int64_t>> stride,
          std::optional<llvm::ArrayRef<int64_t>> padding,
          std::optional<llvm::ArrayRef<int64_t>> dilation,
          llvm::ArrayRef<int64_t> defaultStride);

/// The windows of verified ops.
Window getWindow(ConvOp op);
Window getWindow(ConvTransposeOp op);
Window getWindow(MaxPoolOp op);
Window getWindow(MaxPoolBackwardOp op);
Window getWindow(AvgPoolOp op);

/// The output size of a convolution or pooling window along dim `i` over an
/// input of size `size` (ceil_mode as in PyTorch's pooling).
int64_t getWindowOutputSize(const Window &window, size_t i, int64_t size);

/// The output size of a transposed convolution along dim `i`.
int64_t getTransposedOutputSize(const Window &window, size_t i, int64_t size);

/// The divisor of each window of an average pool over spatial sizes `in`
/// giving `out`, in row-major order of `out` (PyTorch's rule: a window
/// counts the pads it covers up to the end pad, or only input elements
/// without `countIncludePad`).
std::vector<double> getAvgPoolDivisors(const Window &window,
                                       llvm::ArrayRef<int64_t> in,
                                       llvm::ArrayRef<int64_t> out,
                                       bool countIncludePad);

} // namespace kiln

#endif // KILN_IR_CONVOPS_H
