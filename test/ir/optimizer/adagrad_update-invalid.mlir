// Invalid kiln.adagrad_update: torch.optim.Adagrad's argument checks (lr, lr_decay, weight_decay and eps non-negative), the sum state, types.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @negative_lr_decay(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.adagrad_update' op lr_decay must be non-negative, got -0.1}}
  %0, %1 = kiln.adagrad_update %p, %g, step %t, sum %s {lr_decay = -0.1 : f64} : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @negative_weight_decay(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.adagrad_update' op weight_decay must be non-negative, got -1}}
  %0, %1 = kiln.adagrad_update %p, %g, step %t, sum %s {weight_decay = -1.0 : f64} : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @missing_sum(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.adagrad_update' op expected 4 operands, but found 3}}
  %0, %1 = "kiln.adagrad_update"(%p, %g, %t) : (tensor<3xf32>, tensor<3xf32>, tensor<f64>) -> (tensor<3xf32>, tensor<3xf32>)
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @sum_dtype(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf64>) -> (tensor<3xf32>, tensor<3xf64>) {
  // expected-error@+1 {{'kiln.adagrad_update' op operand #3 has type 'tensor<3xf64>', expected the param's type 'tensor<3xf32>'}}
  %0, %1 = "kiln.adagrad_update"(%p, %g, %t, %s) : (tensor<3xf32>, tensor<3xf32>, tensor<f64>, tensor<3xf64>) -> (tensor<3xf32>, tensor<3xf64>)
  return %0, %1 : tensor<3xf32>, tensor<3xf64>
}

// -----

func.func @step_shape(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<1xf64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.adagrad_update' op operand #2 must be 0D tensor of 64-bit float values, but got 'tensor<1xf64>'}}
  %0, %1 = "kiln.adagrad_update"(%p, %g, %t, %s) : (tensor<3xf32>, tensor<3xf32>, tensor<1xf64>, tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>)
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}
