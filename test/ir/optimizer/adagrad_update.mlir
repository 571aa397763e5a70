// kiln.adagrad_update (torch.optim.Adagrad): the defaults and every hyperparameter.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @defaults
// CHECK-SAME: (%[[P:.*]]: tensor<2x3xf32>, %[[G:.*]]: tensor<2x3xf32>, %[[T:.*]]: tensor<f64>, %[[S:.*]]: tensor<2x3xf32>)
func.func @defaults(%p: tensor<2x3xf32>, %g: tensor<2x3xf32>, %t: tensor<f64>, %s: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: %[[P1:.*]], %[[S1:.*]] = kiln.adagrad_update %[[P]], %[[G]], step %[[T]], sum %[[S]] : tensor<2x3xf32>
  // CHECK: return %[[P1]], %[[S1]]
  %0, %1 = kiln.adagrad_update %p, %g, step %t, sum %s : tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @everything
func.func @everything(%p: tensor<4xf64>, %g: tensor<4xf64>, %t: tensor<f64>, %s: tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf64>) {
  // CHECK: kiln.adagrad_update %{{.*}}, %{{.*}}, step %{{.*}}, sum %{{.*}} {eps = 1.000000e-03 : f64, lr = 1.000000e-01 : f64, lr_decay = 5.000000e-01 : f64, maximize, weight_decay = 2.500000e-01 : f64} : tensor<4xf64>
  %0, %1 = kiln.adagrad_update %p, %g, step %t, sum %s {lr = 0.1 : f64, lr_decay = 0.5 : f64, weight_decay = 0.25 : f64, eps = 1.0e-3 : f64, maximize} : tensor<4xf64>
  return %0, %1 : tensor<4xf64>, tensor<4xf64>
}
