// kiln-autodiff through element-wise ops: a broadcast operand's gradient is summed back to its shape, a promoted 0-d operand's is cast back to its dtype, a value used twice accumulates both gradients, and pow, where and maximum follow PyTorch's formulas.
// RUN: kiln-opt %s --kiln-autodiff --split-input-file | FileCheck %s

// [3, 1] + [4] gives [3, 4]: a's gradient sums dim 1 (kept), b's sums dim 0 and drops it.
// CHECK-LABEL: func.func @broadcast_add
// CHECK-SAME: (%[[A:.*]]: tensor<3x1xf32> {kiln.param = "a"}, %[[B:.*]]: tensor<4xf32> {kiln.param = "b"})
// CHECK: %[[DA:.*]] = kiln.sum %[[G:.*]] dim [1] keepdim : (tensor<3x4xf32>) -> tensor<3x1xf32>
// CHECK-NEXT: %[[SB:.*]] = kiln.sum %[[G]] dim [0] keepdim : (tensor<3x4xf32>) -> tensor<1x4xf32>
// CHECK-NEXT: %[[DB:.*]] = kiln.reshape %[[SB]] [4] : (tensor<1x4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return %{{.*}}, %[[DA]], %[[DB]] : tensor<f32>, tensor<3x1xf32>, tensor<4xf32>
func.func @broadcast_add(%a: tensor<3x1xf32> {kiln.param = "a"}, %b: tensor<4xf32> {kiln.param = "b"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.add %a, %b : (tensor<3x1xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  %loss = kiln.sum %y : (tensor<3x4xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// x * x: each use of x gets grad * x, and the two are added.
// CHECK-LABEL: func.func @fan_out
// CHECK-SAME: (%[[X:.*]]: tensor<f32> {kiln.param = "x"})
// CHECK-NEXT: %[[Y:.*]] = kiln.mul %[[X]], %[[X]]
// CHECK-NEXT: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[D0:.*]] = kiln.mul %[[ONE]], %[[X]]
// CHECK-NEXT: %[[D1:.*]] = kiln.mul %[[ONE]], %[[X]]
// CHECK-NEXT: %[[DX:.*]] = kiln.add %[[D0]], %[[D1]]
// CHECK-NEXT: return %[[Y]], %[[DX]] : tensor<f32>, tensor<f32>
func.func @fan_out(%x: tensor<f32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.mul %x, %x : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}

// -----

// f32[3] * f64[] is f32: s's gradient, grad * a, is summed to 0-d and cast to f64.
// CHECK-LABEL: func.func @promoted_scalar
// CHECK-SAME: (%[[A:.*]]: tensor<3xf32> {kiln.param = "a"}, %[[S:.*]]: tensor<f64> {kiln.param = "s"})
// CHECK: kiln.sum %{{.*}} : (tensor<3xf32>) -> tensor<f32>
// CHECK: %[[DA:.*]] = kiln.mul %[[G:.*]], %[[S]] : (tensor<3xf32>, tensor<f64>) -> tensor<3xf32>
// CHECK-NEXT: %[[P:.*]] = kiln.mul %[[G]], %[[A]] : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
// CHECK-NEXT: %[[SUM:.*]] = kiln.sum %[[P]] dim [0] keepdim : (tensor<3xf32>) -> tensor<1xf32>
// CHECK-NEXT: %[[R:.*]] = kiln.reshape %[[SUM]] [] : (tensor<1xf32>) -> tensor<f32>
// CHECK-NEXT: %[[DS:.*]] = kiln.cast %[[R]] : tensor<f32> to tensor<f64>
// CHECK-NEXT: return %{{.*}}, %[[DA]], %[[DS]] : tensor<f32>, tensor<3xf32>, tensor<f64>
func.func @promoted_scalar(%a: tensor<3xf32> {kiln.param = "a"}, %s: tensor<f64> {kiln.param = "s"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.mul %a, %s : (tensor<3xf32>, tensor<f64>) -> tensor<3xf32>
  %loss = kiln.sum %y : (tensor<3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// An integer operand takes no gradient: only the float one is returned, and no op computes the other.
// CHECK-LABEL: func.func @integer_operand
// CHECK-SAME: (%[[X:.*]]: tensor<f32> {kiln.param = "x"}, %[[N:.*]]: tensor<i64> {kiln.input = "n"})
// CHECK-NEXT: %[[Y:.*]] = kiln.mul %[[X]], %[[N]]
// CHECK-NEXT: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[DX:.*]] = kiln.mul %[[ONE]], %[[N]] : (tensor<f32>, tensor<i64>) -> tensor<f32>
// CHECK-NEXT: return %[[Y]], %[[DX]] : tensor<f32>, tensor<f32>
func.func @integer_operand(%x: tensor<f32> {kiln.param = "x"}, %n: tensor<i64> {kiln.input = "n"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.mul %x, %n : (tensor<f32>, tensor<i64>) -> tensor<f32>
  return %y : tensor<f32>
}

// -----

// pow_backward_self: where(e == 0, 0, grad * e * x^(e - 1));
// pow_backward_exponent: grad * where(x == 0 && e >= 0, 0, x^e * log(x)).
// CHECK-LABEL: func.func @pow
// CHECK-SAME: (%[[X:.*]]: tensor<f32> {kiln.param = "x"}, %[[E:.*]]: tensor<f32> {kiln.param = "e"})
// CHECK-NEXT: %[[Y:.*]] = kiln.pow %[[X]], %[[E]]
// CHECK-NEXT: %[[G:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[EM1:.*]] = kiln.sub %[[E]], %[[ONE]]
// CHECK-NEXT: %[[POW:.*]] = kiln.pow %[[X]], %[[EM1]]
// CHECK-NEXT: %[[Z0:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[EZ:.*]] = kiln.eq %[[E]], %[[Z0]]
// CHECK-NEXT: %[[EP:.*]] = kiln.mul %[[E]], %[[POW]]
// CHECK-NEXT: %[[GEP:.*]] = kiln.mul %[[G]], %[[EP]]
// CHECK-NEXT: %[[DX:.*]] = kiln.where %[[EZ]], %[[ZERO]], %[[GEP]]
// CHECK-NEXT: %[[Z1:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[XZ:.*]] = kiln.eq %[[X]], %[[Z1]]
// CHECK-NEXT: %[[Z2:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[NN:.*]] = kiln.ge %[[E]], %[[Z2]]
// CHECK-NEXT: %[[LOG:.*]] = kiln.log %[[X]]
// CHECK-NEXT: %[[BOTH:.*]] = kiln.mul %[[XZ]], %[[NN]] : (tensor<i1>, tensor<i1>) -> tensor<i1>
// CHECK-NEXT: %[[YL:.*]] = kiln.mul %[[Y]], %[[LOG]]
// CHECK-NEXT: %[[W:.*]] = kiln.where %[[BOTH]], %[[ZERO]], %[[YL]]
// CHECK-NEXT: %[[DE:.*]] = kiln.mul %[[G]], %[[W]]
// CHECK-NEXT: return %[[Y]], %[[DX]], %[[DE]]
func.func @pow(%x: tensor<f32> {kiln.param = "x"}, %e: tensor<f32> {kiln.param = "e"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.pow %x, %e : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}

// -----

// where: the condition (a comparison of x) takes no gradient; a gets the gradient where it was chosen, b elsewhere, and x only its own use as a.
// CHECK-LABEL: func.func @where
// CHECK-SAME: (%[[X:.*]]: tensor<f32> {kiln.param = "x"}, %[[B:.*]]: tensor<f32> {kiln.param = "b"})
// CHECK: %[[C:.*]] = kiln.gt
// CHECK-NEXT: %[[Y:.*]] = kiln.where %[[C]], %[[X]], %[[B]]
// CHECK-NEXT: %[[G:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[DX:.*]] = kiln.where %[[C]], %[[G]], %[[ZERO]]
// CHECK-NEXT: %[[DB:.*]] = kiln.where %[[C]], %[[ZERO]], %[[G]]
// CHECK-NEXT: return %[[Y]], %[[DX]], %[[DB]]
func.func @where(%x: tensor<f32> {kiln.param = "x"}, %b: tensor<f32> {kiln.param = "b"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %zero = kiln.constant dense<0.0> : tensor<f32>
  %c = kiln.gt %x, %zero : (tensor<f32>, tensor<f32>) -> tensor<i1>
  %y = kiln.where %c, %x, %b : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}

// -----

// maximum: where(a == b, grad / 2, grad), then zero for a where a < b and for b where a > b.
// CHECK-LABEL: func.func @maximum
// CHECK-SAME: (%[[A:.*]]: tensor<f32> {kiln.param = "a"}, %[[B:.*]]: tensor<f32> {kiln.param = "b"})
// CHECK-NEXT: %[[Y:.*]] = kiln.maximum %[[A]], %[[B]]
// CHECK-NEXT: %[[G:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[EQ:.*]] = kiln.eq %[[A]], %[[B]]
// CHECK-NEXT: %[[TWO:.*]] = kiln.constant dense<2.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[HALF:.*]] = kiln.div %[[G]], %[[TWO]]
// CHECK-NEXT: %[[SHARED:.*]] = kiln.where %[[EQ]], %[[HALF]], %[[G]]
// CHECK-NEXT: %[[LT:.*]] = kiln.lt %[[A]], %[[B]]
// CHECK-NEXT: %[[DA:.*]] = kiln.where %[[LT]], %[[ZERO]], %[[SHARED]]
// CHECK-NEXT: %[[GT:.*]] = kiln.gt %[[A]], %[[B]]
// CHECK-NEXT: %[[DB:.*]] = kiln.where %[[GT]], %[[ZERO]], %[[SHARED]]
// CHECK-NEXT: return %[[Y]], %[[DA]], %[[DB]]
func.func @maximum(%a: tensor<f32> {kiln.param = "a"}, %b: tensor<f32> {kiln.param = "b"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.maximum %a, %b : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}
