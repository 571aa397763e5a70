// Valid, with intermediates far larger than any machine's memory: the
// float32 sum of 2^48 ones keeps its partial sums (kiln-split-reductions)
// in an arena of terabytes.
func.func @main() -> (tensor<f32> {kiln.output = "s"}) {
  %ones = kiln.ones : tensor<16777216x16777216xf32>
  %s = kiln.sum %ones : (tensor<16777216x16777216xf32>) -> tensor<f32>
  return %s : tensor<f32>
}
