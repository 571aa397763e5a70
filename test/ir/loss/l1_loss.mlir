// torch.nn.functional.l1_loss: reduction none keeps the per-element shape, mean (default) and sum give 0-d; input and target broadcast.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @default_mean
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x3xf32>)
func.func @default_mean(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<f32> {
  // CHECK: kiln.l1_loss %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  %0 = kiln.l1_loss %x, %y : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// Spelling out the default reduction prints as the default.
// CHECK-LABEL: func.func @explicit_mean
func.func @explicit_mean(%x: tensor<2x3xf64>, %y: tensor<2x3xf64>) -> tensor<f64> {
  // CHECK: kiln.l1_loss %{{.*}}, %{{.*}} : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<f64>
  %0 = kiln.l1_loss %x, %y reduction <mean> : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// CHECK-LABEL: func.func @sum
func.func @sum(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<f32> {
  // CHECK: kiln.l1_loss %{{.*}}, %{{.*}} reduction <sum> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  %0 = kiln.l1_loss %x, %y reduction <sum> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @none
func.func @none(%x: tensor<2x3x4xf32>, %y: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK: kiln.l1_loss %{{.*}}, %{{.*}} reduction <none> : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %0 = kiln.l1_loss %x, %y reduction <none> : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @zero_d
func.func @zero_d(%x: tensor<f32>, %y: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  // CHECK: kiln.l1_loss %{{.*}}, %{{.*}} reduction <none> : (tensor<f32>, tensor<f32>) -> tensor<f32>
  // CHECK: kiln.l1_loss %{{.*}}, %{{.*}} reduction <sum> : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %0 = kiln.l1_loss %x, %y reduction <none> : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %1 = kiln.l1_loss %x, %y reduction <sum> : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0, %1 : tensor<f32>, tensor<f32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: kiln.l1_loss %{{.*}}, %{{.*}} reduction <none> : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %0 = "kiln.l1_loss"(%x, %y) <{reduction = #kiln.reduction<none>}> : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// Input and target broadcast; reduction none gives the broadcast shape.
// CHECK-LABEL: func.func @broadcast
func.func @broadcast(%x: tensor<2x3xf32>, %y: tensor<3xf32>, %z: tensor<4x1x3xf32>) -> (tensor<2x3xf32>, tensor<4x2x3xf32>, tensor<f32>) {
  // CHECK: kiln.l1_loss %{{.*}}, %{{.*}} reduction <none> : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: kiln.l1_loss %{{.*}}, %{{.*}} reduction <none> : (tensor<4x1x3xf32>, tensor<2x3xf32>) -> tensor<4x2x3xf32>
  // CHECK: kiln.l1_loss %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<f32>
  %0 = kiln.l1_loss %x, %y reduction <none> : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = kiln.l1_loss %z, %x reduction <none> : (tensor<4x1x3xf32>, tensor<2x3xf32>) -> tensor<4x2x3xf32>
  %2 = kiln.l1_loss %y, %x : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<4x2x3xf32>, tensor<f32>
}
