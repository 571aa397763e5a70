// kiln.adam_update (torch.optim.Adam): the defaults (none printed), every hyperparameter, amsgrad with its max_exp_avg_sq state, float64.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @defaults
// CHECK-SAME: (%[[P:.*]]: tensor<2x3xf32>, %[[G:.*]]: tensor<2x3xf32>, %[[T:.*]]: tensor<f64>, %[[M:.*]]: tensor<2x3xf32>, %[[V:.*]]: tensor<2x3xf32>)
func.func @defaults(%p: tensor<2x3xf32>, %g: tensor<2x3xf32>, %t: tensor<f64>, %m: tensor<2x3xf32>, %v: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: %[[P1:.*]], %[[M1:.*]], %[[V1:.*]] = kiln.adam_update %[[P]], %[[G]], step %[[T]], exp_avg %[[M]], exp_avg_sq %[[V]] : tensor<2x3xf32>
  // CHECK: return %[[P1]], %[[M1]], %[[V1]]
  %0, %1, %2 = kiln.adam_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v : tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// Spelled-out defaults are not printed.
// CHECK-LABEL: func.func @explicit_defaults
func.func @explicit_defaults(%p: tensor<2x3xf32>, %g: tensor<2x3xf32>, %t: tensor<f64>, %m: tensor<2x3xf32>, %v: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: kiln.adam_update %{{.*}}, %{{.*}}, step %{{.*}}, exp_avg %{{.*}}, exp_avg_sq %{{.*}} : tensor<2x3xf32>
  %0, %1, %2 = kiln.adam_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v {lr = 1.0e-3 : f64, beta1 = 0.9 : f64, beta2 = 0.999 : f64, eps = 1.0e-8 : f64, weight_decay = 0.0 : f64} : tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @amsgrad
// CHECK-SAME: %[[VMAX:[^:]*]]: tensor<4xf64>)
func.func @amsgrad(%p: tensor<4xf64>, %g: tensor<4xf64>, %t: tensor<f64>, %m: tensor<4xf64>, %v: tensor<4xf64>, %vmax: tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>) {
  // CHECK: %{{.*}}, %{{.*}}, %{{.*}}, %[[VMAX1:.*]] = kiln.adam_update %{{.*}}, %{{.*}}, step %{{.*}}, exp_avg %{{.*}}, exp_avg_sq %{{.*}}, max_exp_avg_sq %[[VMAX]] {amsgrad, beta1 = 8.000000e-01 : f64, beta2 = 0.98999999999999999 : f64, eps = 9.9999999999999995E-7 : f64, lr = 1.000000e-02 : f64, maximize, weight_decay = 1.000000e-01 : f64} : tensor<4xf64>
  // CHECK: return {{.*}}, %[[VMAX1]]
  %0, %1, %2, %3 = kiln.adam_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v, max_exp_avg_sq %vmax {lr = 0.01 : f64, beta1 = 0.8 : f64, beta2 = 0.99 : f64, eps = 1.0e-6 : f64, weight_decay = 0.1 : f64, amsgrad, maximize} : tensor<4xf64>
  return %0, %1, %2, %3 : tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>
}
