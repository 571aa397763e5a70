// torch.prod (over a dim list): all dims, several and negative dims, keepdim, 0-d input, int/bool/uint8 accumulate in int64.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @all_dims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @all_dims(%x: tensor<2x3x4xf32>) -> tensor<f32> {
  // CHECK: kiln.prod %[[X]] : (tensor<2x3x4xf32>) -> tensor<f32>
  %0 = kiln.prod %x : (tensor<2x3x4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @all_dims_keepdim
func.func @all_dims_keepdim(%x: tensor<2x3x4xf64>) -> tensor<1x1x1xf64> {
  // CHECK: kiln.prod %{{.*}} keepdim : (tensor<2x3x4xf64>) -> tensor<1x1x1xf64>
  %0 = kiln.prod %x keepdim : (tensor<2x3x4xf64>) -> tensor<1x1x1xf64>
  return %0 : tensor<1x1x1xf64>
}

// CHECK-LABEL: func.func @several_dims
func.func @several_dims(%x: tensor<2x3x4x5xf32>) -> tensor<3x5xf32> {
  // CHECK: kiln.prod %{{.*}} dim [0, 2] : (tensor<2x3x4x5xf32>) -> tensor<3x5xf32>
  %0 = kiln.prod %x dim [0, 2] : (tensor<2x3x4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// Negative dims count from the end; their order in the list does not matter.
// CHECK-LABEL: func.func @negative_dims_keepdim
func.func @negative_dims_keepdim(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  // CHECK: kiln.prod %{{.*}} dim [-1, 0] keepdim : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  %0 = kiln.prod %x dim [-1, 0] keepdim : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// CHECK-LABEL: func.func @single_negative_dim
func.func @single_negative_dim(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  // CHECK: kiln.prod %{{.*}} dim [-2] : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  %0 = kiln.prod %x dim [-2] : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// A 0-d tensor accepts dim 0 and -1; keepdim leaves it 0-d.
// CHECK-LABEL: func.func @zero_d
func.func @zero_d(%s: tensor<f32>) -> (tensor<f32>, tensor<f32>, tensor<f32>) {
  // CHECK: kiln.prod %{{.*}} : (tensor<f32>) -> tensor<f32>
  // CHECK: kiln.prod %{{.*}} dim [0] : (tensor<f32>) -> tensor<f32>
  // CHECK: kiln.prod %{{.*}} dim [-1] keepdim : (tensor<f32>) -> tensor<f32>
  %0 = kiln.prod %s : (tensor<f32>) -> tensor<f32>
  %1 = kiln.prod %s dim [0] : (tensor<f32>) -> tensor<f32>
  %2 = kiln.prod %s dim [-1] keepdim : (tensor<f32>) -> tensor<f32>
  return %0, %1, %2 : tensor<f32>, tensor<f32>, tensor<f32>
}

// torch.prod promotes every integral dtype, bool included, to int64.
// CHECK-LABEL: func.func @integers_accumulate_in_int64
func.func @integers_accumulate_in_int64(%a: tensor<2x3xi32>, %b: tensor<2x3xi1>, %c: tensor<2x3xui8>, %d: tensor<2x3xi64>, %e: tensor<i32>) -> (tensor<i64>, tensor<3xi64>, tensor<2x1xi64>, tensor<i64>, tensor<i64>) {
  // CHECK: kiln.prod %{{.*}} : (tensor<2x3xi32>) -> tensor<i64>
  // CHECK: kiln.prod %{{.*}} dim [0] : (tensor<2x3xi1>) -> tensor<3xi64>
  // CHECK: kiln.prod %{{.*}} dim [1] keepdim : (tensor<2x3xui8>) -> tensor<2x1xi64>
  // CHECK: kiln.prod %{{.*}} : (tensor<2x3xi64>) -> tensor<i64>
  // CHECK: kiln.prod %{{.*}} : (tensor<i32>) -> tensor<i64>
  %0 = kiln.prod %a : (tensor<2x3xi32>) -> tensor<i64>
  %1 = kiln.prod %b dim [0] : (tensor<2x3xi1>) -> tensor<3xi64>
  %2 = kiln.prod %c dim [1] keepdim : (tensor<2x3xui8>) -> tensor<2x1xi64>
  %3 = kiln.prod %d : (tensor<2x3xi64>) -> tensor<i64>
  %4 = kiln.prod %e : (tensor<i32>) -> tensor<i64>
  return %0, %1, %2, %3, %4 : tensor<i64>, tensor<3xi64>, tensor<2x1xi64>, tensor<i64>, tensor<i64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // CHECK: kiln.prod %{{.*}} dim [1] : (tensor<2x3xf32>) -> tensor<2xf32>
  %0 = "kiln.prod"(%x) <{dim = array<i64: 1>}> : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
