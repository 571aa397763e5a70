// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.maximum (torch.maximum): maximum(x, x) -> x, and evaluation over small constants (unsigned uint8 order, NaN propagation).

// CHECK-LABEL: func.func @same_operand
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]] : tensor<2x3xf32>
func.func @same_operand(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.maximum %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @same_operand_bool
// CHECK-SAME: (%[[X:.*]]: tensor<4xi1>)
// CHECK-NEXT: return %[[X]] : tensor<4xi1>
func.func @same_operand_bool(%x: tensor<4xi1>) -> tensor<4xi1> {
  %0 = kiln.maximum %x, %x : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// Different values are not folded.
// CHECK-LABEL: func.func @different_operands
// CHECK: kiln.maximum
func.func @different_operands(%x: tensor<3xf32>, %y: tensor<3xf32>) -> tensor<3xf32> {
  %0 = kiln.maximum %x, %y : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// uint8 compares unsigned: 200 vs 100.
// CHECK-LABEL: func.func @evaluate_uint8
// CHECK: %[[C:.*]] = kiln.constant dense<[200, 9, 3]> : tensor<3xui8>
// CHECK-NOT: kiln.maximum
// CHECK: return %[[C]]
func.func @evaluate_uint8() -> tensor<3xui8> {
  %a = kiln.constant dense<[200, 7, 3]> : tensor<3xui8>
  %b = kiln.constant dense<[100, 9, 1]> : tensor<3xui8>
  %0 = kiln.maximum %a, %b : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  return %0 : tensor<3xui8>
}

// A NaN operand gives NaN, as torch.maximum/torch.minimum propagate it.
// CHECK-LABEL: func.func @evaluate_nan
// CHECK: %[[C:.*]] = kiln.constant dense<[2.000000e+00, 0x7FC00000, 3.000000e+00]> : tensor<3xf32>
// CHECK: return %[[C]]
func.func @evaluate_nan() -> tensor<3xf32> {
  %a = kiln.constant dense<[1.0, 0x7FC00000, 3.0]> : tensor<3xf32>
  %b = kiln.constant dense<[2.0, 5.0, -1.0]> : tensor<3xf32>
  %0 = kiln.maximum %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// Signed int64 broadcast against a 0-d 5.
// CHECK-LABEL: func.func @evaluate_broadcast
// CHECK: %[[C:.*]] = kiln.constant dense<{{\[}}[5, 5], [7, 8]]> : tensor<2x2xi64>
// CHECK: return %[[C]]
func.func @evaluate_broadcast() -> tensor<2x2xi64> {
  %a = kiln.constant dense<[[1, 2], [7, 8]]> : tensor<2x2xi64>
  %b = kiln.full 5.0 : tensor<i64>
  %0 = kiln.maximum %a, %b : (tensor<2x2xi64>, tensor<i64>) -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}

// Operands of different dtypes are evaluated in the promoted dtype.
// CHECK-LABEL: func.func @mixed_dtypes_promoted
// CHECK: %[[C:.*]] = kiln.constant dense<[5, 9]> : tensor<2xi64>
// CHECK-NOT: kiln.maximum
// CHECK: return %[[C]]
func.func @mixed_dtypes_promoted() -> tensor<2xi64> {
  %a = kiln.constant dense<[1, 9]> : tensor<2xi32>
  %b = kiln.constant dense<[5, 5]> : tensor<2xi64>
  %0 = kiln.maximum %a, %b : (tensor<2xi32>, tensor<2xi64>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// CHECK-LABEL: func.func @too_large
// CHECK: kiln.maximum %{{.*}}, %{{.*}} : (tensor<1025xf32>, tensor<f32>) -> tensor<1025xf32>
func.func @too_large() -> tensor<1025xf32> {
  %a = kiln.ones : tensor<1025xf32>
  %b = kiln.zeros : tensor<f32>
  %0 = kiln.maximum %a, %b : (tensor<1025xf32>, tensor<f32>) -> tensor<1025xf32>
  return %0 : tensor<1025xf32>
}
