// kiln-decompose of rmsprop_update, in torch.optim.RMSprop's order: square_avg = alpha * square_avg + ((1 - alpha) * g) * g; centered: grad_avg = alpha * grad_avg + (1 - alpha) * g and square_avg + (-1 * grad_avg) * grad_avg under the root; avg = sqrt(.) + eps; momentum: buf = momentum * buf + g / avg, param - lr * buf; otherwise param + (-lr * g) / avg.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @plain
// CHECK-SAME: (%[[P:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>, %[[T:.*]]: tensor<f64>, %[[S:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[NEG_LR:.*]] = kiln.constant dense<-5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[EPS:.*]] = kiln.constant dense<1.250000e-01> : tensor<f32>
// CHECK-DAG: %[[ONE_MINUS_ALPHA:.*]] = kiln.constant dense<2.500000e-01> : tensor<f32>
// CHECK-DAG: %[[ALPHA:.*]] = kiln.constant dense<7.500000e-01> : tensor<f32>
// CHECK: %[[SA:.*]] = kiln.mul %[[S]], %[[ALPHA]]
// CHECK-NEXT: %[[GA:.*]] = kiln.mul %[[G]], %[[ONE_MINUS_ALPHA]]
// CHECK-NEXT: %[[GG:.*]] = kiln.mul %[[GA]], %[[G]]
// CHECK-NEXT: %[[S1:.*]] = kiln.add %[[SA]], %[[GG]]
// CHECK-NEXT: %[[ROOT:.*]] = kiln.sqrt %[[S1]]
// CHECK-NEXT: %[[AVG:.*]] = kiln.add %[[ROOT]], %[[EPS]]
// CHECK-NEXT: %[[NUM:.*]] = kiln.mul %[[G]], %[[NEG_LR]]
// CHECK-NEXT: %[[UPDATE:.*]] = kiln.div %[[NUM]], %[[AVG]]
// CHECK-NEXT: %[[P1:.*]] = kiln.add %[[P]], %[[UPDATE]]
// CHECK-NEXT: return %[[P1]], %[[S1]] : tensor<4xf32>, tensor<4xf32>
func.func @plain(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %s: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0, %1 = kiln.rmsprop_update %p, %g, step %t, square_avg %s {lr = 0.5 : f64, alpha = 0.75 : f64, eps = 0.125 : f64} : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// CHECK-LABEL: func.func @centered_momentum
// CHECK-SAME: (%[[P:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>, %[[T:.*]]: tensor<f64>, %[[S:.*]]: tensor<4xf32>, %[[A:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[NEG_LR:.*]] = kiln.constant dense<-5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[MOMENTUM:.*]] = kiln.constant dense<8.750000e-01> : tensor<f32>
// CHECK-DAG: %[[EPS:.*]] = kiln.constant dense<1.250000e-01> : tensor<f32>
// CHECK-DAG: %[[MINUS_ONE:.*]] = kiln.constant dense<-1.000000e+00> : tensor<f32>
// CHECK-DAG: %[[ONE_MINUS_ALPHA:.*]] = kiln.constant dense<2.500000e-01> : tensor<f32>
// CHECK-DAG: %[[ALPHA:.*]] = kiln.constant dense<7.500000e-01> : tensor<f32>
// CHECK: %[[SA:.*]] = kiln.mul %[[S]], %[[ALPHA]]
// CHECK-NEXT: %[[GA:.*]] = kiln.mul %[[G]], %[[ONE_MINUS_ALPHA]]
// CHECK-NEXT: %[[GG:.*]] = kiln.mul %[[GA]], %[[G]]
// CHECK-NEXT: %[[S1:.*]] = kiln.add %[[SA]], %[[GG]]
// CHECK-NEXT: %[[AA:.*]] = kiln.mul %[[A]], %[[ALPHA]]
// CHECK-NEXT: %[[GA2:.*]] = kiln.mul %[[G]], %[[ONE_MINUS_ALPHA]]
// CHECK-NEXT: %[[A1:.*]] = kiln.add %[[AA]], %[[GA2]]
// CHECK-NEXT: %[[NA:.*]] = kiln.mul %[[A1]], %[[MINUS_ONE]]
// CHECK-NEXT: %[[NAA:.*]] = kiln.mul %[[NA]], %[[A1]]
// CHECK-NEXT: %[[VAR:.*]] = kiln.add %[[S1]], %[[NAA]]
// CHECK-NEXT: %[[ROOT:.*]] = kiln.sqrt %[[VAR]]
// CHECK-NEXT: %[[AVG:.*]] = kiln.add %[[ROOT]], %[[EPS]]
// CHECK-NEXT: %[[BM:.*]] = kiln.mul %[[B]], %[[MOMENTUM]]
// CHECK-NEXT: %[[GAVG:.*]] = kiln.div %[[G]], %[[AVG]]
// CHECK-NEXT: %[[B1:.*]] = kiln.add %[[BM]], %[[GAVG]]
// CHECK-NEXT: %[[STEP:.*]] = kiln.mul %[[B1]], %[[NEG_LR]]
// CHECK-NEXT: %[[P1:.*]] = kiln.add %[[P]], %[[STEP]]
// CHECK-NEXT: return %[[P1]], %[[S1]], %[[A1]], %[[B1]]
func.func @centered_momentum(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %s: tensor<4xf32>, %a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0, %1, %2, %3 = kiln.rmsprop_update %p, %g, step %t, square_avg %s, grad_avg %a, momentum_buffer %b {lr = 0.5 : f64, alpha = 0.75 : f64, eps = 0.125 : f64, momentum = 0.875 : f64, centered} : tensor<4xf32>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
