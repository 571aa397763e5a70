// A two-layer classifier of 2-D points: Linear(2, 16), ReLU, Linear(16, 1),
// returning one logit per point. Trained by `kiln train --loss
// bce_with_logits:logits,label` with Adam (see train.sh); PyTorch builds the
// same model with torch.manual_seed(0) followed by the two nn.Linear
// constructors, which is what kiln.seed and the initializers reproduce.
func.func @classifier(
    %x: tensor<32x2xf32> {kiln.input = "x"},
    %w1: tensor<16x2xf32> {kiln.param = "fc1.weight", kiln.init = "kaiming_uniform"},
    %b1: tensor<16xf32> {kiln.param = "fc1.bias", kiln.init = "fan_in_uniform", kiln.fan_in = 2 : i64},
    %w2: tensor<1x16xf32> {kiln.param = "fc2.weight", kiln.init = "kaiming_uniform"},
    %b2: tensor<1xf32> {kiln.param = "fc2.bias", kiln.init = "fan_in_uniform", kiln.fan_in = 16 : i64})
    -> (tensor<32x1xf32> {kiln.output = "logits"})
    attributes {kiln.seed = 0 : i64} {
  %h = kiln.linear %x, %w1, %b1 : (tensor<32x2xf32>, tensor<16x2xf32>, tensor<16xf32>) -> tensor<32x16xf32>
  %a = kiln.relu %h : (tensor<32x16xf32>) -> tensor<32x16xf32>
  %logits = kiln.linear %a, %w2, %b2 : (tensor<32x16xf32>, tensor<1x16xf32>, tensor<1xf32>) -> tensor<32x1xf32>
  return %logits : tensor<32x1xf32>
}
