// kiln-decompose leaves no composite op (linear, softmax, log_softmax, mean, any loss), including those a rewrite emits (cross_entropy -> log_softmax + nll_loss).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s --implicit-check-not=kiln.linear --implicit-check-not=kiln.softmax --implicit-check-not=kiln.log_softmax --implicit-check-not=kiln.mean --implicit-check-not=_loss --implicit-check-not=kiln.binary_cross_entropy --implicit-check-not=kiln.kl_div --implicit-check-not=kiln.cross_entropy

// CHECK-LABEL: func.func @model
// CHECK: kiln.transpose
// CHECK: kiln.matmul
// CHECK: kiln.gather
// CHECK: return
func.func @model(%x: tensor<8x3xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf32>, %t: tensor<8xi64>, %y: tensor<8x4xf32>)
    -> (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<8x4xf32>, tensor<4xf32>) {
  %h = kiln.linear %x, %w, %b : (tensor<8x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %p = kiln.softmax %h dim -1 : (tensor<8x4xf32>) -> tensor<8x4xf32>
  %lp = kiln.log_softmax %h dim 1 : (tensor<8x4xf32>) -> tensor<8x4xf32>
  %m = kiln.mean %h dim [0] : (tensor<8x4xf32>) -> tensor<4xf32>
  %0 = kiln.cross_entropy %h, %t {label_smoothing = 0.1 : f64} : (tensor<8x4xf32>, tensor<8xi64>) -> tensor<f32>
  %1 = kiln.nll_loss %lp, %t reduction <sum> : (tensor<8x4xf32>, tensor<8xi64>) -> tensor<f32>
  %2 = kiln.mse_loss %h, %y : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<f32>
  %3 = kiln.l1_loss %h, %y : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<f32>
  %4 = kiln.smooth_l1_loss %h, %y {beta = 0.5 : f64} : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<f32>
  %5 = kiln.binary_cross_entropy %p, %y : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<f32>
  %6 = kiln.binary_cross_entropy_with_logits %h, %y : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<f32>
  %7 = kiln.kl_div %lp, %p : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<f32>
  %8 = kiln.kl_div %lp, %lp reduction <sum> {log_target} : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<f32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %p, %m : tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<8x4xf32>, tensor<4xf32>
}

// Nested composites inside a region are decomposed too.
// CHECK-LABEL: func.func @nested
// CHECK: scf.if
// CHECK: kiln.exp
// CHECK: return
func.func @nested(%c: i1, %x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %r = scf.if %c -> tensor<2x3xf32> {
    %s = kiln.softmax %x dim 0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    scf.yield %s : tensor<2x3xf32>
  } else {
    scf.yield %x : tensor<2x3xf32>
  }
  return %r : tensor<2x3xf32>
}
