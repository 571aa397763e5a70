// kiln-decompose of sgd_update, in torch.optim.SGD's order: g = -grad under maximize, g + weight_decay * param; buf = step == 1 ? g : momentum * buf + (1 - dampening) * g; nesterov: g + momentum * buf; param - lr * g.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// Without momentum: one scaled add, the step unused.
// CHECK-LABEL: func.func @plain
// CHECK-SAME: (%[[P:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>, %[[T:.*]]: tensor<f64>)
// CHECK-NEXT: %[[NEG_LR:.*]] = kiln.constant dense<-1.000000e-01> : tensor<f32>
// CHECK-NEXT: %[[D:.*]] = kiln.mul %[[G]], %[[NEG_LR]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[R:.*]] = kiln.add %[[P]], %[[D]] : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return %[[R]] : tensor<4xf32>
func.func @plain(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>) -> tensor<4xf32> {
  %0 = kiln.sgd_update %p, %g, step %t {lr = 0.1 : f64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// Momentum with dampening, weight decay and maximize. The scalars round to
// float32 (1 - dampening = 0.5); the first step takes the gradient itself.
// CHECK-LABEL: func.func @momentum
// CHECK-SAME: (%[[P:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>, %[[T:.*]]: tensor<f64>, %[[B:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[NEG_LR:.*]] = kiln.constant dense<-5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f64>
// CHECK-DAG: %[[UNDAMPENED:.*]] = kiln.constant dense<5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[MOMENTUM:.*]] = kiln.constant dense<7.500000e-01> : tensor<f32>
// CHECK-DAG: %[[DECAY:.*]] = kiln.constant dense<2.500000e-01> : tensor<f32>
// CHECK: %[[NG:.*]] = kiln.neg %[[G]] : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[WD:.*]] = kiln.mul %[[P]], %[[DECAY]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[D:.*]] = kiln.add %[[NG]], %[[WD]] : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[BM:.*]] = kiln.mul %[[B]], %[[MOMENTUM]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[DD:.*]] = kiln.mul %[[D]], %[[UNDAMPENED]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[DECAYED:.*]] = kiln.add %[[BM]], %[[DD]] : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[FIRST:.*]] = kiln.eq %[[T]], %[[ONE]] : (tensor<f64>, tensor<f64>) -> tensor<i1>
// CHECK-NEXT: %[[BUF:.*]] = kiln.where %[[FIRST]], %[[D]], %[[DECAYED]] : (tensor<i1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[STEP:.*]] = kiln.mul %[[BUF]], %[[NEG_LR]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[R:.*]] = kiln.add %[[P]], %[[STEP]] : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return %[[R]], %[[BUF]] : tensor<4xf32>, tensor<4xf32>
func.func @momentum(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0, %1 = kiln.sgd_update %p, %g, step %t, momentum_buffer %b {lr = 0.5 : f64, momentum = 0.75 : f64, dampening = 0.5 : f64, weight_decay = 0.25 : f64, maximize} : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// Nesterov: without dampening the gradient is added unscaled, and the step
// uses g + momentum * buf.
// CHECK-LABEL: func.func @nesterov
// CHECK-SAME: (%[[P:.*]]: tensor<2x2xf64>, %[[G:.*]]: tensor<2x2xf64>, %[[T:.*]]: tensor<f64>, %[[B:.*]]: tensor<2x2xf64>)
// CHECK-DAG: %[[NEG_LR:.*]] = kiln.constant dense<-2.000000e+00> : tensor<f64>
// CHECK-DAG: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f64>
// CHECK-DAG: %[[MOMENTUM:.*]] = kiln.constant dense<9.000000e-01> : tensor<f64>
// CHECK: %[[BM:.*]] = kiln.mul %[[B]], %[[MOMENTUM]]
// CHECK-NEXT: %[[DECAYED:.*]] = kiln.add %[[BM]], %[[G]]
// CHECK-NEXT: %[[FIRST:.*]] = kiln.eq %[[T]], %[[ONE]]
// CHECK-NEXT: %[[BUF:.*]] = kiln.where %[[FIRST]], %[[G]], %[[DECAYED]]
// CHECK-NEXT: %[[MB:.*]] = kiln.mul %[[BUF]], %[[MOMENTUM]]
// CHECK-NEXT: %[[D:.*]] = kiln.add %[[G]], %[[MB]]
// CHECK-NEXT: %[[STEP:.*]] = kiln.mul %[[D]], %[[NEG_LR]]
// CHECK-NEXT: %[[R:.*]] = kiln.add %[[P]], %[[STEP]]
// CHECK-NEXT: return %[[R]], %[[BUF]] : tensor<2x2xf64>, tensor<2x2xf64>
func.func @nesterov(%p: tensor<2x2xf64>, %g: tensor<2x2xf64>, %t: tensor<f64>, %b: tensor<2x2xf64>) -> (tensor<2x2xf64>, tensor<2x2xf64>) {
  %0, %1 = kiln.sgd_update %p, %g, step %t, momentum_buffer %b {lr = 2.0 : f64, momentum = 0.9 : f64, nesterov} : tensor<2x2xf64>
  return %0, %1 : tensor<2x2xf64>, tensor<2x2xf64>
}
