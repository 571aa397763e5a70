// torch.optim.SGD has no default learning rate, so neither has kiln-train-step's sgd.
// RUN: kiln-opt %s --kiln-train-step="optimizer=sgd momentum=0.9" -verify-diagnostics

// expected-error@+1 {{kiln-train-step: sgd needs an lr (torch.optim.SGD has no default)}}
func.func @model(%x: tensor<3xf32> {kiln.input = "x"}, %w: tensor<3xf32> {kiln.param = "w"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %0 = kiln.mul %x, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = kiln.sum %0 : (tensor<3xf32>) -> tensor<f32>
  return %1 : tensor<f32>
}
