// kiln-fuse on a backward graph (kiln-autodiff) and on an Adam train step (kiln-train-step, decomposed): the forward linear + tanh is one contraction region that also yields what the backward reads; the gradient's element-wise chain fuses into the reduction of the bias gradient; the products of the backward (input and weight gradients) are contraction regions; the whole Adam update is one pointwise region: the step count, both moments of both parameters (the moments of one gradient are siblings) and the parameters, merged where an op combines chains computed apart.
// RUN: kiln-opt %s --kiln-decompose --kiln-autodiff --kiln-fuse | FileCheck %s --check-prefix=BACKWARD
// RUN: kiln-opt %s --kiln-decompose --kiln-train-step="optimizer=adam" --kiln-decompose --canonicalize --cse --kiln-fuse | FileCheck %s --check-prefix=STEP

// BACKWARD-LABEL: func.func @regression
// BACKWARD: %[[FWD:.*]]:3 = kiln.fusion <contraction>
// BACKWARD: kiln.matmul
// BACKWARD: kiln.add
// BACKWARD: kiln.tanh
// BACKWARD: kiln.fusion <reduction>
// BACKWARD: kiln.fusion <reduction>
// BACKWARD: kiln.sum %{{.*}} dim [0]
// BACKWARD: kiln.fusion <contraction>
// BACKWARD: kiln.matmul

// STEP-LABEL: func.func @regression
// STEP: kiln.fusion <contraction>
// STEP: kiln.fusion <pointwise>
// STEP-COUNT-2: kiln.sqrt
// STEP: kiln.yield %{{.*}} : tensor<f64>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
// STEP: return
func.func @regression(%x: tensor<8x3xf32> {kiln.input = "x"}, %y: tensor<8x2xf32> {kiln.input = "y"},
    %w: tensor<2x3xf32> {kiln.param = "fc.weight"}, %b: tensor<2xf32> {kiln.param = "fc.bias"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %h = kiln.linear %x, %w, %b : (tensor<8x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<8x2xf32>
  %a = kiln.tanh %h : (tensor<8x2xf32>) -> tensor<8x2xf32>
  %l = kiln.mse_loss %a, %y : (tensor<8x2xf32>, tensor<8x2xf32>) -> tensor<f32>
  return %l : tensor<f32>
}
