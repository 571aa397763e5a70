// The fully connected layer of seed 004: weights from torch.manual_seed(42),
// relu(x @ Wh + bh) @ Wo + bo on one input row and on a batch of five.
//   output       -> [[7.4129, 6.0104]]
//   batch_output -> [[7.4129, 6.0104], [18.3247, 12.6200], [29.9141, 19.6131],
//                    [41.1189, 26.2293], [52.3238, 32.8455]]
func.func @fully_connected()
    -> (tensor<1x2xf32> {kiln.output = "output"},
        tensor<5x2xf32> {kiln.output = "batch_output"}) {
  %g0 = kiln.manual_seed 42
  %wh, %g1 = kiln.randn %g0 : tensor<3x4xf32>
  %bh, %g2 = kiln.randn %g1 : tensor<4xf32>
  %wo, %g3 = kiln.randn %g2 : tensor<4x2xf32>
  %bo, %g4 = kiln.randn %g3 : tensor<2xf32>

  %x = kiln.constant dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf32>
  %batch = kiln.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0],
                                [10.0, 11.0, 12.0], [13.0, 14.0, 15.0]]> : tensor<5x3xf32>
  %h0 = kiln.matmul %x, %wh : (tensor<1x3xf32>, tensor<3x4xf32>) -> tensor<1x4xf32>
  %h1 = kiln.add %h0, %bh : (tensor<1x4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  %h2 = kiln.relu %h1 : (tensor<1x4xf32>) -> tensor<1x4xf32>
  %o0 = kiln.matmul %h2, %wo : (tensor<1x4xf32>, tensor<4x2xf32>) -> tensor<1x2xf32>
  %output = kiln.add %o0, %bo : (tensor<1x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>

  %bh0 = kiln.matmul %batch, %wh : (tensor<5x3xf32>, tensor<3x4xf32>) -> tensor<5x4xf32>
  %bh1 = kiln.add %bh0, %bh : (tensor<5x4xf32>, tensor<4xf32>) -> tensor<5x4xf32>
  %bh2 = kiln.relu %bh1 : (tensor<5x4xf32>) -> tensor<5x4xf32>
  %bo0 = kiln.matmul %bh2, %wo : (tensor<5x4xf32>, tensor<4x2xf32>) -> tensor<5x2xf32>
  %batch_output = kiln.add %bo0, %bo : (tensor<5x2xf32>, tensor<2xf32>) -> tensor<5x2xf32>
  return %output, %batch_output : tensor<1x2xf32>, tensor<5x2xf32>
}
