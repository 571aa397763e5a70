// PyTorch rejects a negative beta ("smooth_l1_loss does not support negative values for beta").
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @negative_beta(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.smooth_l1_loss' op beta must be non-negative, got -1}}
  %0 = kiln.smooth_l1_loss %x, %y {beta = -1.0 : f64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @negative_fractional_beta(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.smooth_l1_loss' op beta must be non-negative, got -0.5}}
  %0 = kiln.smooth_l1_loss %x, %y reduction <none> {beta = -0.5 : f64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
