// The model whose train checkpoints fuzz-checkpoint loads (and whose
// `kiln train --checkpoint` output seeds its corpus, scripts/fuzz-corpus.sh):
// nn.Linear(2, 1) under MSE, trained with Adam, so a checkpoint holds
// parameters, per-parameter state and the step count.
func.func @checkpoint_model(
    %x: tensor<4x2xf32> {kiln.input = "x"},
    %y: tensor<4x1xf32> {kiln.input = "y"},
    %weight: tensor<1x2xf32> {kiln.param = "weight", kiln.init = "kaiming_uniform"},
    %bias: tensor<1xf32> {kiln.param = "bias", kiln.init = "fan_in_uniform", kiln.fan_in = 2 : i64})
    -> (tensor<4x1xf32> {kiln.output = "prediction"},
        tensor<f32> {kiln.output = "loss"})
    attributes {kiln.seed = 0 : i64} {
  %prediction = kiln.linear %x, %weight, %bias : (tensor<4x2xf32>, tensor<1x2xf32>, tensor<1xf32>) -> tensor<4x1xf32>
  %loss = kiln.mse_loss %prediction, %y : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<f32>
  return %prediction, %loss : tensor<4x1xf32>, tensor<f32>
}
