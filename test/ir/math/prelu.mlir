// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.prelu: the slope broadcasts to the input's shape (ONNX PRelu), float dtypes.

// CHECK-LABEL: func.func @same_shape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[S:.*]]: tensor<2x3xf32>)
func.func @same_shape(%x: tensor<2x3xf32>, %s: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.prelu %[[X]], %[[S]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.prelu %x, %s : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// torch's per-channel weight [3] of an [N, 3, L] input as a [3, 1] slope.
// CHECK-LABEL: func.func @per_channel
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf64>, %[[S:.*]]: tensor<3x1xf64>)
func.func @per_channel(%x: tensor<2x3x4xf64>, %s: tensor<3x1xf64>) -> tensor<2x3x4xf64> {
  // CHECK: kiln.prelu %[[X]], %[[S]] : (tensor<2x3x4xf64>, tensor<3x1xf64>) -> tensor<2x3x4xf64>
  %0 = kiln.prelu %x, %s : (tensor<2x3x4xf64>, tensor<3x1xf64>) -> tensor<2x3x4xf64>
  return %0 : tensor<2x3x4xf64>
}

// CHECK-LABEL: func.func @scalar_slope
func.func @scalar_slope(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xf32> {
  // CHECK: kiln.prelu %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %0 = kiln.prelu %x, %s : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<f32>, %s: tensor<f32>) -> tensor<f32> {
  // CHECK: kiln.prelu %{{.*}}, %{{.*}} : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %0 = "kiln.prelu"(%x, %s) : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}
