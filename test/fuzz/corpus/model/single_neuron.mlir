// The single neuron of seed 003: features, weights and bias are drawn from
// torch.manual_seed(7) in the tutorial's order, then
//   y    = sigmoid(sum(features * weights) + bias)      -> [[0.1595]]
//   y_mm = mm(features, weights.view(5, 1))             -> [[-1.9796]]
func.func @single_neuron() -> (tensor<1x1xf32> {kiln.output = "y"},
                               tensor<1x1xf32> {kiln.output = "y_mm"}) {
  %g0 = kiln.manual_seed 7
  %features, %g1 = kiln.randn %g0 : tensor<1x5xf32>
  %weights, %g2 = kiln.randn %g1 : tensor<1x5xf32>
  %bias, %g3 = kiln.randn %g2 : tensor<1x1xf32>

  %product = kiln.mul %features, %weights : (tensor<1x5xf32>, tensor<1x5xf32>) -> tensor<1x5xf32>
  %total = kiln.sum %product : (tensor<1x5xf32>) -> tensor<f32>
  %logit = kiln.add %total, %bias : (tensor<f32>, tensor<1x1xf32>) -> tensor<1x1xf32>
  %y = kiln.sigmoid %logit : (tensor<1x1xf32>) -> tensor<1x1xf32>

  %column = kiln.view %weights [5, 1] : (tensor<1x5xf32>) -> tensor<5x1xf32>
  %y_mm = kiln.mm %features, %column : (tensor<1x5xf32>, tensor<5x1xf32>) -> tensor<1x1xf32>
  return %y, %y_mm : tensor<1x1xf32>, tensor<1x1xf32>
}
