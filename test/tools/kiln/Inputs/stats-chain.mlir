// An element-wise chain on [16, 16] float32 (1024 bytes a tensor) in which
// `a` is read twice: for the compile --stats test.
func.func @chain(%x: tensor<16x16xf32> {kiln.input = "x"})
    -> (tensor<16x16xf32> {kiln.output = "y"}) {
  %a = kiln.exp %x : (tensor<16x16xf32>) -> tensor<16x16xf32>
  %b = kiln.mul %a, %x : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
  %c = kiln.add %b, %a : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
  %y = kiln.sigmoid %c : (tensor<16x16xf32>) -> tensor<16x16xf32>
  return %y : tensor<16x16xf32>
}
