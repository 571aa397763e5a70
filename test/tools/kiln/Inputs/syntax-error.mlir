// A model with a syntax error on line 4: the operand list lacks a comma.
func.func @broken() -> (tensor<2xf32> {kiln.output = "z"}) {
  %a = kiln.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %b = kiln.add %a %a : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %b : tensor<2xf32>
}
