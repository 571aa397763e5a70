// kiln-decompose of nll_loss: gather -input[target] along the class dim, zero ignore_index targets, mean divides by the kept count.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// [N, C] + [N], mean: sum(where(kept, -x[n, t[n]], 0)) / sum(kept).
// CHECK-LABEL: func.func @batch_mean
// CHECK-SAME: (%[[X:.*]]: tensor<4x5xf32>, %[[T:.*]]: tensor<4xi64>)
// CHECK-DAG: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[CLASS0:.*]] = kiln.constant dense<0> : tensor<i64>
// CHECK-DAG: %[[IGNORE:.*]] = kiln.constant dense<-100> : tensor<i64>
// CHECK: %[[KEPT:.*]] = kiln.ne %[[T]], %[[IGNORE]] : (tensor<4xi64>, tensor<i64>) -> tensor<4xi1>
// CHECK-NEXT: %[[SAFE:.*]] = kiln.where %[[KEPT]], %[[T]], %[[CLASS0]] : (tensor<4xi1>, tensor<4xi64>, tensor<i64>) -> tensor<4xi64>
// CHECK-NEXT: %[[IDX:.*]] = kiln.unsqueeze %[[SAFE]] dim 1 : (tensor<4xi64>) -> tensor<4x1xi64>
// CHECK-NEXT: %[[PICK:.*]] = kiln.gather %[[X]], %[[IDX]] dim 1 : (tensor<4x5xf32>, tensor<4x1xi64>) -> tensor<4x1xf32>
// CHECK-NEXT: %[[LOGP:.*]] = kiln.squeeze %[[PICK]] dim [1] : (tensor<4x1xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[NEG:.*]] = kiln.neg %[[LOGP]] : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[PER:.*]] = kiln.where %[[KEPT]], %[[NEG]], %[[ZERO]] : (tensor<4xi1>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[TOTAL:.*]] = kiln.sum %[[PER]] : (tensor<4xf32>) -> tensor<f32>
// CHECK-NEXT: %[[KEPTF:.*]] = kiln.cast %[[KEPT]] : tensor<4xi1> to tensor<4xf32>
// CHECK-NEXT: %[[COUNT:.*]] = kiln.sum %[[KEPTF]] : (tensor<4xf32>) -> tensor<f32>
// CHECK-NEXT: %[[LOSS:.*]] = kiln.div %[[TOTAL]], %[[COUNT]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %[[LOSS]] : tensor<f32>
// CHECK-NOT: kiln.nll_loss
func.func @batch_mean(%x: tensor<4x5xf32>, %t: tensor<4xi64>) -> tensor<f32> {
  %0 = kiln.nll_loss %x, %t : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// [C] + [], none: the class dim is 0 and the loss is 0-d.
// CHECK-LABEL: func.func @unbatched_none
// CHECK-SAME: (%[[X:.*]]: tensor<5xf64>, %[[T:.*]]: tensor<i64>)
// CHECK-DAG: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f64>
// CHECK-DAG: %[[CLASS0:.*]] = kiln.constant dense<0> : tensor<i64>
// CHECK-DAG: %[[IGNORE:.*]] = kiln.constant dense<-100> : tensor<i64>
// CHECK: %[[KEPT:.*]] = kiln.ne %[[T]], %[[IGNORE]] : (tensor<i64>, tensor<i64>) -> tensor<i1>
// CHECK-NEXT: %[[SAFE:.*]] = kiln.where %[[KEPT]], %[[T]], %[[CLASS0]] : (tensor<i1>, tensor<i64>, tensor<i64>) -> tensor<i64>
// CHECK-NEXT: %[[IDX:.*]] = kiln.unsqueeze %[[SAFE]] dim 0 : (tensor<i64>) -> tensor<1xi64>
// CHECK-NEXT: %[[PICK:.*]] = kiln.gather %[[X]], %[[IDX]] dim 0 : (tensor<5xf64>, tensor<1xi64>) -> tensor<1xf64>
// CHECK-NEXT: %[[LOGP:.*]] = kiln.squeeze %[[PICK]] dim [0] : (tensor<1xf64>) -> tensor<f64>
// CHECK-NEXT: %[[NEG:.*]] = kiln.neg %[[LOGP]] : (tensor<f64>) -> tensor<f64>
// CHECK-NEXT: %[[PER:.*]] = kiln.where %[[KEPT]], %[[NEG]], %[[ZERO]] : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
// CHECK-NEXT: return %[[PER]] : tensor<f64>
func.func @unbatched_none(%x: tensor<5xf64>, %t: tensor<i64>) -> tensor<f64> {
  %0 = kiln.nll_loss %x, %t reduction <none> : (tensor<5xf64>, tensor<i64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// [N, C, d1, d2] + [N, d1, d2] ignore_index 1, sum: no count division.
// CHECK-LABEL: func.func @spatial_sum
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4x5xf32>, %[[T:.*]]: tensor<2x4x5xi64>)
// CHECK-DAG: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[CLASS0:.*]] = kiln.constant dense<0> : tensor<i64>
// CHECK-DAG: %[[IGNORE:.*]] = kiln.constant dense<1> : tensor<i64>
// CHECK: %[[KEPT:.*]] = kiln.ne %[[T]], %[[IGNORE]] : (tensor<2x4x5xi64>, tensor<i64>) -> tensor<2x4x5xi1>
// CHECK-NEXT: %[[SAFE:.*]] = kiln.where %[[KEPT]], %[[T]], %[[CLASS0]] : (tensor<2x4x5xi1>, tensor<2x4x5xi64>, tensor<i64>) -> tensor<2x4x5xi64>
// CHECK-NEXT: %[[IDX:.*]] = kiln.unsqueeze %[[SAFE]] dim 1 : (tensor<2x4x5xi64>) -> tensor<2x1x4x5xi64>
// CHECK-NEXT: %[[PICK:.*]] = kiln.gather %[[X]], %[[IDX]] dim 1 : (tensor<2x3x4x5xf32>, tensor<2x1x4x5xi64>) -> tensor<2x1x4x5xf32>
// CHECK-NEXT: %[[LOGP:.*]] = kiln.squeeze %[[PICK]] dim [1] : (tensor<2x1x4x5xf32>) -> tensor<2x4x5xf32>
// CHECK-NEXT: %[[NEG:.*]] = kiln.neg %[[LOGP]] : (tensor<2x4x5xf32>) -> tensor<2x4x5xf32>
// CHECK-NEXT: %[[PER:.*]] = kiln.where %[[KEPT]], %[[NEG]], %[[ZERO]] : (tensor<2x4x5xi1>, tensor<2x4x5xf32>, tensor<f32>) -> tensor<2x4x5xf32>
// CHECK-NEXT: %[[LOSS:.*]] = kiln.sum %[[PER]] : (tensor<2x4x5xf32>) -> tensor<f32>
// CHECK-NEXT: return %[[LOSS]] : tensor<f32>
func.func @spatial_sum(%x: tensor<2x3x4x5xf32>, %t: tensor<2x4x5xi64>) -> tensor<f32> {
  %0 = kiln.nll_loss %x, %t reduction <sum> {ignore_index = 1 : i64} : (tensor<2x3x4x5xf32>, tensor<2x4x5xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}
