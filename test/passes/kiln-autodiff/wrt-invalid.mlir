// The parameters named by `wrt` must exist and be float tensors.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(func.func(kiln-autodiff{wrt=n}))'

// expected-error@+1 {{'func.func' op cannot differentiate with respect to 'n': its type 'tensor<3xi64>' is not a float tensor}}
func.func @integer(%w: tensor<3xf32> {kiln.param = "w"}, %n: tensor<3xi64> {kiln.param = "n"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %0 = kiln.sum %w : (tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// expected-error@+1 {{'func.func' op has no parameter named 'n' (kiln.param) to differentiate}}
func.func @unknown(%w: tensor<3xf32> {kiln.param = "w"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %0 = kiln.sum %w : (tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
