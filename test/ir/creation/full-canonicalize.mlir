// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Canonicalization keeps kiln.full as an op, folds its value into users, and deduplicates it.

// CHECK-LABEL: func.func @kept
// CHECK-NEXT: %[[F:.*]] = kiln.full 2.500000e+00 : tensor<2x3xf32>
// CHECK-NEXT: return %[[F]] : tensor<2x3xf32>
func.func @kept() -> tensor<2x3xf32> {
  %0 = kiln.full 2.5 : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @deduplicated
// CHECK-NEXT: %[[F:.*]] = kiln.full 2.550000e+02 : tensor<3xui8>
// CHECK-NEXT: return %[[F]], %[[F]] : tensor<3xui8>, tensor<3xui8>
func.func @deduplicated() -> (tensor<3xui8>, tensor<3xui8>) {
  %0 = kiln.full 255.0 : tensor<3xui8>
  %1 = kiln.full 255.0 : tensor<3xui8>
  return %0, %1 : tensor<3xui8>, tensor<3xui8>
}

// Different values are different constants.
// CHECK-LABEL: func.func @distinct_values
// CHECK-DAG: kiln.full 1.000000e+00 : tensor<2xf32>
// CHECK-DAG: kiln.full 2.000000e+00 : tensor<2xf32>
func.func @distinct_values() -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = kiln.full 1.0 : tensor<2xf32>
  %1 = kiln.full 2.0 : tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// 255 + 1 in uint8 wraps to 0; -3 * -3 = 9 in int32; 7.5 / 2.5 = 3 in float64.
// CHECK-LABEL: func.func @evaluated_in_users
// CHECK-DAG: %[[A:.*]] = kiln.constant dense<0> : tensor<3xui8>
// CHECK-DAG: %[[B:.*]] = kiln.constant dense<9> : tensor<2xi32>
// CHECK-DAG: %[[C:.*]] = kiln.constant dense<3.000000e+00> : tensor<f64>
// CHECK: return %[[A]], %[[B]], %[[C]]
func.func @evaluated_in_users() -> (tensor<3xui8>, tensor<2xi32>, tensor<f64>) {
  %a = kiln.full 255.0 : tensor<3xui8>
  %o = kiln.ones : tensor<3xui8>
  %0 = kiln.add %a, %o : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  %b = kiln.full -3.0 : tensor<2xi32>
  %1 = kiln.mul %b, %b : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %c = kiln.full 7.5 : tensor<f64>
  %d = kiln.full 2.5 : tensor<f64>
  %2 = kiln.div %c, %d : (tensor<f64>, tensor<f64>) -> tensor<f64>
  return %0, %1, %2 : tensor<3xui8>, tensor<2xi32>, tensor<f64>
}
