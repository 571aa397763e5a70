// torch.argmin: with a (negative) dim, with keepdim, without dim (flattened, 0-d), 0-d input; always int64.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @no_dim
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @no_dim(%x: tensor<2x3x4xf32>) -> tensor<i64> {
  // CHECK: kiln.argmin %[[X]] : (tensor<2x3x4xf32>) -> tensor<i64>
  %0 = kiln.argmin %x : (tensor<2x3x4xf32>) -> tensor<i64>
  return %0 : tensor<i64>
}

// CHECK-LABEL: func.func @with_dim
func.func @with_dim(%x: tensor<2x3x4xf32>) -> tensor<2x4xi64> {
  // CHECK: kiln.argmin %{{.*}} dim 1 : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
  %0 = kiln.argmin %x dim 1 : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
  return %0 : tensor<2x4xi64>
}

// CHECK-LABEL: func.func @negative_dim_keepdim
func.func @negative_dim_keepdim(%x: tensor<2x3x4xf64>) -> tensor<2x3x1xi64> {
  // CHECK: kiln.argmin %{{.*}} dim -1 keepdim : (tensor<2x3x4xf64>) -> tensor<2x3x1xi64>
  %0 = kiln.argmin %x dim -1 keepdim : (tensor<2x3x4xf64>) -> tensor<2x3x1xi64>
  return %0 : tensor<2x3x1xi64>
}

// Integer inputs also give int64 indices.
// CHECK-LABEL: func.func @integer_input
func.func @integer_input(%a: tensor<5xi32>, %b: tensor<2x5xui8>) -> (tensor<i64>, tensor<5xi64>) {
  // CHECK: kiln.argmin %{{.*}} dim 0 : (tensor<5xi32>) -> tensor<i64>
  // CHECK: kiln.argmin %{{.*}} dim -2 : (tensor<2x5xui8>) -> tensor<5xi64>
  %0 = kiln.argmin %a dim 0 : (tensor<5xi32>) -> tensor<i64>
  %1 = kiln.argmin %b dim -2 : (tensor<2x5xui8>) -> tensor<5xi64>
  return %0, %1 : tensor<i64>, tensor<5xi64>
}

// CHECK-LABEL: func.func @zero_d
func.func @zero_d(%s: tensor<f32>) -> (tensor<i64>, tensor<i64>, tensor<i64>) {
  // CHECK: kiln.argmin %{{.*}} : (tensor<f32>) -> tensor<i64>
  // CHECK: kiln.argmin %{{.*}} dim 0 : (tensor<f32>) -> tensor<i64>
  // CHECK: kiln.argmin %{{.*}} dim -1 keepdim : (tensor<f32>) -> tensor<i64>
  %0 = kiln.argmin %s : (tensor<f32>) -> tensor<i64>
  %1 = kiln.argmin %s dim 0 : (tensor<f32>) -> tensor<i64>
  %2 = kiln.argmin %s dim -1 keepdim : (tensor<f32>) -> tensor<i64>
  return %0, %1, %2 : tensor<i64>, tensor<i64>, tensor<i64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>) -> tensor<2x1xi64> {
  // CHECK: kiln.argmin %{{.*}} dim 1 keepdim : (tensor<2x3xf32>) -> tensor<2x1xi64>
  %0 = "kiln.argmin"(%x) <{dim = 1 : i64, keepdim}> : (tensor<2x3xf32>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}
