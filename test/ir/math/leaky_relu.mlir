// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.leaky_relu (torch.nn.functional.leaky_relu): every dtype it accepts, 0-d and size-0 tensors, and the result dtype.
// Float inputs only, kept.

// CHECK-LABEL: func.func @f32_2x3
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @f32_2x3(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.leaky_relu %[[X]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.leaky_relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @f64_4
// CHECK-SAME: (%[[X:.*]]: tensor<4xf64>)
func.func @f64_4(%x: tensor<4xf64>) -> tensor<4xf64> {
  // CHECK: kiln.leaky_relu %[[X]] : (tensor<4xf64>) -> tensor<4xf64>
  %0 = kiln.leaky_relu %x : (tensor<4xf64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// CHECK-LABEL: func.func @f32_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<f32>)
func.func @f32_scalar(%x: tensor<f32>) -> tensor<f32> {
  // CHECK: kiln.leaky_relu %[[X]] : (tensor<f32>) -> tensor<f32>
  %0 = kiln.leaky_relu %x : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @f32_0x2
// CHECK-SAME: (%[[X:.*]]: tensor<0x2xf32>)
func.func @f32_0x2(%x: tensor<0x2xf32>) -> tensor<0x2xf32> {
  // CHECK: kiln.leaky_relu %[[X]] : (tensor<0x2xf32>) -> tensor<0x2xf32>
  %0 = kiln.leaky_relu %x : (tensor<0x2xf32>) -> tensor<0x2xf32>
  return %0 : tensor<0x2xf32>
}

// Attributes other than their defaults are printed.
// CHECK-LABEL: func.func @attributes
func.func @attributes(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.leaky_relu %{{.*}} {negative_slope = 2.000000e-01 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.leaky_relu %x {negative_slope = 0.2 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// Attributes equal to their defaults are not printed.
// CHECK-LABEL: func.func @defaults
func.func @defaults(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.leaky_relu %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.leaky_relu %x {negative_slope = 0.01 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.leaky_relu %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = "kiln.leaky_relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
