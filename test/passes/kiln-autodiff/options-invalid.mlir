// kiln-autodiff on models it cannot differentiate: no loss result, a loss
// that is not a 0-d float (the `wrt` errors are in wrt-invalid.mlir).
// RUN: kiln-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(func.func(kiln-autodiff))'

// A single result with another name is not taken for the loss.
// expected-error@+1 {{'func.func' op has no result named 'loss' (kiln.output) to differentiate}}
func.func @named_otherwise(%w: tensor<3xf32> {kiln.param = "w"}) -> (tensor<f32> {kiln.output = "cost"}) {
  %0 = kiln.sum %w : (tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// expected-error@+1 {{'func.func' op the loss to differentiate must be a 0-d float tensor, not 'tensor<3xf32>'}}
func.func @not_scalar(%w: tensor<3xf32> {kiln.param = "w"}) -> (tensor<3xf32> {kiln.output = "loss"}) {
  return %w : tensor<3xf32>
}
