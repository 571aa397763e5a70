// kiln.sgd_update (torch.optim.SGD): plain, with a momentum buffer, dampening, nesterov, weight decay and maximize; hyperparameters at torch's defaults are not printed; float64 params.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @plain
// CHECK-SAME: (%[[P:.*]]: tensor<4x3xf32>, %[[G:.*]]: tensor<4x3xf32>, %[[T:.*]]: tensor<f64>)
func.func @plain(%p: tensor<4x3xf32>, %g: tensor<4x3xf32>, %t: tensor<f64>) -> tensor<4x3xf32> {
  // CHECK: %[[R:.*]] = kiln.sgd_update %[[P]], %[[G]], step %[[T]] {lr = 1.000000e-01 : f64} : tensor<4x3xf32>
  // CHECK: return %[[R]]
  %0 = kiln.sgd_update %p, %g, step %t {lr = 0.1 : f64} : tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @momentum
// CHECK-SAME: (%[[P:.*]]: tensor<4x3xf32>, %[[G:.*]]: tensor<4x3xf32>, %[[T:.*]]: tensor<f64>, %[[B:.*]]: tensor<4x3xf32>)
func.func @momentum(%p: tensor<4x3xf32>, %g: tensor<4x3xf32>, %t: tensor<f64>, %b: tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  // CHECK: %[[R:.*]], %[[B1:.*]] = kiln.sgd_update %[[P]], %[[G]], step %[[T]], momentum_buffer %[[B]] {dampening = 1.000000e-01 : f64, lr = 1.000000e-01 : f64, maximize, momentum = 9.000000e-01 : f64, weight_decay = 1.000000e-02 : f64} : tensor<4x3xf32>
  // CHECK: return %[[R]], %[[B1]]
  %0, %1 = kiln.sgd_update %p, %g, step %t, momentum_buffer %b {lr = 0.1 : f64, momentum = 0.9 : f64, dampening = 0.1 : f64, weight_decay = 0.01 : f64, maximize} : tensor<4x3xf32>
  return %0, %1 : tensor<4x3xf32>, tensor<4x3xf32>
}

// Spelled-out defaults (dampening and weight_decay 0) are not printed.
// CHECK-LABEL: func.func @nesterov
func.func @nesterov(%p: tensor<5xf64>, %g: tensor<5xf64>, %t: tensor<f64>, %b: tensor<5xf64>) -> (tensor<5xf64>, tensor<5xf64>) {
  // CHECK: kiln.sgd_update %{{.*}}, %{{.*}}, step %{{.*}}, momentum_buffer %{{.*}} {lr = 1.000000e+00 : f64, momentum = 5.000000e-01 : f64, nesterov} : tensor<5xf64>
  %0, %1 = kiln.sgd_update %p, %g, step %t, momentum_buffer %b {lr = 1.0 : f64, momentum = 0.5 : f64, dampening = 0.0 : f64, weight_decay = 0.0 : f64, nesterov} : tensor<5xf64>
  return %0, %1 : tensor<5xf64>, tensor<5xf64>
}

// CHECK-LABEL: func.func @zero_d
func.func @zero_d(%p: tensor<f32>, %g: tensor<f32>, %t: tensor<f64>) -> tensor<f32> {
  // CHECK: kiln.sgd_update %{{.*}}, %{{.*}}, step %{{.*}} {lr = 0.000000e+00 : f64} : tensor<f32>
  %0 = "kiln.sgd_update"(%p, %g, %t) <{lr = 0.0 : f64}> : (tensor<f32>, tensor<f32>, tensor<f64>) -> tensor<f32>
  return %0 : tensor<f32>
}
