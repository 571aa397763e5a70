// one_hot in torch's form (indices checked) and ONNX's form (an index out of
// range gives an all-off row), for run-index-checks.test.
func.func @one_hot(
    %i: tensor<3xi64> {kiln.input = "i"},
    %v: tensor<2xf32> {kiln.input = "v"})
    -> (tensor<3x4xi64> {kiln.output = "torch"},
        tensor<3x4xf32> {kiln.output = "onnx"}) {
  %0 = kiln.one_hot %i depth 4 axis -1 : (tensor<3xi64>) -> tensor<3x4xi64>
  %1 = kiln.one_hot %i, %v depth 4 axis -1 : (tensor<3xi64>, tensor<2xf32>) -> tensor<3x4xf32>
  return %0, %1 : tensor<3x4xi64>, tensor<3x4xf32>
}
