// torch.nn.functional.nll_loss: [N,C]+[N], [C]+[], [N,C,d1,d2]+[N,d1,d2]; reductions none/mean/sum; ignore_index; int64 targets only.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @batch
// CHECK-SAME: (%[[X:.*]]: tensor<4x5xf32>, %[[T:.*]]: tensor<4xi64>)
func.func @batch(%x: tensor<4x5xf32>, %t: tensor<4xi64>) -> (tensor<f32>, tensor<f32>, tensor<4xf32>) {
  // CHECK: kiln.nll_loss %[[X]], %[[T]] : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  // CHECK: kiln.nll_loss %[[X]], %[[T]] reduction <sum> : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  // CHECK: kiln.nll_loss %[[X]], %[[T]] reduction <none> : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<4xf32>
  %0 = kiln.nll_loss %x, %t : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  %1 = kiln.nll_loss %x, %t reduction <sum> : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  %2 = kiln.nll_loss %x, %t reduction <none> : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<f32>, tensor<f32>, tensor<4xf32>
}

// Unbatched: scores [C] and a 0-d class index; an explicit default reduction prints as the default.
// CHECK-LABEL: func.func @unbatched
func.func @unbatched(%x: tensor<5xf64>, %t: tensor<i64>) -> (tensor<f64>, tensor<f64>) {
  // CHECK: kiln.nll_loss %{{.*}}, %{{.*}} : (tensor<5xf64>, tensor<i64>) -> tensor<f64>
  // CHECK: kiln.nll_loss %{{.*}}, %{{.*}} reduction <none> : (tensor<5xf64>, tensor<i64>) -> tensor<f64>
  %0 = kiln.nll_loss %x, %t reduction <mean> : (tensor<5xf64>, tensor<i64>) -> tensor<f64>
  %1 = kiln.nll_loss %x, %t reduction <none> : (tensor<5xf64>, tensor<i64>) -> tensor<f64>
  return %0, %1 : tensor<f64>, tensor<f64>
}

// K-dimensional: [N, C, d1, d2] against [N, d1, d2].
// CHECK-LABEL: func.func @spatial
func.func @spatial(%x: tensor<2x3x4x5xf32>, %t: tensor<2x4x5xi64>) -> (tensor<f32>, tensor<2x4x5xf32>) {
  // CHECK: kiln.nll_loss %{{.*}}, %{{.*}} : (tensor<2x3x4x5xf32>, tensor<2x4x5xi64>) -> tensor<f32>
  // CHECK: kiln.nll_loss %{{.*}}, %{{.*}} reduction <none> : (tensor<2x3x4x5xf32>, tensor<2x4x5xi64>) -> tensor<2x4x5xf32>
  %0 = kiln.nll_loss %x, %t : (tensor<2x3x4x5xf32>, tensor<2x4x5xi64>) -> tensor<f32>
  %1 = kiln.nll_loss %x, %t reduction <none> : (tensor<2x3x4x5xf32>, tensor<2x4x5xi64>) -> tensor<2x4x5xf32>
  return %0, %1 : tensor<f32>, tensor<2x4x5xf32>
}

// ignore_index defaults to -100 and is not printed then.
// CHECK-LABEL: func.func @ignore_index
func.func @ignore_index(%x: tensor<4x5xf32>, %t: tensor<4xi64>) -> (tensor<f32>, tensor<f32>, tensor<4xf32>) {
  // CHECK: kiln.nll_loss %{{.*}}, %{{.*}} {ignore_index = 0 : i64} : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  // CHECK: kiln.nll_loss %{{.*}}, %{{.*}} : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  // CHECK: kiln.nll_loss %{{.*}}, %{{.*}} reduction <none> {ignore_index = -1 : i64} : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<4xf32>
  %0 = kiln.nll_loss %x, %t {ignore_index = 0 : i64} : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  %1 = kiln.nll_loss %x, %t {ignore_index = -100 : i64} : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  %2 = kiln.nll_loss %x, %t reduction <none> {ignore_index = -1 : i64} : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<f32>, tensor<f32>, tensor<4xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<4x5xf32>, %t: tensor<4xi64>) -> tensor<4xf32> {
  // CHECK: kiln.nll_loss %{{.*}}, %{{.*}} reduction <none> {ignore_index = 3 : i64} : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<4xf32>
  %0 = "kiln.nll_loss"(%x, %t) <{ignore_index = 3 : i64, reduction = #kiln.reduction<none>}> : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
