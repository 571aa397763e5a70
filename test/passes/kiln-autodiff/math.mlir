// kiln-autodiff through math ops: sin's gradient is grad * cos(x), elu's takes alpha * exp(x) where x <= 0, fmod's divisor gets -grad * trunc(a / b) summed back to its shape, and floor (zero gradient in PyTorch) stops autodiff.
// RUN: kiln-opt %s --kiln-autodiff --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @sin
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32> {kiln.param = "x"})
// CHECK: %[[G:.*]] = kiln.expand
// CHECK-NEXT: %[[COS:.*]] = kiln.cos %[[X]] : (tensor<3xf32>) -> tensor<3xf32>
// CHECK-NEXT: %[[DX:.*]] = kiln.mul %[[G]], %[[COS]] : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
// CHECK-NEXT: return %{{.*}}, %[[DX]]
func.func @sin(%x: tensor<3xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.sin %x : (tensor<3xf32>) -> tensor<3xf32>
  %loss = kiln.sum %y : (tensor<3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// elu_backward: where(x <= 0, grad * alpha * exp(x), grad).
// CHECK-LABEL: func.func @elu
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32> {kiln.param = "x"})
// CHECK: %[[G:.*]] = kiln.expand
// CHECK-NEXT: %[[ALPHA:.*]] = kiln.constant dense<5.000000e-01> : tensor<f32>
// CHECK-NEXT: %[[SCALED:.*]] = kiln.mul %[[G]], %[[ALPHA]]
// CHECK-NEXT: %[[EXP:.*]] = kiln.exp %[[X]]
// CHECK-NEXT: %[[NEG:.*]] = kiln.mul %[[SCALED]], %[[EXP]]
// CHECK-NEXT: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[LE:.*]] = kiln.le %[[X]], %[[ZERO]]
// CHECK-NEXT: %[[DX:.*]] = kiln.where %[[LE]], %[[NEG]], %[[G]] : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
// CHECK-NEXT: return %{{.*}}, %[[DX]]
func.func @elu(%x: tensor<3xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.elu %x {alpha = 0.5 : f64} : (tensor<3xf32>) -> tensor<3xf32>
  %loss = kiln.sum %y : (tensor<3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// The dividend's gradient passes; the broadcast divisor's is summed over dim 0.
// CHECK-LABEL: func.func @fmod
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32> {kiln.param = "a"}, %[[B:.*]]: tensor<3xf32> {kiln.param = "b"})
// CHECK: %[[G:.*]] = kiln.expand
// CHECK-NEXT: %[[Q:.*]] = kiln.div %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[NEGQ:.*]] = kiln.lt %[[Q]]
// CHECK-NEXT: %[[UP:.*]] = kiln.ceil %[[Q]]
// CHECK-NEXT: %[[DOWN:.*]] = kiln.floor %[[Q]]
// CHECK-NEXT: %[[T:.*]] = kiln.where %[[NEGQ]], %[[UP]], %[[DOWN]]
// CHECK-NEXT: %[[NG:.*]] = kiln.neg %[[G]]
// CHECK-NEXT: %[[P:.*]] = kiln.mul %[[NG]], %[[T]]
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[P]] dim [0] keepdim : (tensor<2x3xf32>) -> tensor<1x3xf32>
// CHECK-NEXT: %[[DB:.*]] = kiln.reshape %[[S]] [3] : (tensor<1x3xf32>) -> tensor<3xf32>
// CHECK-NEXT: return %{{.*}}, %[[G]], %[[DB]]
func.func @fmod(%a: tensor<2x3xf32> {kiln.param = "a"}, %b: tensor<3xf32> {kiln.param = "b"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.fmod %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %loss = kiln.sum %y : (tensor<2x3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @floor
// CHECK: %[[DX:.*]] = kiln.zeros : tensor<3xf32>
// CHECK-NEXT: return %{{.*}}, %[[DX]]
func.func @floor(%x: tensor<3xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.floor %x : (tensor<3xf32>) -> tensor<3xf32>
  %loss = kiln.sum %y : (tensor<3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}
