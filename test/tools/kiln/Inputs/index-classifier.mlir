// A linear classifier over 3 classes, trained with cross_entropy in
// run-index-checks.test.
func.func @cls(
    %x: tensor<4x2xf32> {kiln.input = "x"},
    %w: tensor<3x2xf32> {kiln.param = "fc.weight", kiln.init = "kaiming_uniform"},
    %b: tensor<3xf32> {kiln.param = "fc.bias", kiln.init = "fan_in_uniform", kiln.fan_in = 2 : i64})
    -> (tensor<4x3xf32> {kiln.output = "logits"})
    attributes {kiln.seed = 0 : i64} {
  %logits = kiln.linear %x, %w, %b : (tensor<4x2xf32>, tensor<3x2xf32>, tensor<3xf32>) -> tensor<4x3xf32>
  return %logits : tensor<4x3xf32>
}
