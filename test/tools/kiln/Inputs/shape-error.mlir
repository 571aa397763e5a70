// The seed's mm(features, weights) with both [1, 5]: a shape error on line 6.
func.func @shape_error() -> (tensor<1x1xf32> {kiln.output = "y"}) {
  %g0 = kiln.manual_seed 7
  %features, %g1 = kiln.randn %g0 : tensor<1x5xf32>
  %weights, %g2 = kiln.randn %g1 : tensor<1x5xf32>
  %y = kiln.mm %features, %weights : (tensor<1x5xf32>, tensor<1x5xf32>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}
