// Invalid kiln.sgd_update: torch.optim.SGD's argument checks (lr required and non-negative, momentum and weight_decay non-negative, nesterov needs momentum and no dampening), the momentum buffer present exactly when momentum != 0, types, and the state syntax.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @no_lr(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.sgd_update' op requires attribute 'lr'}}
  %0 = kiln.sgd_update %p, %g, step %t : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @negative_lr(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.sgd_update' op lr must be non-negative, got -0.1}}
  %0 = kiln.sgd_update %p, %g, step %t {lr = -0.1 : f64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @negative_momentum(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.sgd_update' op momentum must be non-negative, got -0.9}}
  %0, %1 = kiln.sgd_update %p, %g, step %t, momentum_buffer %b {lr = 0.1 : f64, momentum = -0.9 : f64} : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @nan_weight_decay(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.sgd_update' op weight_decay must be non-negative, got nan}}
  %0 = kiln.sgd_update %p, %g, step %t {lr = 0.1 : f64, weight_decay = 0x7FF8000000000000 : f64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @nesterov_without_momentum(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.sgd_update' op nesterov needs momentum > 0 and dampening 0, got momentum 0 and dampening 0}}
  %0 = kiln.sgd_update %p, %g, step %t {lr = 0.1 : f64, nesterov} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @nesterov_with_dampening(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.sgd_update' op nesterov needs momentum > 0 and dampening 0, got momentum 0.9 and dampening 0.1}}
  %0, %1 = kiln.sgd_update %p, %g, step %t, momentum_buffer %b {lr = 0.1 : f64, momentum = 0.9 : f64, dampening = 0.1 : f64, nesterov} : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @momentum_without_buffer(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.sgd_update' op needs a momentum_buffer operand when momentum != 0}}
  %0 = kiln.sgd_update %p, %g, step %t {lr = 0.1 : f64, momentum = 0.9 : f64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @buffer_without_momentum(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.sgd_update' op takes a momentum_buffer operand only when momentum != 0}}
  %0, %1 = kiln.sgd_update %p, %g, step %t, momentum_buffer %b {lr = 0.1 : f64} : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @buffer_without_result(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.sgd_update' op has a momentum_buffer operand but no new_momentum_buffer result}}
  %0 = "kiln.sgd_update"(%p, %g, %t, %b) <{lr = 0.1 : f64, momentum = 0.9 : f64}> : (tensor<4xf32>, tensor<4xf32>, tensor<f64>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @grad_shape(%p: tensor<4xf32>, %g: tensor<3xf32>, %t: tensor<f64>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.sgd_update' op operand #1 has type 'tensor<3xf32>', expected the param's type 'tensor<4xf32>'}}
  %0 = "kiln.sgd_update"(%p, %g, %t) <{lr = 0.1 : f64}> : (tensor<4xf32>, tensor<3xf32>, tensor<f64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @result_dtype(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>) -> tensor<4xf64> {
  // expected-error@+1 {{'kiln.sgd_update' op result #0 has type 'tensor<4xf64>', expected the param's type 'tensor<4xf32>'}}
  %0 = "kiln.sgd_update"(%p, %g, %t) <{lr = 0.1 : f64}> : (tensor<4xf32>, tensor<4xf32>, tensor<f64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

func.func @step_f32(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f32>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.sgd_update' op operand #2 must be 0D tensor of 64-bit float values, but got 'tensor<f32>'}}
  %0 = "kiln.sgd_update"(%p, %g, %t) <{lr = 0.1 : f64}> : (tensor<4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @integer_param(%p: tensor<4xi64>, %g: tensor<4xi64>, %t: tensor<f64>) -> tensor<4xi64> {
  // expected-error@+1 {{'kiln.sgd_update' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<4xi64>'}}
  %0 = kiln.sgd_update %p, %g, step %t {lr = 0.1 : f64} : tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

func.func @unknown_state(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{expected the states of kiln.sgd_update in order (momentum_buffer), got 'momentum'}}
  %0, %1 = kiln.sgd_update %p, %g, step %t, momentum %b {lr = 0.1 : f64, momentum = 0.9 : f64} : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @no_step_keyword(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>) -> tensor<4xf32> {
  // expected-error@+1 {{expected 'step'}}
  %0 = kiln.sgd_update %p, %g, %t {lr = 0.1 : f64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}
