// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.where (torch.where): three-way broadcasting and promotion of the two values.

// CHECK-LABEL: func.func @same_shapes
// CHECK-SAME: (%[[C:.*]]: tensor<2x3xi1>, %[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x3xf32>)
func.func @same_shapes(%c: tensor<2x3xi1>, %a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.where %[[C]], %[[A]], %[[B]] : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.where %c, %a, %b : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// All three operands broadcast together: [4, 1, 1], [3, 1] and [5] give [4, 3, 5].
// CHECK-LABEL: func.func @three_way_broadcast
func.func @three_way_broadcast(%c: tensor<4x1x1xi1>, %a: tensor<3x1xf64>, %b: tensor<5xf64>) -> tensor<4x3x5xf64> {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4x1x1xi1>, tensor<3x1xf64>, tensor<5xf64>) -> tensor<4x3x5xf64>
  %0 = kiln.where %c, %a, %b : (tensor<4x1x1xi1>, tensor<3x1xf64>, tensor<5xf64>) -> tensor<4x3x5xf64>
  return %0 : tensor<4x3x5xf64>
}

// The condition alone may set the result shape.
// CHECK-LABEL: func.func @condition_sets_shape
func.func @condition_sets_shape(%c: tensor<2x2xi1>, %a: tensor<i64>, %b: tensor<i64>) -> tensor<2x2xi64> {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x2xi1>, tensor<i64>, tensor<i64>) -> tensor<2x2xi64>
  %0 = kiln.where %c, %a, %b : (tensor<2x2xi1>, tensor<i64>, tensor<i64>) -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}

// CHECK-LABEL: func.func @int32_int64
func.func @int32_int64(%c: tensor<3xi1>, %a: tensor<3xi32>, %b: tensor<3xi64>) -> tensor<3xi64> {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<3xi1>, tensor<3xi32>, tensor<3xi64>) -> tensor<3xi64>
  %0 = kiln.where %c, %a, %b : (tensor<3xi1>, tensor<3xi32>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// A 0-d float value of a higher category decides: int64[4] with float32[] gives float32.
// CHECK-LABEL: func.func @int_tensor_float_scalar
func.func @int_tensor_float_scalar(%c: tensor<4xi1>, %a: tensor<4xi64>, %b: tensor<f32>) -> tensor<4xf32> {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4xi1>, tensor<4xi64>, tensor<f32>) -> tensor<4xf32>
  %0 = kiln.where %c, %a, %b : (tensor<4xi1>, tensor<4xi64>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// A 0-d float64 does not widen a float32 tensor.
// CHECK-LABEL: func.func @float_tensor_double_scalar
func.func @float_tensor_double_scalar(%c: tensor<4xi1>, %a: tensor<f64>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4xi1>, tensor<f64>, tensor<4xf32>) -> tensor<4xf32>
  %0 = kiln.where %c, %a, %b : (tensor<4xi1>, tensor<f64>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// The condition does not take part in promotion: bool values stay bool, uint8 with bool gives uint8.
// CHECK-LABEL: func.func @bool_values
func.func @bool_values(%c: tensor<3xi1>, %a: tensor<3xi1>, %b: tensor<3xi1>) -> tensor<3xi1> {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  %0 = kiln.where %c, %a, %b : (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// CHECK-LABEL: func.func @uint8_bool
func.func @uint8_bool(%c: tensor<3xi1>, %a: tensor<3xui8>, %b: tensor<3xi1>) -> tensor<3xui8> {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<3xi1>, tensor<3xui8>, tensor<3xi1>) -> tensor<3xui8>
  %0 = kiln.where %c, %a, %b : (tensor<3xi1>, tensor<3xui8>, tensor<3xi1>) -> tensor<3xui8>
  return %0 : tensor<3xui8>
}

// CHECK-LABEL: func.func @all_zero_dim
func.func @all_zero_dim(%c: tensor<i1>, %a: tensor<i32>, %b: tensor<f64>) -> tensor<f64> {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<i1>, tensor<i32>, tensor<f64>) -> tensor<f64>
  %0 = kiln.where %c, %a, %b : (tensor<i1>, tensor<i32>, tensor<f64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%c: tensor<2x1xi1>, %a: tensor<3xf32>, %b: tensor<f32>) -> tensor<2x3xf32> {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x1xi1>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %0 = "kiln.where"(%c, %a, %b) : (tensor<2x1xi1>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
