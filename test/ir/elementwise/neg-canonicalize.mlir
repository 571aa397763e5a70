// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.neg: neg(neg x) -> x, and evaluation over small constants (uint8 wraps around).

// CHECK-LABEL: func.func @double_negation
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]] : tensor<2x3xf32>
func.func @double_negation(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.neg %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = kiln.neg %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @double_negation_int
// CHECK-SAME: (%[[X:.*]]: tensor<i32>)
// CHECK-NEXT: return %[[X]] : tensor<i32>
func.func @double_negation_int(%x: tensor<i32>) -> tensor<i32> {
  %0 = kiln.neg %x : (tensor<i32>) -> tensor<i32>
  %1 = kiln.neg %0 : (tensor<i32>) -> tensor<i32>
  return %1 : tensor<i32>
}

// A single negation stays.
// CHECK-LABEL: func.func @single_negation
// CHECK: %[[R:.*]] = kiln.neg %{{.*}} : (tensor<3xf32>) -> tensor<3xf32>
// CHECK: return %[[R]]
func.func @single_negation(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = kiln.neg %x : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// Three negations leave one.
// CHECK-LABEL: func.func @triple_negation
// CHECK: %[[R:.*]] = kiln.neg %{{.*}} : (tensor<3xf64>) -> tensor<3xf64>
// CHECK-NOT: kiln.neg
// CHECK: return %[[R]]
func.func @triple_negation(%x: tensor<3xf64>) -> tensor<3xf64> {
  %0 = kiln.neg %x : (tensor<3xf64>) -> tensor<3xf64>
  %1 = kiln.neg %0 : (tensor<3xf64>) -> tensor<3xf64>
  %2 = kiln.neg %1 : (tensor<3xf64>) -> tensor<3xf64>
  return %2 : tensor<3xf64>
}

// CHECK-LABEL: func.func @evaluate_float
// CHECK: %[[C:.*]] = kiln.constant dense<[-1.000000e+00, 2.500000e+00, -0.000000e+00]> : tensor<3xf32>
// CHECK: return %[[C]]
func.func @evaluate_float() -> tensor<3xf32> {
  %a = kiln.constant dense<[1.0, -2.5, 0.0]> : tensor<3xf32>
  %0 = kiln.neg %a : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @evaluate_ones
// CHECK: %[[C:.*]] = kiln.constant dense<-1> : tensor<2x2xi64>
// CHECK: return %[[C]]
func.func @evaluate_ones() -> tensor<2x2xi64> {
  %a = kiln.ones : tensor<2x2xi64>
  %0 = kiln.neg %a : (tensor<2x2xi64>) -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}

// -1 in uint8 is 255, as torch.neg of a uint8 tensor gives.
// CHECK-LABEL: func.func @evaluate_uint8_wraps
// CHECK: %[[C:.*]] = kiln.constant dense<[255, 0, 56]> : tensor<3xui8>
// CHECK: return %[[C]]
func.func @evaluate_uint8_wraps() -> tensor<3xui8> {
  %a = kiln.constant dense<[1, 0, 200]> : tensor<3xui8>
  %0 = kiln.neg %a : (tensor<3xui8>) -> tensor<3xui8>
  return %0 : tensor<3xui8>
}

// CHECK-LABEL: func.func @too_large
// CHECK: kiln.neg %{{.*}} : (tensor<1025xf32>) -> tensor<1025xf32>
func.func @too_large() -> tensor<1025xf32> {
  %a = kiln.full 3.0 : tensor<1025xf32>
  %0 = kiln.neg %a : (tensor<1025xf32>) -> tensor<1025xf32>
  return %0 : tensor<1025xf32>
}
