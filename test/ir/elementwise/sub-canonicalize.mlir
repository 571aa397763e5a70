// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.sub: x - 0 -> x when the type is unchanged (0 - x is not x), and evaluation over small constants.

// CHECK-LABEL: func.func @sub_zero
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]] : tensor<2x3xf32>
func.func @sub_zero(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %z = kiln.zeros : tensor<2x3xf32>
  %0 = kiln.sub %x, %z : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @sub_zero_scalar_uint8
// CHECK-SAME: (%[[X:.*]]: tensor<4xui8>)
// CHECK-NEXT: return %[[X]] : tensor<4xui8>
func.func @sub_zero_scalar_uint8(%x: tensor<4xui8>) -> tensor<4xui8> {
  %z = kiln.zeros : tensor<i64>
  %0 = kiln.sub %x, %z : (tensor<4xui8>, tensor<i64>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// sub is not commutative: 0 - x is -x, not x.
// CHECK-LABEL: func.func @zero_sub
// CHECK: %[[R:.*]] = kiln.sub %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
// CHECK: return %[[R]]
func.func @zero_sub(%x: tensor<3xf32>) -> tensor<3xf32> {
  %z = kiln.zeros : tensor<3xf32>
  %0 = kiln.sub %z, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @sub_zero_broadcasts
// CHECK: kiln.sub %{{.*}}, %{{.*}} : (tensor<3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
func.func @sub_zero_broadcasts(%x: tensor<3xi64>) -> tensor<2x3xi64> {
  %z = kiln.zeros : tensor<2x3xi64>
  %0 = kiln.sub %x, %z : (tensor<3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// CHECK-LABEL: func.func @sub_zero_promotes
// CHECK: kiln.sub %{{.*}}, %{{.*}} : (tensor<3xi32>, tensor<3xi64>) -> tensor<3xi64>
func.func @sub_zero_promotes(%x: tensor<3xi32>) -> tensor<3xi64> {
  %z = kiln.zeros : tensor<3xi64>
  %0 = kiln.sub %x, %z : (tensor<3xi32>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// CHECK-LABEL: func.func @evaluate_broadcast
// CHECK: %[[C:.*]] = kiln.constant dense<{{\[}}[-9, -8, -7], [-19, -18, -17]]> : tensor<2x3xi32>
// CHECK-NOT: kiln.sub
// CHECK: return %[[C]]
func.func @evaluate_broadcast() -> tensor<2x3xi32> {
  %a = kiln.constant dense<[1, 2, 3]> : tensor<3xi32>
  %b = kiln.constant dense<[[10], [20]]> : tensor<2x1xi32>
  %0 = kiln.sub %a, %b : (tensor<3xi32>, tensor<2x1xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// uint8 wraps around: 1 - 2 = 255.
// CHECK-LABEL: func.func @evaluate_uint8_wraps
// CHECK: %[[C:.*]] = kiln.constant dense<[255, 0]> : tensor<2xui8>
// CHECK: return %[[C]]
func.func @evaluate_uint8_wraps() -> tensor<2xui8> {
  %a = kiln.constant dense<[1, 2]> : tensor<2xui8>
  %b = kiln.full 2.0 : tensor<2xui8>
  %0 = kiln.sub %a, %b : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  return %0 : tensor<2xui8>
}

// CHECK-LABEL: func.func @evaluate_float64
// CHECK: %[[C:.*]] = kiln.constant dense<-1.500000e+00> : tensor<2x2xf64>
// CHECK: return %[[C]]
func.func @evaluate_float64() -> tensor<2x2xf64> {
  %a = kiln.ones : tensor<2x2xf64>
  %b = kiln.full 2.5 : tensor<2x2xf64>
  %0 = kiln.sub %a, %b : (tensor<2x2xf64>, tensor<2x2xf64>) -> tensor<2x2xf64>
  return %0 : tensor<2x2xf64>
}

// CHECK-LABEL: func.func @too_large
// CHECK: kiln.sub %{{.*}}, %{{.*}} : (tensor<2048xf32>, tensor<2048xf32>) -> tensor<2048xf32>
func.func @too_large() -> tensor<2048xf32> {
  %a = kiln.ones : tensor<2048xf32>
  %b = kiln.full 3.0 : tensor<2048xf32>
  %0 = kiln.sub %a, %b : (tensor<2048xf32>, tensor<2048xf32>) -> tensor<2048xf32>
  return %0 : tensor<2048xf32>
}
