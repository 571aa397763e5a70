// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.pow: pow(x, 1) -> x when the type is unchanged; pow(1, x), pow(x, 0) and promoting exponents stay.

// CHECK-LABEL: func.func @pow_one
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]] : tensor<2x3xf32>
func.func @pow_one(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %o = kiln.ones : tensor<2x3xf32>
  %0 = kiln.pow %x, %o : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @pow_one_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>)
// CHECK-NEXT: return %[[X]] : tensor<4xi32>
func.func @pow_one_int(%x: tensor<4xi32>) -> tensor<4xi32> {
  %o = kiln.constant dense<1> : tensor<i64>
  %0 = kiln.pow %x, %o : (tensor<4xi32>, tensor<i64>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// pow is not commutative: pow(1, x) is 1, not x.
// CHECK-LABEL: func.func @one_pow
// CHECK: kiln.pow
func.func @one_pow(%x: tensor<3xf32>) -> tensor<3xf32> {
  %o = kiln.ones : tensor<3xf32>
  %0 = kiln.pow %o, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// int64 ** float32 1.0 is float32: not an identity.
// CHECK-LABEL: func.func @pow_one_promotes
// CHECK: kiln.pow %{{.*}}, %{{.*}} : (tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
func.func @pow_one_promotes(%x: tensor<3xi64>) -> tensor<3xf32> {
  %o = kiln.ones : tensor<f32>
  %0 = kiln.pow %x, %o : (tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @pow_one_broadcasts
// CHECK: kiln.pow %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
func.func @pow_one_broadcasts(%x: tensor<3xf32>) -> tensor<2x3xf32> {
  %o = kiln.ones : tensor<2x3xf32>
  %0 = kiln.pow %x, %o : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @pow_two
// CHECK: kiln.pow
func.func @pow_two(%x: tensor<3xf32>) -> tensor<3xf32> {
  %t = kiln.full 2.0 : tensor<3xf32>
  %0 = kiln.pow %x, %t : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
