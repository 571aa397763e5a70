// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.bitwise_right_shift (torch.bitwise_right_shift): dtypes, broadcasting and the result dtype (PyTorch's type promotion).

// int64 row against a matrix.
// CHECK-LABEL: func.func @case1
// CHECK-SAME: (%[[A:.*]]: tensor<3xi64>, %[[B:.*]]: tensor<2x3xi64>)
func.func @case1(%a: tensor<3xi64>, %b: tensor<2x3xi64>) -> tensor<2x3xi64> {
  // CHECK: kiln.bitwise_right_shift %[[A]], %[[B]] : (tensor<3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// A 0-d int64 does not widen an int32 tensor.
// CHECK-LABEL: func.func @case2
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xi32>, %[[B:.*]]: tensor<i64>)
func.func @case2(%a: tensor<2x3xi32>, %b: tensor<i64>) -> tensor<2x3xi32> {
  // CHECK: kiln.bitwise_right_shift %[[A]], %[[B]] : (tensor<2x3xi32>, tensor<i64>) -> tensor<2x3xi32>
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<2x3xi32>, tensor<i64>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// uint8.
// CHECK-LABEL: func.func @case3
// CHECK-SAME: (%[[A:.*]]: tensor<4xui8>, %[[B:.*]]: tensor<4xui8>)
func.func @case3(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  // CHECK: kiln.bitwise_right_shift %[[A]], %[[B]] : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// bool with uint8 promotes to uint8.
// CHECK-LABEL: func.func @case4
// CHECK-SAME: (%[[A:.*]]: tensor<3xi1>, %[[B:.*]]: tensor<2x3xui8>)
func.func @case4(%a: tensor<3xi1>, %b: tensor<2x3xui8>) -> tensor<2x3xui8> {
  // CHECK: kiln.bitwise_right_shift %[[A]], %[[B]] : (tensor<3xi1>, tensor<2x3xui8>) -> tensor<2x3xui8>
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<3xi1>, tensor<2x3xui8>) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%a: tensor<3xi64>, %b: tensor<2x3xi64>) -> tensor<2x3xi64> {
  // CHECK: kiln.bitwise_right_shift %{{.*}}, %{{.*}} : (tensor<3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  %0 = "kiln.bitwise_right_shift"(%a, %b) : (tensor<3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}
