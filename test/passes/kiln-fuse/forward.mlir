// kiln-fuse on forward graphs: linear + relu is a contraction region with its bias and activation epilogue (the weight's transpose stays outside, for the matmul kernel to fold); softmax is one reduction region; an element-wise chain is one pointwise region, with the splat constant cloned in.
// RUN: kiln-opt %s --kiln-decompose --kiln-fuse | FileCheck %s

// CHECK-LABEL: func.func @linear_relu
// CHECK: kiln.transpose
// CHECK: kiln.fusion <contraction>
// CHECK-NEXT: ^bb0
// CHECK-NEXT: kiln.matmul
// CHECK-NEXT: kiln.add
// CHECK-NEXT: kiln.relu
// CHECK-NEXT: kiln.yield
func.func @linear_relu(%x: tensor<8x4xf32>, %w: tensor<3x4xf32>, %b: tensor<3xf32>) -> tensor<8x3xf32> {
  %h = kiln.linear %x, %w, %b : (tensor<8x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<8x3xf32>
  %y = kiln.relu %h : (tensor<8x3xf32>) -> tensor<8x3xf32>
  return %y : tensor<8x3xf32>
}

// CHECK-LABEL: func.func @softmax
// CHECK: kiln.fusion <reduction>
// CHECK-NEXT: ^bb0
// CHECK-NEXT: kiln.max
// CHECK-NEXT: kiln.sub
// CHECK-NEXT: kiln.exp
// CHECK-NEXT: kiln.sum
// CHECK-NEXT: kiln.div
// CHECK-NEXT: kiln.yield
// CHECK-NOT: kiln.fusion
func.func @softmax(%x: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %y = kiln.softmax %x dim 1 : (tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// CHECK-LABEL: func.func @chain
// CHECK: kiln.fusion <pointwise>(%{{.*}}, %{{.*}}, %{{.*}}) :
// CHECK-NEXT: ^bb0
// CHECK-NEXT: kiln.constant dense<2.000000e+00>
// CHECK-NEXT: kiln.mul
// CHECK-NEXT: kiln.add
// CHECK-NEXT: kiln.mul
// CHECK-NEXT: kiln.sigmoid
// CHECK-NEXT: kiln.yield
func.func @chain(%x: tensor<16xf32>, %w: tensor<16xf32>, %b: tensor<16xf32>) -> tensor<16xf32> {
  %two = kiln.constant dense<2.0> : tensor<16xf32>
  %0 = kiln.mul %x, %w : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
  %1 = kiln.add %0, %b : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
  %2 = kiln.mul %1, %two : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
  %3 = kiln.sigmoid %2 : (tensor<16xf32>) -> tensor<16xf32>
  return %3 : tensor<16xf32>
}

// A value used after the region is yielded once, not recomputed; a product
// never joins an element-wise region, and a reduction never joins a
// product's.
// CHECK-LABEL: func.func @boundaries
// CHECK: %[[R:.*]]:2 = kiln.fusion <pointwise>
// CHECK: kiln.yield %{{.*}}, %{{.*}} : tensor<4x4xf32>, tensor<4x4xf32>
// CHECK: %[[P:.*]] = kiln.fusion <contraction>(%[[R]]#0, %[[R]]#1)
// CHECK: kiln.fusion <reduction>(%[[P]])
func.func @boundaries(%x: tensor<4x4xf32>) -> tensor<f32> {
  %0 = kiln.exp %x : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %1 = kiln.neg %0 : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %2 = kiln.matmul %0, %1 : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %3 = kiln.sum %2 : (tensor<4x4xf32>) -> tensor<f32>
  return %3 : tensor<f32>
}
