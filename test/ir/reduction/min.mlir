// torch.amin: all/several/negative dims, keepdim, 0-d input; the result keeps the input dtype.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @all_dims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @all_dims(%x: tensor<2x3x4xf32>) -> tensor<f32> {
  // CHECK: kiln.min %[[X]] : (tensor<2x3x4xf32>) -> tensor<f32>
  %0 = kiln.min %x : (tensor<2x3x4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @several_negative_dims_keepdim
func.func @several_negative_dims_keepdim(%x: tensor<2x3x4x5xf64>) -> tensor<2x1x4x1xf64> {
  // CHECK: kiln.min %{{.*}} dim [-1, -3] keepdim : (tensor<2x3x4x5xf64>) -> tensor<2x1x4x1xf64>
  %0 = kiln.min %x dim [-1, -3] keepdim : (tensor<2x3x4x5xf64>) -> tensor<2x1x4x1xf64>
  return %0 : tensor<2x1x4x1xf64>
}

// CHECK-LABEL: func.func @one_dim
func.func @one_dim(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  // CHECK: kiln.min %{{.*}} dim [1] : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  %0 = kiln.min %x dim [1] : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @zero_d
func.func @zero_d(%s: tensor<f64>) -> (tensor<f64>, tensor<f64>) {
  // CHECK: kiln.min %{{.*}} : (tensor<f64>) -> tensor<f64>
  // CHECK: kiln.min %{{.*}} dim [-1] keepdim : (tensor<f64>) -> tensor<f64>
  %0 = kiln.min %s : (tensor<f64>) -> tensor<f64>
  %1 = kiln.min %s dim [-1] keepdim : (tensor<f64>) -> tensor<f64>
  return %0, %1 : tensor<f64>, tensor<f64>
}

// Unlike sum, the minimum never promotes: integers stay as they are.
// CHECK-LABEL: func.func @keeps_dtype
func.func @keeps_dtype(%a: tensor<2x3xi32>, %b: tensor<2x3xui8>, %c: tensor<2x3xi64>) -> (tensor<i32>, tensor<3xui8>, tensor<2x1xi64>) {
  // CHECK: kiln.min %{{.*}} : (tensor<2x3xi32>) -> tensor<i32>
  // CHECK: kiln.min %{{.*}} dim [0] : (tensor<2x3xui8>) -> tensor<3xui8>
  // CHECK: kiln.min %{{.*}} dim [-1] keepdim : (tensor<2x3xi64>) -> tensor<2x1xi64>
  %0 = kiln.min %a : (tensor<2x3xi32>) -> tensor<i32>
  %1 = kiln.min %b dim [0] : (tensor<2x3xui8>) -> tensor<3xui8>
  %2 = kiln.min %c dim [-1] keepdim : (tensor<2x3xi64>) -> tensor<2x1xi64>
  return %0, %1, %2 : tensor<i32>, tensor<3xui8>, tensor<2x1xi64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
  // CHECK: kiln.min %{{.*}} dim [1] keepdim : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %0 = "kiln.min"(%x) <{dim = array<i64: 1>, keepdim}> : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}
