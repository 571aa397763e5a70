// Invalid kiln.adamw_update: torch.optim.AdamW's argument checks (lr, eps and weight_decay non-negative, betas in [0, 1)), max_exp_avg_sq present exactly with amsgrad, types, and the states' order.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @negative_lr(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.adamw_update' op lr must be non-negative, got -0.001}}
  %0, %1, %2 = kiln.adamw_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v {lr = -1.0e-3 : f64} : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @negative_eps(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.adamw_update' op eps must be non-negative, got -1e-08}}
  %0, %1, %2 = kiln.adamw_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v {eps = -1.0e-8 : f64} : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @negative_weight_decay(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.adamw_update' op weight_decay must be non-negative, got -0.01}}
  %0, %1, %2 = kiln.adamw_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v {weight_decay = -0.01 : f64} : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @beta1_one(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.adamw_update' op beta1 must be in [0, 1), got 1}}
  %0, %1, %2 = kiln.adamw_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v {beta1 = 1.0 : f64} : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @beta2_negative(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.adamw_update' op beta2 must be in [0, 1), got -0.5}}
  %0, %1, %2 = kiln.adamw_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v {beta2 = -0.5 : f64} : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @amsgrad_without_max(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.adamw_update' op needs a max_exp_avg_sq operand when amsgrad is set}}
  %0, %1, %2 = kiln.adamw_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v {amsgrad} : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @max_without_amsgrad(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.adamw_update' op takes a max_exp_avg_sq operand only when amsgrad is set}}
  %0, %1, %2, %3 = kiln.adamw_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v, max_exp_avg_sq %v : tensor<4xf32>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @missing_exp_avg_sq(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.adamw_update' op expected 5 or more operands, but found 4}}
  %0, %1, %2 = "kiln.adamw_update"(%p, %g, %t, %m) : (tensor<4xf32>, tensor<4xf32>, tensor<f64>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @state_dtype(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf64>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf64>, tensor<4xf32>) {
  // expected-error@+1 {{'kiln.adamw_update' op operand #3 has type 'tensor<4xf64>', expected the param's type 'tensor<4xf32>'}}
  %0, %1, %2 = "kiln.adamw_update"(%p, %g, %t, %m, %v) : (tensor<4xf32>, tensor<4xf32>, tensor<f64>, tensor<4xf64>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf64>, tensor<4xf32>)
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf64>, tensor<4xf32>
}

// -----

func.func @states_out_of_order(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{expected the states of kiln.adamw_update in order (exp_avg, exp_avg_sq, max_exp_avg_sq), got 'exp_avg'}}
  %0, %1, %2 = kiln.adamw_update %p, %g, step %t, exp_avg_sq %v, exp_avg %m : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
