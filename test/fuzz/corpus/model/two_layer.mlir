// The two-layer network of seed 003, drawn from torch.manual_seed(7):
//   hidden = sigmoid(features @ W1 + B1)   -> [[0.6813, 0.4355]]
//   output = sigmoid(hidden @ W2 + B2)     -> [[0.3171]]
func.func @two_layer() -> (tensor<1x2xf32> {kiln.output = "hidden"},
                           tensor<1x1xf32> {kiln.output = "output"}) {
  %g0 = kiln.manual_seed 7
  %features, %g1 = kiln.randn %g0 : tensor<1x3xf32>
  %w1, %g2 = kiln.randn %g1 : tensor<3x2xf32>
  %w2, %g3 = kiln.randn %g2 : tensor<2x1xf32>
  %b1, %g4 = kiln.randn %g3 : tensor<1x2xf32>
  %b2, %g5 = kiln.randn %g4 : tensor<1x1xf32>

  %h0 = kiln.mm %features, %w1 : (tensor<1x3xf32>, tensor<3x2xf32>) -> tensor<1x2xf32>
  %h1 = kiln.add %h0, %b1 : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
  %hidden = kiln.sigmoid %h1 : (tensor<1x2xf32>) -> tensor<1x2xf32>
  %o0 = kiln.mm %hidden, %w2 : (tensor<1x2xf32>, tensor<2x1xf32>) -> tensor<1x1xf32>
  %o1 = kiln.add %o0, %b2 : (tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<1x1xf32>
  %output = kiln.sigmoid %o1 : (tensor<1x1xf32>) -> tensor<1x1xf32>
  return %hidden, %output : tensor<1x2xf32>, tensor<1x1xf32>
}
