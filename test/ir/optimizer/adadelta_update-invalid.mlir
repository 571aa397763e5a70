// Invalid kiln.adadelta_update: torch.optim.Adadelta's argument checks (lr, eps and weight_decay non-negative, rho in [0, 1]), types and the states' order.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @rho_above_one(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>, %d: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.adadelta_update' op rho must be in [0, 1], got 1.5}}
  %0, %1, %2 = kiln.adadelta_update %p, %g, step %t, square_avg %s, acc_delta %d {rho = 1.5 : f64} : tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @negative_lr(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>, %d: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.adadelta_update' op lr must be non-negative, got -1}}
  %0, %1, %2 = kiln.adadelta_update %p, %g, step %t, square_avg %s, acc_delta %d {lr = -1.0 : f64} : tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @result_type(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>, %d: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<2xf32>) {
  // expected-error@+1 {{'kiln.adadelta_update' op result #2 has type 'tensor<2xf32>', expected the param's type 'tensor<3xf32>'}}
  %0, %1, %2 = "kiln.adadelta_update"(%p, %g, %t, %s, %d) : (tensor<3xf32>, tensor<3xf32>, tensor<f64>, tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<2xf32>)
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<2xf32>
}

// -----

// A state left out of the custom form leaves its result without an operand.
func.func @missing_acc_delta(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.adadelta_update' op expected 3 results}}
  %0, %1 = kiln.adadelta_update %p, %g, step %t, square_avg %s : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

func.func @unknown_state(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>, %d: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{expected the states of kiln.adadelta_update in order (square_avg, acc_delta), got 'sum'}}
  %0, %1, %2 = kiln.adadelta_update %p, %g, step %t, square_avg %s, sum %d : tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}
