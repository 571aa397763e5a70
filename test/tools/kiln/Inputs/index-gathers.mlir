// One op of each gathering kind, each with its own index input, for
// run-index-checks.test.
func.func @gathers(
    %x: tensor<3x4xf32> {kiln.input = "x"},
    %g: tensor<3x2xi64> {kiln.input = "g"},
    %s: tensor<2xi64> {kiln.input = "s"},
    %t: tensor<2xi32> {kiln.input = "t"},
    %n: tensor<2x2xi64> {kiln.input = "n"})
    -> (tensor<3x2xf32> {kiln.output = "gather"},
        tensor<2x4xf32> {kiln.output = "index_select"},
        tensor<3x2xf32> {kiln.output = "take"},
        tensor<2xf32> {kiln.output = "gather_nd"}) {
  %0 = kiln.gather %x, %g dim 1 : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  %1 = kiln.index_select %x, %s dim 0 : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<2x4xf32>
  %2 = kiln.take %x, %t axis 1 : (tensor<3x4xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  %3 = kiln.gather_nd %x, %n batch_dims 0 : (tensor<3x4xf32>, tensor<2x2xi64>) -> tensor<2xf32>
  return %0, %1, %2, %3 : tensor<3x2xf32>, tensor<2x4xf32>, tensor<3x2xf32>, tensor<2xf32>
}
