// kiln-decompose of adam_update and adamw_update, in torch.optim's order: moments m = beta1 * m + (1 - beta1) * g, v = beta2 * v + ((1 - beta2) * g) * g; bias corrections and the step size in float64 from the step, rounded to the param's dtype; param + (-step_size * m) / (sqrt(v) / sqrt(1 - beta2^t) + eps).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// Adam with weight decay (added to the gradient) and amsgrad (the maximum of
// the second moments normalizes the step).
// CHECK-LABEL: func.func @adam_amsgrad
// CHECK-SAME: (%[[P:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>, %[[T:.*]]: tensor<f64>, %[[M:.*]]: tensor<4xf32>, %[[V:.*]]: tensor<4xf32>, %[[VMAX:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[LR64:.*]] = kiln.constant dense<5.000000e-01> : tensor<f64>
// CHECK-DAG: %[[BETA2_64:.*]] = kiln.constant dense<8.750000e-01> : tensor<f64>
// CHECK-DAG: %[[ONE64:.*]] = kiln.constant dense<1.000000e+00> : tensor<f64>
// CHECK-DAG: %[[BETA1_64:.*]] = kiln.constant dense<7.500000e-01> : tensor<f64>
// CHECK-DAG: %[[EPS:.*]] = kiln.constant dense<1.250000e-01> : tensor<f32>
// CHECK-DAG: %[[BETA2:.*]] = kiln.constant dense<8.750000e-01> : tensor<f32>
// CHECK-DAG: %[[BETA1:.*]] = kiln.constant dense<7.500000e-01> : tensor<f32>
// CHECK-DAG: %[[QUARTER:.*]] = kiln.constant dense<2.500000e-01> : tensor<f32>
// CHECK: %[[WD:.*]] = kiln.mul %[[P]], %[[QUARTER]]
// CHECK-NEXT: %[[D:.*]] = kiln.add %[[G]], %[[WD]]
// CHECK-NEXT: %[[MB:.*]] = kiln.mul %[[M]], %[[BETA1]]
// CHECK-NEXT: %[[MD:.*]] = kiln.mul %[[D]], %[[QUARTER]]
// CHECK-NEXT: %[[M1:.*]] = kiln.add %[[MB]], %[[MD]]
// CHECK-NEXT: %[[VB:.*]] = kiln.mul %[[V]], %[[BETA2]]
// CHECK-NEXT: %[[VD:.*]] = kiln.mul %[[D]], %[[EPS]]
// CHECK-NEXT: %[[VDD:.*]] = kiln.mul %[[VD]], %[[D]]
// CHECK-NEXT: %[[V1:.*]] = kiln.add %[[VB]], %[[VDD]]
// CHECK-NEXT: %[[POW1:.*]] = kiln.pow %[[BETA1_64]], %[[T]] : (tensor<f64>, tensor<f64>) -> tensor<f64>
// CHECK-NEXT: %[[BC1:.*]] = kiln.sub %[[ONE64]], %[[POW1]]
// CHECK-NEXT: %[[POW2:.*]] = kiln.pow %[[BETA2_64]], %[[T]]
// CHECK-NEXT: %[[BC2:.*]] = kiln.sub %[[ONE64]], %[[POW2]]
// CHECK-NEXT: %[[SIZE:.*]] = kiln.div %[[LR64]], %[[BC1]]
// CHECK-NEXT: %[[NEG_SIZE:.*]] = kiln.neg %[[SIZE]] : (tensor<f64>) -> tensor<f64>
// CHECK-NEXT: %[[BC2_SQRT64:.*]] = kiln.sqrt %[[BC2]] : (tensor<f64>) -> tensor<f64>
// CHECK-NEXT: %[[BC2_SQRT:.*]] = kiln.cast %[[BC2_SQRT64]] : tensor<f64> to tensor<f32>
// CHECK-NEXT: %[[VMAX1:.*]] = kiln.maximum %[[VMAX]], %[[V1]]
// CHECK-NEXT: %[[ROOT:.*]] = kiln.sqrt %[[VMAX1]]
// CHECK-NEXT: %[[SCALED:.*]] = kiln.div %[[ROOT]], %[[BC2_SQRT]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[DENOM:.*]] = kiln.add %[[SCALED]], %[[EPS]]
// CHECK-NEXT: %[[NEG_SIZE32:.*]] = kiln.cast %[[NEG_SIZE]] : tensor<f64> to tensor<f32>
// CHECK-NEXT: %[[NUM:.*]] = kiln.mul %[[NEG_SIZE32]], %[[M1]] : (tensor<f32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[UPDATE:.*]] = kiln.div %[[NUM]], %[[DENOM]]
// CHECK-NEXT: %[[P1:.*]] = kiln.add %[[P]], %[[UPDATE]]
// CHECK-NEXT: return %[[P1]], %[[M1]], %[[V1]], %[[VMAX1]]
func.func @adam_amsgrad(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>, %vmax: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0, %1, %2, %3 = kiln.adam_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v, max_exp_avg_sq %vmax {lr = 0.5 : f64, beta1 = 0.75 : f64, beta2 = 0.875 : f64, eps = 0.125 : f64, weight_decay = 0.25 : f64, amsgrad} : tensor<4xf32>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// AdamW with the default betas and eps, maximize: the param itself decays by
// 1 - lr * weight_decay = 0.875 and the gradient is only negated; 1 - beta1
// and 1 - beta2 are computed in double (0.099999999999999978).
// CHECK-LABEL: func.func @adamw_maximize
// CHECK-SAME: (%[[P:.*]]: tensor<4xf64>, %[[G:.*]]: tensor<4xf64>, %[[T:.*]]: tensor<f64>, %[[M:.*]]: tensor<4xf64>, %[[V:.*]]: tensor<4xf64>)
// CHECK-DAG: %[[EPS:.*]] = kiln.constant dense<1.000000e-08> : tensor<f64>
// CHECK-DAG: %[[LR:.*]] = kiln.constant dense<2.500000e-01> : tensor<f64>
// CHECK-DAG: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f64>
// CHECK-DAG: %[[ONE_MINUS_BETA2:.*]] = kiln.constant dense<0.0010000000000000009> : tensor<f64>
// CHECK-DAG: %[[BETA2:.*]] = kiln.constant dense<0.99899999999999999> : tensor<f64>
// CHECK-DAG: %[[ONE_MINUS_BETA1:.*]] = kiln.constant dense<0.099999999999999978> : tensor<f64>
// CHECK-DAG: %[[BETA1:.*]] = kiln.constant dense<9.000000e-01> : tensor<f64>
// CHECK-DAG: %[[DECAY:.*]] = kiln.constant dense<8.750000e-01> : tensor<f64>
// CHECK: %[[NG:.*]] = kiln.neg %[[G]]
// CHECK-NEXT: %[[PD:.*]] = kiln.mul %[[P]], %[[DECAY]]
// CHECK-NEXT: %[[MB:.*]] = kiln.mul %[[M]], %[[BETA1]]
// CHECK-NEXT: %[[MD:.*]] = kiln.mul %[[NG]], %[[ONE_MINUS_BETA1]]
// CHECK-NEXT: %[[M1:.*]] = kiln.add %[[MB]], %[[MD]]
// CHECK-NEXT: %[[VB:.*]] = kiln.mul %[[V]], %[[BETA2]]
// CHECK-NEXT: %[[VD:.*]] = kiln.mul %[[NG]], %[[ONE_MINUS_BETA2]]
// CHECK-NEXT: %[[VDD:.*]] = kiln.mul %[[VD]], %[[NG]]
// CHECK-NEXT: %[[V1:.*]] = kiln.add %[[VB]], %[[VDD]]
// CHECK-NEXT: %[[POW1:.*]] = kiln.pow %[[BETA1]], %[[T]]
// CHECK-NEXT: %[[BC1:.*]] = kiln.sub %[[ONE]], %[[POW1]]
// CHECK-NEXT: %[[POW2:.*]] = kiln.pow %[[BETA2]], %[[T]]
// CHECK-NEXT: %[[BC2:.*]] = kiln.sub %[[ONE]], %[[POW2]]
// CHECK-NEXT: %[[SIZE:.*]] = kiln.div %[[LR]], %[[BC1]]
// CHECK-NEXT: %[[NEG_SIZE:.*]] = kiln.neg %[[SIZE]]
// CHECK-NEXT: %[[BC2_SQRT:.*]] = kiln.sqrt %[[BC2]]
// CHECK-NEXT: %[[ROOT:.*]] = kiln.sqrt %[[V1]]
// CHECK-NEXT: %[[SCALED:.*]] = kiln.div %[[ROOT]], %[[BC2_SQRT]]
// CHECK-NEXT: %[[DENOM:.*]] = kiln.add %[[SCALED]], %[[EPS]]
// CHECK-NEXT: %[[NUM:.*]] = kiln.mul %[[NEG_SIZE]], %[[M1]]
// CHECK-NEXT: %[[UPDATE:.*]] = kiln.div %[[NUM]], %[[DENOM]]
// CHECK-NEXT: %[[P1:.*]] = kiln.add %[[PD]], %[[UPDATE]]
// CHECK-NEXT: return %[[P1]], %[[M1]], %[[V1]]
func.func @adamw_maximize(%p: tensor<4xf64>, %g: tensor<4xf64>, %t: tensor<f64>, %m: tensor<4xf64>, %v: tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf64>, tensor<4xf64>) {
  %0, %1, %2 = kiln.adamw_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v {lr = 0.25 : f64, weight_decay = 0.5 : f64, maximize} : tensor<4xf64>
  return %0, %1, %2 : tensor<4xf64>, tensor<4xf64>, tensor<4xf64>
}

// Without weight decay AdamW leaves the param as it is.
// CHECK-LABEL: func.func @adamw_no_decay
// CHECK-SAME: (%[[P:[^:]*]]: tensor<4xf32>
// CHECK: %[[P1:.*]] = kiln.add %[[P]], %{{.*}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return %[[P1]]
func.func @adamw_no_decay(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0, %1, %2 = kiln.adamw_update %p, %g, step %t, exp_avg %m, exp_avg_sq %v {weight_decay = 0.0 : f64} : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
