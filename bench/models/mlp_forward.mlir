// MLP inference, 784-512-512-10 with ReLU, batch 256 (throughput); its train
// step (cross-entropy on the logits, Adam) is the training benchmark.
func.func @mlp_forward(
    %x: tensor<256x784xf32> {kiln.input = "x"},
    %w1: tensor<512x784xf32> {kiln.param = "fc1.weight", kiln.init = "kaiming_uniform"},
    %b1: tensor<512xf32> {kiln.param = "fc1.bias", kiln.init = "fan_in_uniform", kiln.fan_in = 784 : i64},
    %w2: tensor<512x512xf32> {kiln.param = "fc2.weight", kiln.init = "kaiming_uniform"},
    %b2: tensor<512xf32> {kiln.param = "fc2.bias", kiln.init = "fan_in_uniform", kiln.fan_in = 512 : i64},
    %w3: tensor<10x512xf32> {kiln.param = "fc3.weight", kiln.init = "kaiming_uniform"},
    %b3: tensor<10xf32> {kiln.param = "fc3.bias", kiln.init = "fan_in_uniform", kiln.fan_in = 512 : i64})
    -> (tensor<256x10xf32> {kiln.output = "logits"}) {
  %h1 = kiln.linear %x, %w1, %b1 : (tensor<256x784xf32>, tensor<512x784xf32>, tensor<512xf32>) -> tensor<256x512xf32>
  %a1 = kiln.relu %h1 : (tensor<256x512xf32>) -> tensor<256x512xf32>
  %h2 = kiln.linear %a1, %w2, %b2 : (tensor<256x512xf32>, tensor<512x512xf32>, tensor<512xf32>) -> tensor<256x512xf32>
  %a2 = kiln.relu %h2 : (tensor<256x512xf32>) -> tensor<256x512xf32>
  %logits = kiln.linear %a2, %w3, %b3 : (tensor<256x512xf32>, tensor<10x512xf32>, tensor<10xf32>) -> tensor<256x10xf32>
  return %logits : tensor<256x10xf32>
}
