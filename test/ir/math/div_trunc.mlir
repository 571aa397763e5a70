// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.div_trunc (torch.div(rounding_mode="trunc")): dtypes, broadcasting and the result dtype (PyTorch's type promotion).

// Same shape float32.
// CHECK-LABEL: func.func @case1
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x3xf32>)
func.func @case1(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.div_trunc %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.div_trunc %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// [2, 1, 3] with [4, 1] broadcasts to [2, 4, 3].
// CHECK-LABEL: func.func @case2
// CHECK-SAME: (%[[A:.*]]: tensor<2x1x3xf64>, %[[B:.*]]: tensor<4x1xf64>)
func.func @case2(%a: tensor<2x1x3xf64>, %b: tensor<4x1xf64>) -> tensor<2x4x3xf64> {
  // CHECK: kiln.div_trunc %[[A]], %[[B]] : (tensor<2x1x3xf64>, tensor<4x1xf64>) -> tensor<2x4x3xf64>
  %0 = kiln.div_trunc %a, %b : (tensor<2x1x3xf64>, tensor<4x1xf64>) -> tensor<2x4x3xf64>
  return %0 : tensor<2x4x3xf64>
}

// int64 row against a matrix.
// CHECK-LABEL: func.func @case3
// CHECK-SAME: (%[[A:.*]]: tensor<3xi64>, %[[B:.*]]: tensor<2x3xi64>)
func.func @case3(%a: tensor<3xi64>, %b: tensor<2x3xi64>) -> tensor<2x3xi64> {
  // CHECK: kiln.div_trunc %[[A]], %[[B]] : (tensor<3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  %0 = kiln.div_trunc %a, %b : (tensor<3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// A 0-d int64 does not widen an int32 tensor.
// CHECK-LABEL: func.func @case4
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xi32>, %[[B:.*]]: tensor<i64>)
func.func @case4(%a: tensor<2x3xi32>, %b: tensor<i64>) -> tensor<2x3xi32> {
  // CHECK: kiln.div_trunc %[[A]], %[[B]] : (tensor<2x3xi32>, tensor<i64>) -> tensor<2x3xi32>
  %0 = kiln.div_trunc %a, %b : (tensor<2x3xi32>, tensor<i64>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// uint8.
// CHECK-LABEL: func.func @case5
// CHECK-SAME: (%[[A:.*]]: tensor<4xui8>, %[[B:.*]]: tensor<4xui8>)
func.func @case5(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  // CHECK: kiln.div_trunc %[[A]], %[[B]] : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %0 = kiln.div_trunc %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// bool with uint8 promotes to uint8.
// CHECK-LABEL: func.func @case6
// CHECK-SAME: (%[[A:.*]]: tensor<3xi1>, %[[B:.*]]: tensor<2x3xui8>)
func.func @case6(%a: tensor<3xi1>, %b: tensor<2x3xui8>) -> tensor<2x3xui8> {
  // CHECK: kiln.div_trunc %[[A]], %[[B]] : (tensor<3xi1>, tensor<2x3xui8>) -> tensor<2x3xui8>
  %0 = kiln.div_trunc %a, %b : (tensor<3xi1>, tensor<2x3xui8>) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}

// int64 with a 0-d float32 gives float32.
// CHECK-LABEL: func.func @case7
// CHECK-SAME: (%[[A:.*]]: tensor<3xi64>, %[[B:.*]]: tensor<f32>)
func.func @case7(%a: tensor<3xi64>, %b: tensor<f32>) -> tensor<3xf32> {
  // CHECK: kiln.div_trunc %[[A]], %[[B]] : (tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
  %0 = kiln.div_trunc %a, %b : (tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// 0-d operands.
// CHECK-LABEL: func.func @case8
// CHECK-SAME: (%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>)
func.func @case8(%a: tensor<f32>, %b: tensor<f32>) -> tensor<f32> {
  // CHECK: kiln.div_trunc %[[A]], %[[B]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %0 = kiln.div_trunc %a, %b : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.div_trunc %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = "kiln.div_trunc"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
