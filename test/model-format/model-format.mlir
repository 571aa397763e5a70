// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// A model names its inputs, parameters (with initializers) and outputs with
// attributes on a func.func; they survive a round trip unchanged.

// CHECK-LABEL: func.func @classifier
// CHECK-SAME: %{{.*}}: tensor<8x4xf32> {kiln.input = "features"}
// CHECK-SAME: %{{.*}}: tensor<3x4xf32> {kiln.init = "kaiming_uniform", kiln.param = "fc.weight"}
// CHECK-SAME: %{{.*}}: tensor<3xf32> {kiln.fan_in = 4 : i64, kiln.init = "fan_in_uniform", kiln.param = "fc.bias"}
// CHECK-SAME: %{{.*}}: tensor<3xf32> {kiln.param = "scale"}
// CHECK-SAME: -> (tensor<8x3xf32> {kiln.output = "logits"})
// CHECK-SAME: attributes {kiln.seed = 42 : i64}
func.func @classifier(
    %x: tensor<8x4xf32> {kiln.input = "features"},
    %w: tensor<3x4xf32> {kiln.param = "fc.weight", kiln.init = "kaiming_uniform"},
    %b: tensor<3xf32> {kiln.param = "fc.bias", kiln.init = "fan_in_uniform", kiln.fan_in = 4 : i64},
    %s: tensor<3xf32> {kiln.param = "scale"})
    -> (tensor<8x3xf32> {kiln.output = "logits"}) attributes {kiln.seed = 42 : i64} {
  %0 = kiln.linear %x, %w, %b : (tensor<8x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<8x3xf32>
  %1 = kiln.mul %0, %s : (tensor<8x3xf32>, tensor<3xf32>) -> tensor<8x3xf32>
  return %1 : tensor<8x3xf32>
}

// Every initializer name is accepted.
// CHECK-LABEL: func.func @initializers
// CHECK-SAME: kiln.init = "zeros"
// CHECK-SAME: kiln.init = "ones"
// CHECK-SAME: kiln.init = "normal"
// CHECK-SAME: kiln.init = "uniform"
func.func @initializers(
    %a: tensor<2xf32> {kiln.param = "a", kiln.init = "zeros"},
    %b: tensor<2xf32> {kiln.param = "b", kiln.init = "ones"},
    %c: tensor<2xf32> {kiln.param = "c", kiln.init = "normal"},
    %d: tensor<2xf32> {kiln.param = "d", kiln.init = "uniform"}) -> tensor<2xf32> {
  return %a : tensor<2xf32>
}

// A train step: optimizer state (kiln.state, with an optional starting
// value) and results that replace a parameter or state after each call.
// CHECK-LABEL: func.func @train_step
// CHECK-SAME: %{{.*}}: tensor<2xf32> {kiln.param = "w"}
// CHECK-SAME: %{{.*}}: tensor<2xf32> {kiln.init_value = 1.000000e-01 : f64, kiln.state = "w.sum"}
// CHECK-SAME: -> (tensor<f32> {kiln.output = "loss"}, tensor<2xf32> {kiln.update = "w"}, tensor<2xf32> {kiln.update = "w.sum"})
func.func @train_step(
    %w: tensor<2xf32> {kiln.param = "w"},
    %sum: tensor<2xf32> {kiln.state = "w.sum", kiln.init_value = 0.1 : f64},
    %loss: tensor<f32> {kiln.input = "l"})
    -> (tensor<f32> {kiln.output = "loss"}, tensor<2xf32> {kiln.update = "w"},
        tensor<2xf32> {kiln.update = "w.sum"}) {
  return %loss, %w, %sum : tensor<f32>, tensor<2xf32>, tensor<2xf32>
}

// A buffer (batch norm's running mean) is a parameter marked kiln.buffer; a
// result updates it after each call.
// CHECK-LABEL: func.func @running_mean
// CHECK-SAME: {kiln.buffer, kiln.init = "zeros", kiln.param = "bn.running_mean"}
// CHECK-SAME: -> (tensor<2x3xf32> {kiln.output = "y"}, tensor<3xf32> {kiln.update = "bn.running_mean"})
func.func @running_mean(
    %x: tensor<2x3xf32> {kiln.input = "x"},
    %m: tensor<3xf32> {kiln.param = "bn.running_mean", kiln.buffer, kiln.init = "zeros"})
    -> (tensor<2x3xf32> {kiln.output = "y"}, tensor<3xf32> {kiln.update = "bn.running_mean"}) {
  %0 = kiln.mean %x dim [0] : (tensor<2x3xf32>) -> tensor<3xf32>
  return %x, %0 : tensor<2x3xf32>, tensor<3xf32>
}
