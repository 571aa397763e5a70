// RUN: kiln-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(func.func(kiln-attach-loss{kind=mse output=y target=t}))'
// RUN: not kiln-opt %s --pass-pipeline='builtin.module(func.func(kiln-attach-loss{kind=hinge output=y target=t}))' 2>&1 | FileCheck %s --check-prefix=KIND

// KIND: error: 'func.func' op unknown loss kind 'hinge' (expected mse, l1, smooth_l1, bce, bce_with_logits, cross_entropy or nll)

// expected-error@+1 {{'func.func' op has no output named 'y' to compute the loss of (outputs: z)}}
func.func @no_output(%x: tensor<3xf32> {kiln.input = "x"}) -> (tensor<3xf32> {kiln.output = "z"}) {
  return %x : tensor<3xf32>
}

// -----

// expected-error@+1 {{'func.func' op already has an output named 'loss'}}
func.func @own_loss(%x: tensor<3xf32> {kiln.input = "x"}) -> (tensor<3xf32> {kiln.output = "y"}, tensor<f32> {kiln.output = "loss"}) {
  %l = kiln.sum %x : (tensor<3xf32>) -> tensor<f32>
  return %x, %l : tensor<3xf32>, tensor<f32>
}

// -----

// A target input whose shape does not fit is reported by the loss op.
func.func @bad_target(%x: tensor<4x3xf32> {kiln.input = "x"}, %t: tensor<5x3xf32> {kiln.input = "t"}) -> (tensor<4x3xf32> {kiln.output = "y"}) {
  // expected-error@+1 {{'kiln.mse_loss' op}}
  return %x : tensor<4x3xf32>
}
