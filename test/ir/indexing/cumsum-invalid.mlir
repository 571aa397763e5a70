// Diagnostics of kiln.cumsum: dim out of range, a result that keeps the integer dtype.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @dim(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.cumsum' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.cumsum %x dim -3 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// torch.cumsum accumulates int32 in int64 (ONNX keeps the dtype: importers cast).
func.func @keeps_int32(%x: tensor<3xi32>) -> tensor<3xi32> {
  // expected-error@+1 {{'kiln.cumsum' op result 0 has type 'tensor<3xi32>' but the operands give 'tensor<3xi64>'}}
  %0 = kiln.cumsum %x dim 0 : (tensor<3xi32>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}
