// A model whose output name run-output-names.test substitutes for NAME.
func.func @main(%x: tensor<3xf32> {kiln.input = "x"}) -> (tensor<3xf32> {kiln.output = "NAME"}) {
  %0 = kiln.add %x, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
