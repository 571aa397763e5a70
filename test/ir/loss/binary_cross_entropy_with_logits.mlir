// torch.nn.functional.binary_cross_entropy_with_logits: reduction none keeps the per-element shape, mean (default) and sum give 0-d.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @default_mean
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x3xf32>)
func.func @default_mean(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<f32> {
  // CHECK: kiln.binary_cross_entropy_with_logits %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  %0 = kiln.binary_cross_entropy_with_logits %x, %y : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// Spelling out the default reduction prints as the default.
// CHECK-LABEL: func.func @explicit_mean
func.func @explicit_mean(%x: tensor<2x3xf64>, %y: tensor<2x3xf64>) -> tensor<f64> {
  // CHECK: kiln.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<f64>
  %0 = kiln.binary_cross_entropy_with_logits %x, %y reduction <mean> : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// CHECK-LABEL: func.func @sum
func.func @sum(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<f32> {
  // CHECK: kiln.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} reduction <sum> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  %0 = kiln.binary_cross_entropy_with_logits %x, %y reduction <sum> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @none
func.func @none(%x: tensor<2x3x4xf32>, %y: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK: kiln.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} reduction <none> : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %0 = kiln.binary_cross_entropy_with_logits %x, %y reduction <none> : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @zero_d
func.func @zero_d(%x: tensor<f32>, %y: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  // CHECK: kiln.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} reduction <none> : (tensor<f32>, tensor<f32>) -> tensor<f32>
  // CHECK: kiln.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} reduction <sum> : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %0 = kiln.binary_cross_entropy_with_logits %x, %y reduction <none> : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %1 = kiln.binary_cross_entropy_with_logits %x, %y reduction <sum> : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0, %1 : tensor<f32>, tensor<f32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: kiln.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} reduction <none> : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %0 = "kiln.binary_cross_entropy_with_logits"(%x, %y) <{reduction = #kiln.reduction<none>}> : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
