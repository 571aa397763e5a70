// A model that returns an input unchanged and one derived from it.
func.func @identity(%x: tensor<3xf32> {kiln.input = "x"})
    -> (tensor<3xf32> {kiln.output = "same"}, tensor<3xf32> {kiln.output = "twice"}) {
  %0 = kiln.add %x, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %x, %0 : tensor<3xf32>, tensor<3xf32>
}
