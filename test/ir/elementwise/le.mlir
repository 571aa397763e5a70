// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.le (torch.le): dtypes, broadcasting and PyTorch type promotion of the result.

// Same shape float32.
// CHECK-LABEL: func.func @same_f32
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x3xf32>)
func.func @same_f32(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %0 = kiln.le %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// Float64.
// CHECK-LABEL: func.func @same_f64
// CHECK-SAME: (%[[A:.*]]: tensor<4xf64>, %[[B:.*]]: tensor<4xf64>)
func.func @same_f64(%a: tensor<4xf64>, %b: tensor<4xf64>) -> tensor<4xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<4xf64>, tensor<4xf64>) -> tensor<4xi1>
  %0 = kiln.le %a, %b : (tensor<4xf64>, tensor<4xf64>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// Int64.
// CHECK-LABEL: func.func @same_i64
// CHECK-SAME: (%[[A:.*]]: tensor<3xi64>, %[[B:.*]]: tensor<3xi64>)
func.func @same_i64(%a: tensor<3xi64>, %b: tensor<3xi64>) -> tensor<3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi1>
  %0 = kiln.le %a, %b : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// Int32.
// CHECK-LABEL: func.func @same_i32
// CHECK-SAME: (%[[A:.*]]: tensor<2x2xi32>, %[[B:.*]]: tensor<2x2xi32>)
func.func @same_i32(%a: tensor<2x2xi32>, %b: tensor<2x2xi32>) -> tensor<2x2xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<2x2xi32>, tensor<2x2xi32>) -> tensor<2x2xi1>
  %0 = kiln.le %a, %b : (tensor<2x2xi32>, tensor<2x2xi32>) -> tensor<2x2xi1>
  return %0 : tensor<2x2xi1>
}

// Uint8.
// CHECK-LABEL: func.func @same_ui8
// CHECK-SAME: (%[[A:.*]]: tensor<5xui8>, %[[B:.*]]: tensor<5xui8>)
func.func @same_ui8(%a: tensor<5xui8>, %b: tensor<5xui8>) -> tensor<5xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<5xui8>, tensor<5xui8>) -> tensor<5xi1>
  %0 = kiln.le %a, %b : (tensor<5xui8>, tensor<5xui8>) -> tensor<5xi1>
  return %0 : tensor<5xi1>
}

// [2, 1, 3] with [4, 1] broadcasts to [2, 4, 3].
// CHECK-LABEL: func.func @broadcast
// CHECK-SAME: (%[[A:.*]]: tensor<2x1x3xf32>, %[[B:.*]]: tensor<4x1xf32>)
func.func @broadcast(%a: tensor<2x1x3xf32>, %b: tensor<4x1xf32>) -> tensor<2x4x3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<2x1x3xf32>, tensor<4x1xf32>) -> tensor<2x4x3xi1>
  %0 = kiln.le %a, %b : (tensor<2x1x3xf32>, tensor<4x1xf32>) -> tensor<2x4x3xi1>
  return %0 : tensor<2x4x3xi1>
}

// The lower-rank operand is prepended with ones.
// CHECK-LABEL: func.func @broadcast_rank
// CHECK-SAME: (%[[A:.*]]: tensor<3xf64>, %[[B:.*]]: tensor<2x3xf64>)
func.func @broadcast_rank(%a: tensor<3xf64>, %b: tensor<2x3xf64>) -> tensor<2x3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<3xf64>, tensor<2x3xf64>) -> tensor<2x3xi1>
  %0 = kiln.le %a, %b : (tensor<3xf64>, tensor<2x3xf64>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// A size-0 dimension broadcasts against 1.
// CHECK-LABEL: func.func @broadcast_zero_size
// CHECK-SAME: (%[[A:.*]]: tensor<0x3xf32>, %[[B:.*]]: tensor<1x3xf32>)
func.func @broadcast_zero_size(%a: tensor<0x3xf32>, %b: tensor<1x3xf32>) -> tensor<0x3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<0x3xf32>, tensor<1x3xf32>) -> tensor<0x3xi1>
  %0 = kiln.le %a, %b : (tensor<0x3xf32>, tensor<1x3xf32>) -> tensor<0x3xi1>
  return %0 : tensor<0x3xi1>
}

// Int32 with int64 promotes to int64.
// CHECK-LABEL: func.func @i32_i64
// CHECK-SAME: (%[[A:.*]]: tensor<3xi32>, %[[B:.*]]: tensor<3xi64>)
func.func @i32_i64(%a: tensor<3xi32>, %b: tensor<3xi64>) -> tensor<3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<3xi32>, tensor<3xi64>) -> tensor<3xi1>
  %0 = kiln.le %a, %b : (tensor<3xi32>, tensor<3xi64>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// Int64 with float32 promotes to float32.
// CHECK-LABEL: func.func @i64_f32
// CHECK-SAME: (%[[A:.*]]: tensor<2xi64>, %[[B:.*]]: tensor<2xf32>)
func.func @i64_f32(%a: tensor<2xi64>, %b: tensor<2xf32>) -> tensor<2xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<2xi64>, tensor<2xf32>) -> tensor<2xi1>
  %0 = kiln.le %a, %b : (tensor<2xi64>, tensor<2xf32>) -> tensor<2xi1>
  return %0 : tensor<2xi1>
}

// Float32 with float64 promotes to float64.
// CHECK-LABEL: func.func @f32_f64
// CHECK-SAME: (%[[A:.*]]: tensor<2xf32>, %[[B:.*]]: tensor<2xf64>)
func.func @f32_f64(%a: tensor<2xf32>, %b: tensor<2xf64>) -> tensor<2xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<2xf32>, tensor<2xf64>) -> tensor<2xi1>
  %0 = kiln.le %a, %b : (tensor<2xf32>, tensor<2xf64>) -> tensor<2xi1>
  return %0 : tensor<2xi1>
}

// A 0-d float tensor of a higher category decides: int64[3] with float32[] gives float32.
// CHECK-LABEL: func.func @int_tensor_float_scalar
// CHECK-SAME: (%[[A:.*]]: tensor<3xi64>, %[[B:.*]]: tensor<f32>)
func.func @int_tensor_float_scalar(%a: tensor<3xi64>, %b: tensor<f32>) -> tensor<3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<3xi64>, tensor<f32>) -> tensor<3xi1>
  %0 = kiln.le %a, %b : (tensor<3xi64>, tensor<f32>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// A 0-d tensor of the same category does not: float32[3] with float64[] stays float32.
// CHECK-LABEL: func.func @float_tensor_double_scalar
// CHECK-SAME: (%[[A:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<f64>)
func.func @float_tensor_double_scalar(%a: tensor<3xf32>, %b: tensor<f64>) -> tensor<3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<3xf32>, tensor<f64>) -> tensor<3xi1>
  %0 = kiln.le %a, %b : (tensor<3xf32>, tensor<f64>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// Int32[3] with int64[] stays int32.
// CHECK-LABEL: func.func @int32_tensor_int64_scalar
// CHECK-SAME: (%[[A:.*]]: tensor<3xi32>, %[[B:.*]]: tensor<i64>)
func.func @int32_tensor_int64_scalar(%a: tensor<3xi32>, %b: tensor<i64>) -> tensor<3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<3xi32>, tensor<i64>) -> tensor<3xi1>
  %0 = kiln.le %a, %b : (tensor<3xi32>, tensor<i64>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// Int32[3] with float64[] gives float64 (0-d tensors are not wrapped numbers).
// CHECK-LABEL: func.func @int32_tensor_double_scalar
// CHECK-SAME: (%[[A:.*]]: tensor<3xi32>, %[[B:.*]]: tensor<f64>)
func.func @int32_tensor_double_scalar(%a: tensor<3xi32>, %b: tensor<f64>) -> tensor<3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<3xi32>, tensor<f64>) -> tensor<3xi1>
  %0 = kiln.le %a, %b : (tensor<3xi32>, tensor<f64>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// The 0-d operand may come first.
// CHECK-LABEL: func.func @scalar_first
// CHECK-SAME: (%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<2x2xi64>)
func.func @scalar_first(%a: tensor<f32>, %b: tensor<2x2xi64>) -> tensor<2x2xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<f32>, tensor<2x2xi64>) -> tensor<2x2xi1>
  %0 = kiln.le %a, %b : (tensor<f32>, tensor<2x2xi64>) -> tensor<2x2xi1>
  return %0 : tensor<2x2xi1>
}

// Uint8 with bool promotes to uint8.
// CHECK-LABEL: func.func @ui8_bool
// CHECK-SAME: (%[[A:.*]]: tensor<4xui8>, %[[B:.*]]: tensor<4xi1>)
func.func @ui8_bool(%a: tensor<4xui8>, %b: tensor<4xi1>) -> tensor<4xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<4xui8>, tensor<4xi1>) -> tensor<4xi1>
  %0 = kiln.le %a, %b : (tensor<4xui8>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// Bool[4] with int64[] gives int64: bool is a lower category.
// CHECK-LABEL: func.func @bool_tensor_int_scalar
// CHECK-SAME: (%[[A:.*]]: tensor<4xi1>, %[[B:.*]]: tensor<i64>)
func.func @bool_tensor_int_scalar(%a: tensor<4xi1>, %b: tensor<i64>) -> tensor<4xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<4xi1>, tensor<i64>) -> tensor<4xi1>
  %0 = kiln.le %a, %b : (tensor<4xi1>, tensor<i64>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// Two 0-d tensors promote normally.
// CHECK-LABEL: func.func @zero_dim
// CHECK-SAME: (%[[A:.*]]: tensor<f64>, %[[B:.*]]: tensor<i32>)
func.func @zero_dim(%a: tensor<f64>, %b: tensor<i32>) -> tensor<i1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<f64>, tensor<i32>) -> tensor<i1>
  %0 = kiln.le %a, %b : (tensor<f64>, tensor<i32>) -> tensor<i1>
  return %0 : tensor<i1>
}

// Bool with bool.
// CHECK-LABEL: func.func @bool_bool
// CHECK-SAME: (%[[A:.*]]: tensor<3xi1>, %[[B:.*]]: tensor<3xi1>)
func.func @bool_bool(%a: tensor<3xi1>, %b: tensor<3xi1>) -> tensor<3xi1> {
  // CHECK: kiln.le %[[A]], %[[B]] : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  %0 = kiln.le %a, %b : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// The generic form parses to the same op.
// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%a: tensor<2x3xi64>, %b: tensor<3xf64>) -> tensor<2x3xi1> {
  // CHECK: kiln.le %{{.*}}, %{{.*}} : (tensor<2x3xi64>, tensor<3xf64>) -> tensor<2x3xi1>
  %0 = "kiln.le"(%a, %b) : (tensor<2x3xi64>, tensor<3xf64>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}
