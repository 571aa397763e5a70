// kiln-decompose of adagrad_update, in torch.optim.Adagrad's order: sum = sum + g * g; param + (-clr * g) / (sqrt(sum) + eps), with clr = lr / (1 + (step - 1) * lr_decay) in float64, rounded to the param's dtype; without lr_decay clr is lr.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @no_decay
// CHECK-SAME: (%[[P:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>, %[[T:.*]]: tensor<f64>, %[[S:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[EPS:.*]] = kiln.constant dense<1.250000e-01> : tensor<f32>
// CHECK-DAG: %[[NEG_LR:.*]] = kiln.constant dense<-5.000000e-01> : tensor<f32>
// CHECK: %[[GG:.*]] = kiln.mul %[[G]], %[[G]]
// CHECK-NEXT: %[[S1:.*]] = kiln.add %[[S]], %[[GG]]
// CHECK-NEXT: %[[ROOT:.*]] = kiln.sqrt %[[S1]]
// CHECK-NEXT: %[[DENOM:.*]] = kiln.add %[[ROOT]], %[[EPS]]
// CHECK-NEXT: %[[NUM:.*]] = kiln.mul %[[G]], %[[NEG_LR]]
// CHECK-NEXT: %[[UPDATE:.*]] = kiln.div %[[NUM]], %[[DENOM]]
// CHECK-NEXT: %[[P1:.*]] = kiln.add %[[P]], %[[UPDATE]]
// CHECK-NEXT: return %[[P1]], %[[S1]] : tensor<4xf32>, tensor<4xf32>
func.func @no_decay(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %s: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0, %1 = kiln.adagrad_update %p, %g, step %t, sum %s {lr = 0.5 : f64, eps = 0.125 : f64} : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// CHECK-LABEL: func.func @lr_decay
// CHECK-SAME: (%[[P:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>, %[[T:.*]]: tensor<f64>, %[[S:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[EPS:.*]] = kiln.constant dense<1.250000e-01> : tensor<f32>
// CHECK-DAG: %[[LR:.*]] = kiln.constant dense<5.000000e-01> : tensor<f64>
// CHECK-DAG: %[[DECAY:.*]] = kiln.constant dense<2.500000e-01> : tensor<f64>
// CHECK-DAG: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f64>
// CHECK: %[[T0:.*]] = kiln.sub %[[T]], %[[ONE]] : (tensor<f64>, tensor<f64>) -> tensor<f64>
// CHECK-NEXT: %[[TD:.*]] = kiln.mul %[[T0]], %[[DECAY]]
// CHECK-NEXT: %[[DIV:.*]] = kiln.add %[[TD]], %[[ONE]]
// CHECK-NEXT: %[[CLR:.*]] = kiln.div %[[LR]], %[[DIV]]
// CHECK-NEXT: %[[NEG_CLR64:.*]] = kiln.neg %[[CLR]]
// CHECK-NEXT: %[[NEG_CLR:.*]] = kiln.cast %[[NEG_CLR64]] : tensor<f64> to tensor<f32>
// CHECK-NEXT: %[[GG:.*]] = kiln.mul %[[G]], %[[G]]
// CHECK-NEXT: %[[S1:.*]] = kiln.add %[[S]], %[[GG]]
// CHECK-NEXT: %[[ROOT:.*]] = kiln.sqrt %[[S1]]
// CHECK-NEXT: %[[DENOM:.*]] = kiln.add %[[ROOT]], %[[EPS]]
// CHECK-NEXT: %[[NUM:.*]] = kiln.mul %[[NEG_CLR]], %[[G]] : (tensor<f32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[UPDATE:.*]] = kiln.div %[[NUM]], %[[DENOM]]
// CHECK-NEXT: %[[P1:.*]] = kiln.add %[[P]], %[[UPDATE]]
// CHECK-NEXT: return %[[P1]], %[[S1]] : tensor<4xf32>, tensor<4xf32>
func.func @lr_decay(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %s: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0, %1 = kiln.adagrad_update %p, %g, step %t, sum %s {lr = 0.5 : f64, lr_decay = 0.25 : f64, eps = 0.125 : f64} : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
