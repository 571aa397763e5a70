// Round trip of kiln.det: torch.det drops the two matrix dims: 0-d for one matrix, the batch shape for batches.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @matrix
func.func @matrix(%x: tensor<3x3xf32>) -> tensor<f32> {
  // CHECK: kiln.det %{{.*}} : (tensor<3x3xf32>) -> tensor<f32>
  %0 = kiln.det %x : (tensor<3x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @one_by_one
func.func @one_by_one(%x: tensor<1x1xf64>) -> tensor<f64> {
  // CHECK: kiln.det %{{.*}} : (tensor<1x1xf64>) -> tensor<f64>
  %0 = kiln.det %x : (tensor<1x1xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// CHECK-LABEL: func.func @batch
func.func @batch(%x: tensor<2x3x3xf64>) -> tensor<2xf64> {
  // CHECK: kiln.det %{{.*}} : (tensor<2x3x3xf64>) -> tensor<2xf64>
  %0 = kiln.det %x : (tensor<2x3x3xf64>) -> tensor<2xf64>
  return %0 : tensor<2xf64>
}

// CHECK-LABEL: func.func @two_batch_dims
func.func @two_batch_dims(%x: tensor<4x2x5x5xf32>) -> tensor<4x2xf32> {
  // CHECK: kiln.det %{{.*}} : (tensor<4x2x5x5xf32>) -> tensor<4x2xf32>
  %0 = kiln.det %x : (tensor<4x2x5x5xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// A batch dim of size 1 stays.
// CHECK-LABEL: func.func @unit_batch
func.func @unit_batch(%x: tensor<1x2x2xf32>) -> tensor<1xf32> {
  // CHECK: kiln.det %{{.*}} : (tensor<1x2x2xf32>) -> tensor<1xf32>
  %0 = kiln.det %x : (tensor<1x2x2xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<3x2x2xf32>) -> tensor<3xf32> {
  // CHECK: kiln.det %{{.*}} : (tensor<3x2x2xf32>) -> tensor<3xf32>
  %0 = "kiln.det"(%x) : (tensor<3x2x2xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
