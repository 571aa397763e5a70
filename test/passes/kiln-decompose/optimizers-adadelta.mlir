// kiln-decompose of adadelta_update, in torch.optim.Adadelta's order: g + weight_decay * param; square_avg = rho * square_avg + ((1 - rho) * g) * g; delta = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g; acc_delta = rho * acc_delta + ((1 - rho) * delta) * delta; param - lr * delta.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @weight_decay
// CHECK-SAME: (%[[P:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>, %[[T:.*]]: tensor<f64>, %[[S:.*]]: tensor<4xf32>, %[[D:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[NEG_LR:.*]] = kiln.constant dense<-5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[RHO:.*]] = kiln.constant dense<7.500000e-01> : tensor<f32>
// CHECK-DAG: %[[EPS:.*]] = kiln.constant dense<1.250000e-01> : tensor<f32>
// CHECK-DAG: %[[QUARTER:.*]] = kiln.constant dense<2.500000e-01> : tensor<f32>
// CHECK: %[[WD:.*]] = kiln.mul %[[P]], %[[QUARTER]]
// CHECK-NEXT: %[[GD:.*]] = kiln.add %[[G]], %[[WD]]
// CHECK-NEXT: %[[SR:.*]] = kiln.mul %[[S]], %[[RHO]]
// CHECK-NEXT: %[[GR:.*]] = kiln.mul %[[GD]], %[[QUARTER]]
// CHECK-NEXT: %[[GG:.*]] = kiln.mul %[[GR]], %[[GD]]
// CHECK-NEXT: %[[S1:.*]] = kiln.add %[[SR]], %[[GG]]
// CHECK-NEXT: %[[SE:.*]] = kiln.add %[[S1]], %[[EPS]]
// CHECK-NEXT: %[[RMS:.*]] = kiln.sqrt %[[SE]]
// CHECK-NEXT: %[[DE:.*]] = kiln.add %[[D]], %[[EPS]]
// CHECK-NEXT: %[[DROOT:.*]] = kiln.sqrt %[[DE]]
// CHECK-NEXT: %[[RATIO:.*]] = kiln.div %[[DROOT]], %[[RMS]]
// CHECK-NEXT: %[[DELTA:.*]] = kiln.mul %[[RATIO]], %[[GD]]
// CHECK-NEXT: %[[DR:.*]] = kiln.mul %[[D]], %[[RHO]]
// CHECK-NEXT: %[[DQ:.*]] = kiln.mul %[[DELTA]], %[[QUARTER]]
// CHECK-NEXT: %[[DD:.*]] = kiln.mul %[[DQ]], %[[DELTA]]
// CHECK-NEXT: %[[D1:.*]] = kiln.add %[[DR]], %[[DD]]
// CHECK-NEXT: %[[STEP:.*]] = kiln.mul %[[DELTA]], %[[NEG_LR]]
// CHECK-NEXT: %[[P1:.*]] = kiln.add %[[P]], %[[STEP]]
// CHECK-NEXT: return %[[P1]], %[[S1]], %[[D1]] : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
func.func @weight_decay(%p: tensor<4xf32>, %g: tensor<4xf32>, %t: tensor<f64>, %s: tensor<4xf32>, %d: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0, %1, %2 = kiln.adadelta_update %p, %g, step %t, square_avg %s, acc_delta %d {lr = 0.5 : f64, rho = 0.75 : f64, eps = 0.125 : f64, weight_decay = 0.25 : f64} : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
