// Two public functions: a model has exactly one.
func.func @first(%x: tensor<2xf32> {kiln.input = "x"}) -> (tensor<2xf32> {kiln.output = "y"}) {
  return %x : tensor<2xf32>
}
func.func @second(%x: tensor<2xf32> {kiln.input = "x"}) -> (tensor<2xf32> {kiln.output = "y"}) {
  return %x : tensor<2xf32>
}
