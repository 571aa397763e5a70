// sigmoid(x * w + b) over 16M floats (the first element-wise benchmark).
func.func @elementwise_chain(
    %x: tensor<16777216xf32> {kiln.input = "x"},
    %w: tensor<16777216xf32> {kiln.input = "w"},
    %b: tensor<16777216xf32> {kiln.input = "b"})
    -> (tensor<16777216xf32> {kiln.output = "y"}) {
  %0 = kiln.mul %x, %w : (tensor<16777216xf32>, tensor<16777216xf32>) -> tensor<16777216xf32>
  %1 = kiln.add %0, %b : (tensor<16777216xf32>, tensor<16777216xf32>) -> tensor<16777216xf32>
  %y = kiln.sigmoid %1 : (tensor<16777216xf32>) -> tensor<16777216xf32>
  return %y : tensor<16777216xf32>
}
