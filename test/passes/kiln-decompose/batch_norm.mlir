// kiln-decompose of batch_norm: inference normalizes with the running statistics and returns them unchanged; training normalizes with the batch mean and biased variance over every dim but C and returns (1 - momentum) * running + momentum * batch, the variance unbiased (n / (n - 1) = 20 / 19).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @inference
// CHECK-SAME: (%[[X:.*]]: tensor<4x3x5xf32>, %[[M:.*]]: tensor<3xf32>, %[[V:.*]]: tensor<3xf32>, %[[W:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK-DAG: %[[EPS:.*]] = kiln.constant dense<9.99999974E-6> : tensor<f32>
// CHECK-DAG: %[[M3:.*]] = kiln.reshape %[[M]] [1, 3, 1]
// CHECK: %[[C:.*]] = kiln.sub %[[X]], %[[M3]]
// CHECK: %[[V3:.*]] = kiln.reshape %[[V]] [1, 3, 1]
// CHECK: %[[VE:.*]] = kiln.add %[[V3]], %[[EPS]]
// CHECK: %[[R:.*]] = kiln.rsqrt %[[VE]]
// CHECK: %[[N:.*]] = kiln.mul %[[C]], %[[R]]
// CHECK: %[[W3:.*]] = kiln.reshape %[[W]] [1, 3, 1]
// CHECK: %[[S:.*]] = kiln.mul %[[N]], %[[W3]]
// CHECK: %[[B3:.*]] = kiln.reshape %[[B]] [1, 3, 1]
// CHECK: %[[Y:.*]] = kiln.add %[[S]], %[[B3]]
// CHECK: return %[[Y]], %[[M]], %[[V]]
// CHECK-NOT: kiln.batch_norm
func.func @inference(%x: tensor<4x3x5xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>, %w: tensor<3xf32>, %b: tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>) {
  %y:3 = kiln.batch_norm %x, %m, %v weight %w bias %b : (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>)
  return %y#0, %y#1, %y#2 : tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>
}

// CHECK-LABEL: func.func @training
// CHECK-SAME: (%[[X:.*]]: tensor<4x3x5xf32>, %[[M:.*]]: tensor<3xf32>, %[[V:.*]]: tensor<3xf32>)
// CHECK-DAG: %[[UNBIASED:.*]] = kiln.constant dense<0.263157904> : tensor<f32>
// CHECK-DAG: %[[MOM:.*]] = kiln.constant dense<2.500000e-01> : tensor<f32>
// CHECK-DAG: %[[KEEP:.*]] = kiln.constant dense<7.500000e-01> : tensor<f32>
// CHECK-DAG: %[[COUNT:.*]] = kiln.constant dense<2.000000e+01> : tensor<f32>
// CHECK: %[[SUM:.*]] = kiln.sum %[[X]] dim [0, 2] keepdim
// CHECK: %[[MEAN:.*]] = kiln.div %[[SUM]], %[[COUNT]]
// CHECK: %[[C:.*]] = kiln.sub %[[X]], %[[MEAN]]
// CHECK: %[[SQ:.*]] = kiln.mul %[[C]], %[[C]]
// CHECK: %[[SQSUM:.*]] = kiln.sum %[[SQ]] dim [0, 2] keepdim
// CHECK: %[[VAR:.*]] = kiln.div %[[SQSUM]], %[[COUNT]]
// CHECK: %[[R:.*]] = kiln.rsqrt
// CHECK: %[[Y:.*]] = kiln.mul %[[C]], %[[R]]
// CHECK: %[[MFLAT:.*]] = kiln.reshape %[[MEAN]] [3]
// CHECK: %[[MOLD:.*]] = kiln.mul %[[M]], %[[KEEP]]
// CHECK: %[[MNEW:.*]] = kiln.mul %[[MFLAT]], %[[MOM]]
// CHECK: %[[MOUT:.*]] = kiln.add %[[MOLD]], %[[MNEW]]
// CHECK: %[[VFLAT:.*]] = kiln.reshape %[[VAR]] [3]
// CHECK: %[[VOLD:.*]] = kiln.mul %[[V]], %[[KEEP]]
// CHECK: %[[VNEW:.*]] = kiln.mul %[[VFLAT]], %[[UNBIASED]]
// CHECK: %[[VOUT:.*]] = kiln.add %[[VOLD]], %[[VNEW]]
// CHECK: return %[[Y]], %[[MOUT]], %[[VOUT]]
func.func @training(%x: tensor<4x3x5xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>) {
  %y:3 = kiln.batch_norm %x, %m, %v training {momentum = 0.25 : f64} : (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>)
  return %y#0, %y#1, %y#2 : tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>
}
