// kaiming_uniform needs a fan-in, which a 1-D parameter does not have.
func.func @model(%x: tensor<3xf32> {kiln.input = "x"},
                 %w: tensor<3xf32> {kiln.param = "w", kiln.init = "kaiming_uniform"})
    -> (tensor<3xf32> {kiln.output = "y"}) {
  %y = kiln.mul %x, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}
