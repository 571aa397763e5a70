// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.add: x + 0 -> x when the type is unchanged, and evaluation over small constants.

// CHECK-LABEL: func.func @add_zero_int
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xi64>)
// CHECK-NEXT: return %[[X]] : tensor<2x3xi64>
func.func @add_zero_int(%x: tensor<2x3xi64>) -> tensor<2x3xi64> {
  %z = kiln.zeros : tensor<2x3xi64>
  %0 = kiln.add %x, %z : (tensor<2x3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// add is commutative: 0 + x folds too.
// CHECK-LABEL: func.func @zero_add_int
// CHECK-SAME: (%[[X:.*]]: tensor<3xi32>)
// CHECK-NEXT: return %[[X]] : tensor<3xi32>
func.func @zero_add_int(%x: tensor<3xi32>) -> tensor<3xi32> {
  %z = kiln.constant dense<0> : tensor<3xi32>
  %0 = kiln.add %z, %x : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// A 0-d zero that neither broadcasts nor promotes x is an identity.
// CHECK-LABEL: func.func @add_zero_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]] : tensor<4xf32>
func.func @add_zero_scalar(%x: tensor<4xf32>) -> tensor<4xf32> {
  %z = kiln.constant dense<-0.0> : tensor<f64>
  %0 = kiln.add %x, %z : (tensor<4xf32>, tensor<f64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @add_false_bool
// CHECK-SAME: (%[[X:.*]]: tensor<3xi1>)
// CHECK-NEXT: return %[[X]] : tensor<3xi1>
func.func @add_false_bool(%x: tensor<3xi1>) -> tensor<3xi1> {
  %z = kiln.zeros : tensor<3xi1>
  %0 = kiln.add %x, %z : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// The zero broadcasts x to [2, 3]: not an identity.
// CHECK-LABEL: func.func @add_zero_broadcasts
// CHECK: %[[Z:.*]] = kiln.zeros : tensor<2x3xf32>
// CHECK: %[[R:.*]] = kiln.add %{{.*}}, %[[Z]] : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: return %[[R]]
func.func @add_zero_broadcasts(%x: tensor<3xf32>) -> tensor<2x3xf32> {
  %z = kiln.zeros : tensor<2x3xf32>
  %0 = kiln.add %x, %z : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// int64[3] + float32[] 0 is float32: not an identity.
// CHECK-LABEL: func.func @add_zero_promotes
// CHECK: %[[R:.*]] = kiln.add %{{.*}}, %{{.*}} : (tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
// CHECK: return %[[R]]
func.func @add_zero_promotes(%x: tensor<3xi64>) -> tensor<3xf32> {
  %z = kiln.zeros : tensor<f32>
  %0 = kiln.add %x, %z : (tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// x + 1 is not folded.
// CHECK-LABEL: func.func @add_one
// CHECK: kiln.add
func.func @add_one(%x: tensor<3xf32>) -> tensor<3xf32> {
  %o = kiln.ones : tensor<3xf32>
  %0 = kiln.add %x, %o : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// Constants broadcast: [3] + [2, 1] is evaluated to [2, 3].
// CHECK-LABEL: func.func @evaluate_broadcast
// CHECK: %[[C:.*]] = kiln.constant dense<{{\[}}[1.100000e+01, 1.200000e+01, 1.300000e+01], [2.100000e+01, 2.200000e+01, 2.300000e+01]]> : tensor<2x3xf32>
// CHECK-NOT: kiln.add
// CHECK: return %[[C]]
func.func @evaluate_broadcast() -> tensor<2x3xf32> {
  %a = kiln.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %b = kiln.constant dense<[[10.0], [20.0]]> : tensor<2x1xf32>
  %0 = kiln.add %a, %b : (tensor<3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// uint8 wraps around: 200 + 100 = 44.
// CHECK-LABEL: func.func @evaluate_uint8_wraps
// CHECK: %[[C:.*]] = kiln.constant dense<[44, 201]> : tensor<2xui8>
// CHECK-NOT: kiln.add
// CHECK: return %[[C]]
func.func @evaluate_uint8_wraps() -> tensor<2xui8> {
  %a = kiln.constant dense<[200, 101]> : tensor<2xui8>
  %b = kiln.full 100.0 : tensor<2xui8>
  %0 = kiln.add %a, %b : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  return %0 : tensor<2xui8>
}

// ones + full evaluates, and the full/ones ops themselves are kept as ops.
// CHECK-LABEL: func.func @evaluate_filled
// CHECK-DAG: %[[C:.*]] = kiln.constant dense<4> : tensor<2x2xi64>
// CHECK-DAG: %[[F:.*]] = kiln.full 3.000000e+00 : tensor<2x2xi64>
// CHECK: return %[[C]], %[[F]]
func.func @evaluate_filled() -> (tensor<2x2xi64>, tensor<2x2xi64>) {
  %a = kiln.ones : tensor<2x2xi64>
  %b = kiln.full 3.0 : tensor<2x2xi64>
  %0 = kiln.add %a, %b : (tensor<2x2xi64>, tensor<2x2xi64>) -> tensor<2x2xi64>
  return %0, %b : tensor<2x2xi64>, tensor<2x2xi64>
}

// IEEE: -0.0 + 0.0 is +0.0 (as in PyTorch), so the identity must not keep -0.0.
// CHECK-LABEL: func.func @negative_zero_plus_zero
// CHECK: kiln.constant dense<0.000000e+00> : tensor<3xf32>
// CHECK-NOT: -0.0
func.func @negative_zero_plus_zero() -> tensor<3xf32> {
  %a = kiln.constant dense<-0.0> : tensor<3xf32>
  %z = kiln.zeros : tensor<3xf32>
  %0 = kiln.add %a, %z : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// Operands of different dtypes are evaluated in the promoted dtype (int64 + float32[] -> float32).
// CHECK-LABEL: func.func @mixed_dtypes_promoted
// CHECK: %[[C:.*]] = kiln.constant dense<[1.500000e+00, 2.500000e+00]> : tensor<2xf32>
// CHECK-NOT: kiln.add
// CHECK: return %[[C]]
func.func @mixed_dtypes_promoted() -> tensor<2xf32> {
  %a = kiln.constant dense<[1, 2]> : tensor<2xi64>
  %b = kiln.full 0.5 : tensor<f32>
  %0 = kiln.add %a, %b : (tensor<2xi64>, tensor<f32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// Exactly 1024 elements are evaluated.
// CHECK-LABEL: func.func @evaluate_1024
// CHECK: %[[C:.*]] = kiln.constant dense<2.000000e+00> : tensor<32x32xf32>
// CHECK-NOT: kiln.add
// CHECK: return %[[C]]
func.func @evaluate_1024() -> tensor<32x32xf32> {
  %a = kiln.ones : tensor<32x32xf32>
  %0 = kiln.add %a, %a : (tensor<32x32xf32>, tensor<32x32xf32>) -> tensor<32x32xf32>
  return %0 : tensor<32x32xf32>
}

// Results over 1024 elements stay ops, even when they broadcast from small operands.
// CHECK-LABEL: func.func @too_large
// CHECK: %[[R:.*]] = kiln.add %{{.*}}, %{{.*}} : (tensor<1025xf32>, tensor<f32>) -> tensor<1025xf32>
// CHECK: return %[[R]]
func.func @too_large() -> tensor<1025xf32> {
  %a = kiln.ones : tensor<1025xf32>
  %b = kiln.ones : tensor<f32>
  %0 = kiln.add %a, %b : (tensor<1025xf32>, tensor<f32>) -> tensor<1025xf32>
  return %0 : tensor<1025xf32>
}

// CHECK-LABEL: func.func @too_large_broadcast
// CHECK: kiln.add %{{.*}}, %{{.*}} : (tensor<33x1xf32>, tensor<32xf32>) -> tensor<33x32xf32>
func.func @too_large_broadcast() -> tensor<33x32xf32> {
  %a = kiln.ones : tensor<33x1xf32>
  %b = kiln.ones : tensor<32xf32>
  %0 = kiln.add %a, %b : (tensor<33x1xf32>, tensor<32xf32>) -> tensor<33x32xf32>
  return %0 : tensor<33x32xf32>
}
