// kiln-decompose of cross_entropy: nll_loss(log_softmax(x, class dim)); label smoothing adds eps/C * the masked -sum of log-probabilities.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// No smoothing: exactly nll_loss of the max-shifted log_softmax over dim 1, ignore_index 0.
// CHECK-LABEL: func.func @plain
// CHECK-SAME: (%[[X:.*]]: tensor<4x5xf32>, %[[T:.*]]: tensor<4xi64>)
// CHECK-DAG: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[IZERO:.*]] = kiln.constant dense<0> : tensor<i64>
// CHECK: %[[MAX:.*]] = kiln.max %[[X]] dim [1] keepdim : (tensor<4x5xf32>) -> tensor<4x1xf32>
// CHECK-NEXT: %[[SHIFT:.*]] = kiln.sub %[[X]], %[[MAX]] : (tensor<4x5xf32>, tensor<4x1xf32>) -> tensor<4x5xf32>
// CHECK-NEXT: %[[EXP:.*]] = kiln.exp %[[SHIFT]] : (tensor<4x5xf32>) -> tensor<4x5xf32>
// CHECK-NEXT: %[[SUM:.*]] = kiln.sum %[[EXP]] dim [1] keepdim : (tensor<4x5xf32>) -> tensor<4x1xf32>
// CHECK-NEXT: %[[LSE:.*]] = kiln.log %[[SUM]] : (tensor<4x1xf32>) -> tensor<4x1xf32>
// CHECK-NEXT: %[[LOGP:.*]] = kiln.sub %[[SHIFT]], %[[LSE]] : (tensor<4x5xf32>, tensor<4x1xf32>) -> tensor<4x5xf32>
// CHECK-NEXT: %[[KEPT:.*]] = kiln.ne %[[T]], %[[IZERO]] : (tensor<4xi64>, tensor<i64>) -> tensor<4xi1>
// CHECK-NEXT: %[[SAFE:.*]] = kiln.where %[[KEPT]], %[[T]], %[[IZERO]] : (tensor<4xi1>, tensor<4xi64>, tensor<i64>) -> tensor<4xi64>
// CHECK-NEXT: %[[IDX:.*]] = kiln.unsqueeze %[[SAFE]] dim 1 : (tensor<4xi64>) -> tensor<4x1xi64>
// CHECK-NEXT: %[[PICK:.*]] = kiln.gather %[[LOGP]], %[[IDX]] dim 1 : (tensor<4x5xf32>, tensor<4x1xi64>) -> tensor<4x1xf32>
// CHECK-NEXT: %[[SQ:.*]] = kiln.squeeze %[[PICK]] dim [1] : (tensor<4x1xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[NEG:.*]] = kiln.neg %[[SQ]] : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[PER:.*]] = kiln.where %[[KEPT]], %[[NEG]], %[[ZERO]] : (tensor<4xi1>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[TOTAL:.*]] = kiln.sum %[[PER]] : (tensor<4xf32>) -> tensor<f32>
// CHECK-NEXT: %[[KEPTF:.*]] = kiln.cast %[[KEPT]] : tensor<4xi1> to tensor<4xf32>
// CHECK-NEXT: %[[COUNT:.*]] = kiln.sum %[[KEPTF]] : (tensor<4xf32>) -> tensor<f32>
// CHECK-NEXT: %[[LOSS:.*]] = kiln.div %[[TOTAL]], %[[COUNT]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %[[LOSS]] : tensor<f32>
// CHECK-NOT: kiln.cross_entropy
// CHECK-NOT: kiln.log_softmax
// CHECK-NOT: kiln.nll_loss
func.func @plain(%x: tensor<4x5xf32>, %t: tensor<4xi64>) -> tensor<f32> {
  %0 = kiln.cross_entropy %x, %t {ignore_index = 0 : i64} : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// [N, C, d] with C = 4, eps = 0.25, none: 0.75 * nll + 0.0625 * where(kept, -sum(logp, 1), 0).
// CHECK-LABEL: func.func @smoothing_none
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x3xf32>, %[[T:.*]]: tensor<2x3xi64>)
// CHECK-DAG: %[[ONE_MINUS_EPS:.*]] = kiln.constant dense<7.500000e-01> : tensor<f32>
// CHECK-DAG: %[[EPS_OVER_C:.*]] = kiln.constant dense<6.250000e-02> : tensor<f32>
// CHECK-DAG: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[CLASS0:.*]] = kiln.constant dense<0> : tensor<i64>
// CHECK-DAG: %[[IGNORE:.*]] = kiln.constant dense<-100> : tensor<i64>
// CHECK: %[[MAX:.*]] = kiln.max %[[X]] dim [1] keepdim : (tensor<2x4x3xf32>) -> tensor<2x1x3xf32>
// CHECK-NEXT: %[[SHIFT:.*]] = kiln.sub %[[X]], %[[MAX]] : (tensor<2x4x3xf32>, tensor<2x1x3xf32>) -> tensor<2x4x3xf32>
// CHECK-NEXT: %[[EXP:.*]] = kiln.exp %[[SHIFT]] : (tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
// CHECK-NEXT: %[[SUM:.*]] = kiln.sum %[[EXP]] dim [1] keepdim : (tensor<2x4x3xf32>) -> tensor<2x1x3xf32>
// CHECK-NEXT: %[[LSE:.*]] = kiln.log %[[SUM]] : (tensor<2x1x3xf32>) -> tensor<2x1x3xf32>
// CHECK-NEXT: %[[LOGP:.*]] = kiln.sub %[[SHIFT]], %[[LSE]] : (tensor<2x4x3xf32>, tensor<2x1x3xf32>) -> tensor<2x4x3xf32>
// CHECK-NEXT: %[[KEPT:.*]] = kiln.ne %[[T]], %[[IGNORE]] : (tensor<2x3xi64>, tensor<i64>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[SAFE:.*]] = kiln.where %[[KEPT]], %[[T]], %[[CLASS0]] : (tensor<2x3xi1>, tensor<2x3xi64>, tensor<i64>) -> tensor<2x3xi64>
// CHECK-NEXT: %[[IDX:.*]] = kiln.unsqueeze %[[SAFE]] dim 1 : (tensor<2x3xi64>) -> tensor<2x1x3xi64>
// CHECK-NEXT: %[[PICK:.*]] = kiln.gather %[[LOGP]], %[[IDX]] dim 1 : (tensor<2x4x3xf32>, tensor<2x1x3xi64>) -> tensor<2x1x3xf32>
// CHECK-NEXT: %[[SQ:.*]] = kiln.squeeze %[[PICK]] dim [1] : (tensor<2x1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[NEG:.*]] = kiln.neg %[[SQ]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[NLL:.*]] = kiln.where %[[KEPT]], %[[NEG]], %[[ZERO]] : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[KEPT2:.*]] = kiln.ne %[[T]], %[[IGNORE]] : (tensor<2x3xi64>, tensor<i64>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[CSUM:.*]] = kiln.sum %[[LOGP]] dim [1] : (tensor<2x4x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[CNEG:.*]] = kiln.neg %[[CSUM]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[SMOOTH:.*]] = kiln.where %[[KEPT2]], %[[CNEG]], %[[ZERO]] : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[SMOOTHW:.*]] = kiln.mul %[[SMOOTH]], %[[EPS_OVER_C]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[NLLW:.*]] = kiln.mul %[[NLL]], %[[ONE_MINUS_EPS]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[LOSS:.*]] = kiln.add %[[NLLW]], %[[SMOOTHW]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[LOSS]] : tensor<2x3xf32>
func.func @smoothing_none(%x: tensor<2x4x3xf32>, %t: tensor<2x3xi64>) -> tensor<2x3xf32> {
  %0 = kiln.cross_entropy %x, %t reduction <none> {label_smoothing = 0.25 : f64} : (tensor<2x4x3xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// mean with smoothing: both terms divide by the number of non-ignored targets; [C] + [] uses class dim 0.
// CHECK-LABEL: func.func @smoothing_mean_unbatched
// CHECK-DAG: kiln.constant dense<8.000000e-01> : tensor<f32>
// CHECK-DAG: kiln.constant dense<4.000000e-02> : tensor<f32>
// CHECK: kiln.max %{{.*}} dim [0] keepdim : (tensor<5xf32>) -> tensor<1xf32>
// CHECK: kiln.gather %{{.*}}, %{{.*}} dim 0 : (tensor<5xf32>, tensor<1xi64>) -> tensor<1xf32>
// CHECK: kiln.cast %{{.*}} : tensor<i1> to tensor<f32>
// CHECK: kiln.div
// CHECK: kiln.sum %{{.*}} dim [0] : (tensor<5xf32>) -> tensor<f32>
// CHECK: kiln.cast %{{.*}} : tensor<i1> to tensor<f32>
// CHECK: kiln.div
// CHECK: kiln.add
// CHECK-NEXT: return
func.func @smoothing_mean_unbatched(%x: tensor<5xf32>, %t: tensor<i64>) -> tensor<f32> {
  %0 = kiln.cross_entropy %x, %t {label_smoothing = 0.2 : f64} : (tensor<5xf32>, tensor<i64>) -> tensor<f32>
  return %0 : tensor<f32>
}
