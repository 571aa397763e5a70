// PyTorch rejects label_smoothing outside [0.0, 1.0] ("label_smoothing must be between 0.0 and 1.0").
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @smoothing_above_one(%x: tensor<2x3xf32>, %t: tensor<2xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op label_smoothing must be between 0.0 and 1.0, got 1.5}}
  %0 = kiln.cross_entropy %x, %t {label_smoothing = 1.5 : f64} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @smoothing_negative(%x: tensor<2x3xf32>, %t: tensor<2xi64>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.cross_entropy' op label_smoothing must be between 0.0 and 1.0, got -0.1}}
  %0 = kiln.cross_entropy %x, %t reduction <none> {label_smoothing = -0.1 : f64} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
