// The linear regression of seed 001: nn.Linear(1, 1) with PyTorch's default
// initialization, and its MSE loss against the targets. `x` and `y` are the
// data (x = rand(10, 1) * 5, y = pi * x + 42 + rand(10, 1)); `weight` and
// `bias` are the parameters a trainer updates.
func.func @linear_regression(
    %x: tensor<10x1xf32> {kiln.input = "x"},
    %y: tensor<10x1xf32> {kiln.input = "y"},
    %weight: tensor<1x1xf32> {kiln.param = "weight", kiln.init = "kaiming_uniform"},
    %bias: tensor<1xf32> {kiln.param = "bias", kiln.init = "fan_in_uniform", kiln.fan_in = 1 : i64})
    -> (tensor<10x1xf32> {kiln.output = "prediction"},
        tensor<f32> {kiln.output = "loss"})
    attributes {kiln.seed = 0 : i64} {
  %prediction = kiln.linear %x, %weight, %bias : (tensor<10x1xf32>, tensor<1x1xf32>, tensor<1xf32>) -> tensor<10x1xf32>
  %loss = kiln.mse_loss %prediction, %y : (tensor<10x1xf32>, tensor<10x1xf32>) -> tensor<f32>
  return %prediction, %loss : tensor<10x1xf32>, tensor<f32>
}
