// kiln-train-step names the optimizers it knows when given another.
// RUN: kiln-opt %s --kiln-train-step="optimizer=lbfgs lr=1" -verify-diagnostics

// expected-error@+1 {{kiln-train-step: unknown optimizer 'lbfgs' (expected one of: sgd, adam, adamw, rmsprop, adagrad, adadelta)}}
func.func @model(%x: tensor<3xf32> {kiln.input = "x"}, %w: tensor<3xf32> {kiln.param = "w"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %0 = kiln.mul %x, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = kiln.sum %0 : (tensor<3xf32>) -> tensor<f32>
  return %1 : tensor<f32>
}
