// torch.mean: all/several/negative dims, keepdim, 0-d input; float32 and float64 keep their dtype.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @all_dims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @all_dims(%x: tensor<2x3x4xf32>) -> tensor<f32> {
  // CHECK: kiln.mean %[[X]] : (tensor<2x3x4xf32>) -> tensor<f32>
  %0 = kiln.mean %x : (tensor<2x3x4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @all_dims_keepdim
func.func @all_dims_keepdim(%x: tensor<2x3xf64>) -> tensor<1x1xf64> {
  // CHECK: kiln.mean %{{.*}} keepdim : (tensor<2x3xf64>) -> tensor<1x1xf64>
  %0 = kiln.mean %x keepdim : (tensor<2x3xf64>) -> tensor<1x1xf64>
  return %0 : tensor<1x1xf64>
}

// CHECK-LABEL: func.func @several_dims
func.func @several_dims(%x: tensor<2x3x4x5xf32>) -> tensor<2x4xf32> {
  // CHECK: kiln.mean %{{.*}} dim [1, 3] : (tensor<2x3x4x5xf32>) -> tensor<2x4xf32>
  %0 = kiln.mean %x dim [1, 3] : (tensor<2x3x4x5xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @negative_dims_keepdim
func.func @negative_dims_keepdim(%x: tensor<2x3x4xf64>) -> tensor<2x1x1xf64> {
  // CHECK: kiln.mean %{{.*}} dim [-1, -2] keepdim : (tensor<2x3x4xf64>) -> tensor<2x1x1xf64>
  %0 = kiln.mean %x dim [-1, -2] keepdim : (tensor<2x3x4xf64>) -> tensor<2x1x1xf64>
  return %0 : tensor<2x1x1xf64>
}

// CHECK-LABEL: func.func @zero_d
func.func @zero_d(%s: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  // CHECK: kiln.mean %{{.*}} : (tensor<f32>) -> tensor<f32>
  // CHECK: kiln.mean %{{.*}} dim [0] keepdim : (tensor<f32>) -> tensor<f32>
  %0 = kiln.mean %s : (tensor<f32>) -> tensor<f32>
  %1 = kiln.mean %s dim [0] keepdim : (tensor<f32>) -> tensor<f32>
  return %0, %1 : tensor<f32>, tensor<f32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>) -> tensor<3xf32> {
  // CHECK: kiln.mean %{{.*}} dim [0] : (tensor<2x3xf32>) -> tensor<3xf32>
  %0 = "kiln.mean"(%x) <{dim = array<i64: 0>}> : (tensor<2x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
