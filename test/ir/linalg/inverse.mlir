// Round trip of kiln.inverse: torch.inverse of a square matrix and of batches of them keeps the input's type.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @matrix
func.func @matrix(%x: tensor<3x3xf32>) -> tensor<3x3xf32> {
  // CHECK: kiln.inverse %{{.*}} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  %0 = kiln.inverse %x : (tensor<3x3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// CHECK-LABEL: func.func @one_by_one
func.func @one_by_one(%x: tensor<1x1xf64>) -> tensor<1x1xf64> {
  // CHECK: kiln.inverse %{{.*}} : (tensor<1x1xf64>) -> tensor<1x1xf64>
  %0 = kiln.inverse %x : (tensor<1x1xf64>) -> tensor<1x1xf64>
  return %0 : tensor<1x1xf64>
}

// CHECK-LABEL: func.func @batch
func.func @batch(%x: tensor<2x3x3xf64>) -> tensor<2x3x3xf64> {
  // CHECK: kiln.inverse %{{.*}} : (tensor<2x3x3xf64>) -> tensor<2x3x3xf64>
  %0 = kiln.inverse %x : (tensor<2x3x3xf64>) -> tensor<2x3x3xf64>
  return %0 : tensor<2x3x3xf64>
}

// CHECK-LABEL: func.func @two_batch_dims
func.func @two_batch_dims(%x: tensor<4x2x5x5xf32>) -> tensor<4x2x5x5xf32> {
  // CHECK: kiln.inverse %{{.*}} : (tensor<4x2x5x5xf32>) -> tensor<4x2x5x5xf32>
  %0 = kiln.inverse %x : (tensor<4x2x5x5xf32>) -> tensor<4x2x5x5xf32>
  return %0 : tensor<4x2x5x5xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<3x2x2xf32>) -> tensor<3x2x2xf32> {
  // CHECK: kiln.inverse %{{.*}} : (tensor<3x2x2xf32>) -> tensor<3x2x2xf32>
  %0 = "kiln.inverse"(%x) : (tensor<3x2x2xf32>) -> tensor<3x2x2xf32>
  return %0 : tensor<3x2x2xf32>
}
