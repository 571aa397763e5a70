// kiln-train-step on models it cannot train: no result named by `loss`, no float parameter, optimizer state already there, a model that updates a parameter the optimizer trains, a composite left for autodiff.
// RUN: kiln-opt %s --kiln-train-step="optimizer=sgd lr=0.1" -split-input-file -verify-diagnostics

// expected-error@+1 {{'func.func' op has no result named 'loss' (kiln.output) to minimize}}
func.func @no_loss(%x: tensor<3xf32> {kiln.input = "x"}, %w: tensor<3xf32> {kiln.param = "w"}) -> (tensor<f32> {kiln.output = "cost"}) {
  %0 = kiln.mul %x, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = kiln.sum %0 : (tensor<3xf32>) -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// Integer parameters are not trained.
// expected-error@+1 {{'func.func' op has no float parameter (kiln.param) to train}}
func.func @no_float_parameter(%x: tensor<3xf32> {kiln.input = "x"}, %n: tensor<3xi64> {kiln.param = "n"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %0 = kiln.sum %x : (tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Buffers only: what the optimizer trains, the model does not update.
// expected-error@+1 {{'func.func' op result 1 updates 'w', a parameter the optimizer trains (only a kiln.buffer may be updated by the model)}}
func.func @updates_a_trained_parameter(%x: tensor<3xf32> {kiln.input = "x"}, %w: tensor<3xf32> {kiln.param = "w"}) -> (tensor<f32> {kiln.output = "loss"}, tensor<3xf32> {kiln.update = "w"}) {
  %0 = kiln.mul %x, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = kiln.sum %0 : (tensor<3xf32>) -> tensor<f32>
  return %1, %0 : tensor<f32>, tensor<3xf32>
}

// -----

// expected-error@+1 {{'func.func' op already has optimizer state (kiln.state argument 2)}}
func.func @already_a_train_step(%x: tensor<3xf32> {kiln.input = "x"}, %w: tensor<3xf32> {kiln.param = "w"}, %t: tensor<f64> {kiln.state = "step"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %0 = kiln.mul %x, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = kiln.sum %0 : (tensor<3xf32>) -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

func.func @not_decomposed(%x: tensor<3xf32> {kiln.input = "x"}, %w: tensor<3xf32> {kiln.param = "w"}) -> (tensor<f32> {kiln.output = "loss"}) {
  // expected-error@+1 {{'kiln.mse_loss' op is a composite op: run kiln-decompose before differentiating}}
  %0 = kiln.mse_loss %x, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
