// RUN: kiln-opt %s --kiln-decompose --kiln-autodiff --canonicalize --cse \
// RUN:   --kiln-lower-to-linalg --kiln-select-cpu-kernels --canonicalize --kiln-fold-matmul-epilogues \
// RUN:   --kiln-fold-matmul-transposes \
// RUN:   --one-shot-bufferize="bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map" \
// RUN:   --buffer-results-to-out-params --kiln-call-kernels | FileCheck %s
// Forward and backward of a two-layer MLP of `linear`s materialize no
// transpose: x W^T reads W through a transposed view, the weight gradients
// (g^T x after canonicalization) read g the same way, and the input
// gradient g W reads W as it is. Each forward matmul also computes its
// epilogue (the bias; bias and the loss's y - t).

// CHECK-LABEL: func.func @mlp
// CHECK-SAME: %[[X:[^:]+]]: memref<8x4xf32>, %[[T:[^:]+]]: memref<8x2xf32>, %[[W1:[^:]+]]: memref<5x4xf32>, %[[B1:[^:]+]]: memref<5xf32>, %[[W2:[^:]+]]: memref<2x5xf32>
// CHECK-NOT: linalg.transpose
// CHECK: %[[W1C:.*]] = memref.cast %[[W1]]
// CHECK: %[[W1T:.*]] = memref.transpose %[[W1C]] (d0, d1) -> (d1, d0)
// CHECK: call @kiln_matmul_f32_r2r2_post1(%{{.*}}, %[[W1T]], {{.*}}) {{.*}}i64
// CHECK: %[[W2C:.*]] = memref.cast %[[W2]]
// CHECK: %[[W2T:.*]] = memref.transpose %[[W2C]] (d0, d1) -> (d1, d0)
// CHECK: call @kiln_matmul_f32_r2r2_post2(%{{.*}}, %[[W2T]], {{.*}}) {{.*}}i64
// The input gradient of layer 2: g W2, W2 read as stored.
// CHECK: %[[W2C2:.*]] = memref.cast %[[W2]]
// CHECK-NEXT: memref.cast
// CHECK-NEXT: call @kiln_matmul_f32_r2r2(%{{.*}}, %[[W2C2]], %{{.*}})
// The weight gradients g^T a and g^T x.
// CHECK: memref.transpose
// CHECK: call @kiln_matmul_f32_r2r2(
// CHECK: %[[XC:.*]] = memref.cast %[[X]]
// CHECK: call @kiln_matmul_f32_r2r2(%{{.*}}, %[[XC]], %{{.*}})
// CHECK-NOT: linalg.transpose
func.func @mlp(%x: tensor<8x4xf32> {kiln.input = "x"}, %t: tensor<8x2xf32> {kiln.input = "t"},
               %w1: tensor<5x4xf32> {kiln.param = "w1"}, %b1: tensor<5xf32> {kiln.param = "b1"},
               %w2: tensor<2x5xf32> {kiln.param = "w2"}, %b2: tensor<2xf32> {kiln.param = "b2"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %h = kiln.linear %x, %w1, %b1 : (tensor<8x4xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<8x5xf32>
  %a = kiln.relu %h : (tensor<8x5xf32>) -> tensor<8x5xf32>
  %y = kiln.linear %a, %w2, %b2 : (tensor<8x5xf32>, tensor<2x5xf32>, tensor<2xf32>) -> tensor<8x2xf32>
  %loss = kiln.mse_loss %y, %t : (tensor<8x2xf32>, tensor<8x2xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}
