// softmax over rows of 4096 floats, 4096 rows (64 MB in, 64 MB out).
func.func @softmax(%x: tensor<4096x4096xf32> {kiln.input = "x"})
    -> (tensor<4096x4096xf32> {kiln.output = "y"}) {
  %y = kiln.softmax %x dim 1 : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  return %y : tensor<4096x4096xf32>
}
