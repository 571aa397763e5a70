// Invalid kiln.rmsprop_update: torch.optim.RMSprop's argument checks (lr, alpha, eps, weight_decay and momentum non-negative), grad_avg present exactly when centered and momentum_buffer exactly when momentum > 0, types.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @negative_alpha(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.rmsprop_update' op alpha must be non-negative, got -0.99}}
  %0, %1 = kiln.rmsprop_update %p, %g, step %t, square_avg %s {alpha = -0.99 : f64} : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @negative_momentum(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.rmsprop_update' op momentum must be non-negative, got -0.5}}
  %0, %1 = kiln.rmsprop_update %p, %g, step %t, square_avg %s {momentum = -0.5 : f64} : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @negative_eps(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.rmsprop_update' op eps must be non-negative, got -1}}
  %0, %1 = kiln.rmsprop_update %p, %g, step %t, square_avg %s {eps = -1.0 : f64} : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @centered_without_grad_avg(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.rmsprop_update' op needs a grad_avg operand when centered is set}}
  %0, %1 = kiln.rmsprop_update %p, %g, step %t, square_avg %s {centered} : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @grad_avg_not_centered(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.rmsprop_update' op takes a grad_avg operand only when centered is set}}
  %0, %1, %2 = kiln.rmsprop_update %p, %g, step %t, square_avg %s, grad_avg %s : tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @momentum_without_buffer(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.rmsprop_update' op needs a momentum_buffer operand when momentum > 0}}
  %0, %1 = kiln.rmsprop_update %p, %g, step %t, square_avg %s {momentum = 0.9 : f64} : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @buffer_without_momentum(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.rmsprop_update' op takes a momentum_buffer operand only when momentum > 0}}
  %0, %1, %2 = kiln.rmsprop_update %p, %g, step %t, square_avg %s, momentum_buffer %s : tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// The operand and result segments must agree: a grad average in, a momentum buffer out.
func.func @segments_disagree(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.rmsprop_update' op has a grad_avg operand but no new_grad_avg result}}
  %0, %1, %2 = "kiln.rmsprop_update"(%p, %g, %t, %s, %s) <{centered, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 0>, resultSegmentSizes = array<i32: 1, 1, 0, 1>}> : (tensor<3xf32>, tensor<3xf32>, tensor<f64>, tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @square_avg_shape(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<1xf32>) -> (tensor<3xf32>, tensor<1xf32>) {
  // expected-error@+1 {{'kiln.rmsprop_update' op operand #3 has type 'tensor<1xf32>', expected the param's type 'tensor<3xf32>'}}
  %0, %1 = "kiln.rmsprop_update"(%p, %g, %t, %s) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 0, 0>, resultSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<3xf32>, tensor<3xf32>, tensor<f64>, tensor<1xf32>) -> (tensor<3xf32>, tensor<1xf32>)
  return %0, %1 : tensor<3xf32>, tensor<1xf32>
}

// -----

func.func @states_out_of_order(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{expected the states of kiln.rmsprop_update in order (square_avg, grad_avg, momentum_buffer), got 'grad_avg'}}
  %0, %1, %2, %3 = kiln.rmsprop_update %p, %g, step %t, square_avg %s, momentum_buffer %s, grad_avg %s {centered, momentum = 0.9 : f64} : tensor<3xf32>
  return %0, %1, %2, %3 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}
