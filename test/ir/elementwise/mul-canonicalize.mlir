// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.mul: x * 1 -> x when the type is unchanged (x * 0 is not 0), and evaluation over small constants.

// CHECK-LABEL: func.func @mul_one
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]] : tensor<2x3xf32>
func.func @mul_one(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %o = kiln.ones : tensor<2x3xf32>
  %0 = kiln.mul %x, %o : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// mul is commutative: 1 * x folds too, and a 0-d float64 one does not widen float32.
// CHECK-LABEL: func.func @one_mul_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>)
// CHECK-NEXT: return %[[X]] : tensor<3xf32>
func.func @one_mul_scalar(%x: tensor<3xf32>) -> tensor<3xf32> {
  %o = kiln.full 1.0 : tensor<f64>
  %0 = kiln.mul %o, %x : (tensor<f64>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// x * true is x for any dtype x that bool does not promote.
// CHECK-LABEL: func.func @mul_true
// CHECK-SAME: (%[[X:.*]]: tensor<3xi64>)
// CHECK-NEXT: return %[[X]] : tensor<3xi64>
func.func @mul_true(%x: tensor<3xi64>) -> tensor<3xi64> {
  %t = kiln.ones : tensor<3xi1>
  %0 = kiln.mul %x, %t : (tensor<3xi64>, tensor<3xi1>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// CHECK-LABEL: func.func @mul_one_broadcasts
// CHECK: kiln.mul %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
func.func @mul_one_broadcasts(%x: tensor<3xf32>) -> tensor<4x3xf32> {
  %o = kiln.ones : tensor<4x3xf32>
  %0 = kiln.mul %x, %o : (tensor<3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @mul_one_promotes
// CHECK: kiln.mul %{{.*}}, %{{.*}} : (tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
func.func @mul_one_promotes(%x: tensor<3xi64>) -> tensor<3xf32> {
  %o = kiln.ones : tensor<f32>
  %0 = kiln.mul %x, %o : (tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// x * 0 is not 0 for floats (nan * 0 is nan): no fold.
// CHECK-LABEL: func.func @mul_zero
// CHECK: kiln.mul
func.func @mul_zero(%x: tensor<3xf32>) -> tensor<3xf32> {
  %z = kiln.zeros : tensor<3xf32>
  %0 = kiln.mul %x, %z : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @evaluate_broadcast
// CHECK: %[[C:.*]] = kiln.constant dense<{{\[}}[1.000000e+01, 2.000000e+01], [3.000000e+01, 6.000000e+01]]> : tensor<2x2xf32>
// CHECK: return %[[C]]
func.func @evaluate_broadcast() -> tensor<2x2xf32> {
  %a = kiln.constant dense<[[1.0], [3.0]]> : tensor<2x1xf32>
  %b = kiln.constant dense<[10.0, 20.0]> : tensor<2xf32>
  %0 = kiln.mul %a, %b : (tensor<2x1xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// uint8 wraps around: 200 * 100 = 20000 = 32 (mod 256).
// CHECK-LABEL: func.func @evaluate_uint8_wraps
// CHECK: %[[C:.*]] = kiln.constant dense<[32, 63]> : tensor<2xui8>
// CHECK: return %[[C]]
func.func @evaluate_uint8_wraps() -> tensor<2xui8> {
  %a = kiln.constant dense<[200, 7]> : tensor<2xui8>
  %b = kiln.constant dense<[100, 9]> : tensor<2xui8>
  %0 = kiln.mul %a, %b : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  return %0 : tensor<2xui8>
}

// CHECK-LABEL: func.func @evaluate_int64_scalar
// CHECK: %[[C:.*]] = kiln.constant dense<[-3, 6]> : tensor<2xi64>
// CHECK: return %[[C]]
func.func @evaluate_int64_scalar() -> tensor<2xi64> {
  %a = kiln.constant dense<[1, -2]> : tensor<2xi64>
  %b = kiln.full -3.0 : tensor<i64>
  %0 = kiln.mul %a, %b : (tensor<2xi64>, tensor<i64>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// CHECK-LABEL: func.func @too_large
// CHECK: kiln.mul %{{.*}}, %{{.*}} : (tensor<5x205xi32>, tensor<5x205xi32>) -> tensor<5x205xi32>
func.func @too_large() -> tensor<5x205xi32> {
  %a = kiln.full 2.0 : tensor<5x205xi32>
  %0 = kiln.mul %a, %a : (tensor<5x205xi32>, tensor<5x205xi32>) -> tensor<5x205xi32>
  return %0 : tensor<5x205xi32>
}
