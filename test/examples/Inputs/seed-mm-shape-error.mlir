func.func @single_neuron_mm(%features: tensor<1x5xf32>, %weights: tensor<1x5xf32>) -> tensor<1x1xf32> {
  %0 = kiln.mm %features, %weights : (tensor<1x5xf32>, tensor<1x5xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}
