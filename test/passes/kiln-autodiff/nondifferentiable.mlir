// Where autodiff stops: comparisons, argmax, casts to an integer dtype and creation ops carry no gradient by definition, so a parameter reached only through them gets zeros; a composite op on the path is an error until kiln-decompose has run.
// RUN: kiln-opt %s --kiln-autodiff --split-input-file --verify-diagnostics | FileCheck %s

// x only decides the condition: its gradient is zeros, y's is where(c, grad, 0).
// CHECK-LABEL: func.func @through_comparison
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32> {kiln.param = "x"}, %[[Y:.*]]: tensor<3xf32> {kiln.param = "y"})
// CHECK: %[[DY:.*]] = kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<3xi1>, tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
// CHECK: %[[DX:.*]] = kiln.zeros : tensor<3xf32>
// CHECK-NEXT: return %{{.*}}, %[[DX]], %[[DY]] : tensor<f32>, tensor<3xf32>, tensor<3xf32>
func.func @through_comparison(%x: tensor<3xf32> {kiln.param = "x"}, %y: tensor<3xf32> {kiln.param = "y"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %zero = kiln.zeros : tensor<3xf32>
  %c = kiln.le %x, %zero : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %w = kiln.where %c, %y, %zero : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %loss = kiln.sum %w : (tensor<3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// argmax's index, used as a float, does not lead back to x.
// CHECK-LABEL: func.func @through_argmax
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32> {kiln.param = "x"})
// CHECK: %[[DX:.*]] = kiln.zeros : tensor<4xf32>
// CHECK-NEXT: return %{{.*}}, %[[DX]] : tensor<f32>, tensor<4xf32>
func.func @through_argmax(%x: tensor<4xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %i = kiln.argmax %x : (tensor<4xf32>) -> tensor<i64>
  %f = kiln.cast %i : tensor<i64> to tensor<f32>
  return %f : tensor<f32>
}

// -----

// A cast to an integer dtype truncates: the float that comes back from it carries no gradient of x, while the float -> float cast passes its gradient back as f32.
// CHECK-LABEL: func.func @through_casts
// CHECK-SAME: (%[[X:.*]]: tensor<f32> {kiln.param = "x"})
// CHECK: %[[G:.*]] = kiln.constant dense<1.000000e+00> : tensor<f64>
// CHECK-NEXT: %[[DX:.*]] = kiln.cast %[[G]] : tensor<f64> to tensor<f32>
// CHECK-NEXT: return %{{.*}}, %[[DX]] : tensor<f64>, tensor<f32>
func.func @through_casts(%x: tensor<f32> {kiln.param = "x"}) -> (tensor<f64> {kiln.output = "loss"}) {
  %i = kiln.cast %x : tensor<f32> to tensor<i64>
  %back = kiln.cast %i : tensor<i64> to tensor<f64>
  %wide = kiln.cast %x : tensor<f32> to tensor<f64>
  %loss = kiln.add %wide, %back : (tensor<f64>, tensor<f64>) -> tensor<f64>
  return %loss : tensor<f64>
}

// -----

// Creation ops and random draws add no dependence on the parameters.
// CHECK-LABEL: func.func @creation
// CHECK-SAME: (%[[X:.*]]: tensor<f32> {kiln.param = "x"})
// CHECK: %[[R:.*]], %{{.*}} = kiln.randn
// CHECK: %[[ONE:.*]] = kiln.constant dense<1.000000e+00>
// CHECK: %[[DX:.*]] = kiln.mul %[[ONE]], %[[R]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK: return %{{.*}}, %[[DX]] : tensor<f32>, tensor<f32>
func.func @creation(%x: tensor<f32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %g = kiln.manual_seed 7
  %r, %g1 = kiln.randn %g : tensor<f32>
  %y = kiln.mul %x, %r : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %c = kiln.full 2.0 : tensor<f32>
  %loss = kiln.add %y, %c : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// The composite softmax has no VJP of its own: its decomposition does.
func.func @composite(%x: tensor<4xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  // expected-error @below {{'kiln.softmax' op is a composite op: run kiln-decompose before differentiating}}
  %p = kiln.softmax %x dim 0 : (tensor<4xf32>) -> tensor<4xf32>
  %loss = kiln.sum %p : (tensor<4xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}
