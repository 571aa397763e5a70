// kiln.adadelta_update (torch.optim.Adadelta): the defaults and every hyperparameter.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @defaults
// CHECK-SAME: (%[[P:.*]]: tensor<2x3xf32>, %[[G:.*]]: tensor<2x3xf32>, %[[T:.*]]: tensor<f64>, %[[S:.*]]: tensor<2x3xf32>, %[[D:.*]]: tensor<2x3xf32>)
func.func @defaults(%p: tensor<2x3xf32>, %g: tensor<2x3xf32>, %t: tensor<f64>, %s: tensor<2x3xf32>, %d: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: %[[P1:.*]], %[[S1:.*]], %[[D1:.*]] = kiln.adadelta_update %[[P]], %[[G]], step %[[T]], square_avg %[[S]], acc_delta %[[D]] : tensor<2x3xf32>
  // CHECK: return %[[P1]], %[[S1]], %[[D1]]
  %0, %1, %2 = kiln.adadelta_update %p, %g, step %t, square_avg %s, acc_delta %d : tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// rho = 1 is allowed, as in torch.
// CHECK-LABEL: func.func @everything
func.func @everything(%p: tensor<4xf64>, %g: tensor<4xf64>, %t: tensor<f64>, %s: tensor<4xf64>, %d: tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf64>, tensor<4xf64>) {
  // CHECK: kiln.adadelta_update %{{.*}}, %{{.*}}, step %{{.*}}, square_avg %{{.*}}, acc_delta %{{.*}} {eps = 1.000000e-04 : f64, lr = 5.000000e-01 : f64, maximize, rho = 1.000000e+00 : f64, weight_decay = 1.000000e-01 : f64} : tensor<4xf64>
  %0, %1, %2 = kiln.adadelta_update %p, %g, step %t, square_avg %s, acc_delta %d {lr = 0.5 : f64, rho = 1.0 : f64, eps = 1.0e-4 : f64, weight_decay = 0.1 : f64, maximize} : tensor<4xf64>
  return %0, %1, %2 : tensor<4xf64>, tensor<4xf64>, tensor<4xf64>
}
