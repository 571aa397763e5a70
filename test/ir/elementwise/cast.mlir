// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.cast (Tensor.to(dtype)): conversions between every pair of dtype categories, 0-d, same type.

// CHECK-LABEL: func.func @float_to_int
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>)
func.func @float_to_int(%x: tensor<3xf32>) -> tensor<3xi64> {
  // CHECK: kiln.cast %[[X]] : tensor<3xf32> to tensor<3xi64>
  %0 = kiln.cast %x : tensor<3xf32> to tensor<3xi64>
  return %0 : tensor<3xi64>
}

// CHECK-LABEL: func.func @int_to_float
func.func @int_to_float(%x: tensor<2x3xi32>) -> tensor<2x3xf64> {
  // CHECK: kiln.cast %{{.*}} : tensor<2x3xi32> to tensor<2x3xf64>
  %0 = kiln.cast %x : tensor<2x3xi32> to tensor<2x3xf64>
  return %0 : tensor<2x3xf64>
}

// CHECK-LABEL: func.func @float_to_bool
func.func @float_to_bool(%x: tensor<4xf64>) -> tensor<4xi1> {
  // CHECK: kiln.cast %{{.*}} : tensor<4xf64> to tensor<4xi1>
  %0 = kiln.cast %x : tensor<4xf64> to tensor<4xi1>
  return %0 : tensor<4xi1>
}

// CHECK-LABEL: func.func @bool_to_uint8
func.func @bool_to_uint8(%x: tensor<4xi1>) -> tensor<4xui8> {
  // CHECK: kiln.cast %{{.*}} : tensor<4xi1> to tensor<4xui8>
  %0 = kiln.cast %x : tensor<4xi1> to tensor<4xui8>
  return %0 : tensor<4xui8>
}

// CHECK-LABEL: func.func @uint8_to_int32
func.func @uint8_to_int32(%x: tensor<2xui8>) -> tensor<2xi32> {
  // CHECK: kiln.cast %{{.*}} : tensor<2xui8> to tensor<2xi32>
  %0 = kiln.cast %x : tensor<2xui8> to tensor<2xi32>
  return %0 : tensor<2xi32>
}

// CHECK-LABEL: func.func @f64_to_f32
func.func @f64_to_f32(%x: tensor<2x2xf64>) -> tensor<2x2xf32> {
  // CHECK: kiln.cast %{{.*}} : tensor<2x2xf64> to tensor<2x2xf32>
  %0 = kiln.cast %x : tensor<2x2xf64> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @zero_dim
func.func @zero_dim(%x: tensor<i64>) -> tensor<f32> {
  // CHECK: kiln.cast %{{.*}} : tensor<i64> to tensor<f32>
  %0 = kiln.cast %x : tensor<i64> to tensor<f32>
  return %0 : tensor<f32>
}

// A cast to the same dtype is valid (and a no-op).
// CHECK-LABEL: func.func @same_type
func.func @same_type(%x: tensor<3xi32>) -> tensor<3xi32> {
  // CHECK: kiln.cast %{{.*}} : tensor<3xi32> to tensor<3xi32>
  %0 = kiln.cast %x : tensor<3xi32> to tensor<3xi32>
  return %0 : tensor<3xi32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<0x2xf32>) -> tensor<0x2xi64> {
  // CHECK: kiln.cast %{{.*}} : tensor<0x2xf32> to tensor<0x2xi64>
  %0 = "kiln.cast"(%x) : (tensor<0x2xf32>) -> tensor<0x2xi64>
  return %0 : tensor<0x2xi64>
}
