// cross_entropy and nll_loss over 3 classes, for run-index-checks.test.
func.func @losses(
    %x: tensor<2x3xf32> {kiln.input = "x"},
    %t: tensor<2xi64> {kiln.input = "t"})
    -> (tensor<f32> {kiln.output = "cross_entropy"},
        tensor<f32> {kiln.output = "nll_loss"}) {
  %0 = kiln.cross_entropy %x, %t : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<f32>
  %1 = kiln.nll_loss %x, %t : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<f32>
  return %0, %1 : tensor<f32>, tensor<f32>
}
