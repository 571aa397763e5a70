// kiln.rmsprop_update (torch.optim.RMSprop): the defaults, centered (grad_avg), momentum (momentum_buffer), both, and every hyperparameter.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @defaults
// CHECK-SAME: (%[[P:.*]]: tensor<3xf32>, %[[G:.*]]: tensor<3xf32>, %[[T:.*]]: tensor<f64>, %[[S:.*]]: tensor<3xf32>)
func.func @defaults(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // CHECK: %[[P1:.*]], %[[S1:.*]] = kiln.rmsprop_update %[[P]], %[[G]], step %[[T]], square_avg %[[S]] : tensor<3xf32>
  // CHECK: return %[[P1]], %[[S1]]
  %0, %1 = kiln.rmsprop_update %p, %g, step %t, square_avg %s : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// CHECK-LABEL: func.func @centered
// CHECK-SAME: %[[A:[^:]*]]: tensor<3xf32>)
func.func @centered(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>, %a: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  // CHECK: %{{.*}}, %{{.*}}, %[[A1:.*]] = kiln.rmsprop_update %{{.*}}, %{{.*}}, step %{{.*}}, square_avg %{{.*}}, grad_avg %[[A]] {centered} : tensor<3xf32>
  // CHECK: return {{.*}}, %[[A1]]
  %0, %1, %2 = kiln.rmsprop_update %p, %g, step %t, square_avg %s, grad_avg %a {centered} : tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// The momentum buffer without the grad average.
// CHECK-LABEL: func.func @momentum
// CHECK-SAME: %[[B:[^:]*]]: tensor<3xf32>)
func.func @momentum(%p: tensor<3xf32>, %g: tensor<3xf32>, %t: tensor<f64>, %s: tensor<3xf32>, %b: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  // CHECK: %{{.*}}, %{{.*}}, %[[B1:.*]] = kiln.rmsprop_update %{{.*}}, %{{.*}}, step %{{.*}}, square_avg %{{.*}}, momentum_buffer %[[B]] {momentum = 9.000000e-01 : f64} : tensor<3xf32>
  // CHECK: return {{.*}}, %[[B1]]
  %0, %1, %2 = kiln.rmsprop_update %p, %g, step %t, square_avg %s, momentum_buffer %b {momentum = 0.9 : f64} : tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// CHECK-LABEL: func.func @everything
func.func @everything(%p: tensor<2x2xf64>, %g: tensor<2x2xf64>, %t: tensor<f64>, %s: tensor<2x2xf64>, %a: tensor<2x2xf64>, %b: tensor<2x2xf64>) -> (tensor<2x2xf64>, tensor<2x2xf64>, tensor<2x2xf64>, tensor<2x2xf64>) {
  // CHECK: kiln.rmsprop_update %{{.*}}, %{{.*}}, step %{{.*}}, square_avg %{{.*}}, grad_avg %{{.*}}, momentum_buffer %{{.*}} {alpha = 9.000000e-01 : f64, centered, eps = 1.000000e-04 : f64, lr = 1.000000e-01 : f64, maximize, momentum = 5.000000e-01 : f64, weight_decay = 1.000000e-01 : f64} : tensor<2x2xf64>
  %0, %1, %2, %3 = kiln.rmsprop_update %p, %g, step %t, square_avg %s, grad_avg %a, momentum_buffer %b {lr = 0.1 : f64, alpha = 0.9 : f64, eps = 1.0e-4 : f64, weight_decay = 0.1 : f64, momentum = 0.5 : f64, centered, maximize} : tensor<2x2xf64>
  return %0, %1, %2, %3 : tensor<2x2xf64>, tensor<2x2xf64>, tensor<2x2xf64>, tensor<2x2xf64>
}
