// scatter and scatter_nd with their own index inputs, for
// run-index-checks.test.
func.func @scatters(
    %x: tensor<3x4xf32> {kiln.input = "x"},
    %i: tensor<2x4xi64> {kiln.input = "i"},
    %n: tensor<2x1xi64> {kiln.input = "n"},
    %u: tensor<2x4xf32> {kiln.input = "u"})
    -> (tensor<3x4xf32> {kiln.output = "scatter"},
        tensor<3x4xf32> {kiln.output = "scatter_nd"}) {
  %0 = kiln.scatter %x, %i, %u dim 0 : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  %1 = kiln.scatter_nd %x, %n, %u : (tensor<3x4xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  return %0, %1 : tensor<3x4xf32>, tensor<3x4xf32>
}
