// kiln-fusion-kernels: an element-wise chain over 16M floats is one linalg.generic tiled by 16384 iterations into an scf.forall; a small chain stays one serial generic; softmax rows are tiled with their max and sum reductions computed in the tile loop; a matrix product stays a library call with its epilogue untiled beside it.
// RUN: kiln-opt %s --kiln-decompose --kiln-fuse --kiln-lower-to-linalg --kiln-select-cpu-kernels --kiln-fusion-kernels --canonicalize --cse | FileCheck %s

// CHECK-LABEL: func.func @large_chain
// CHECK-NOT: kiln.fusion
// CHECK: scf.forall (%{{.*}}) = (0) to (16777216) step (16384)
// CHECK: linalg.generic
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: math.exp
// CHECK-NOT: linalg.generic
// CHECK: scf.forall.in_parallel
func.func @large_chain(%x: tensor<16777216xf32>, %w: tensor<16777216xf32>, %b: tensor<16777216xf32>) -> tensor<16777216xf32> {
  %0 = kiln.mul %x, %w : (tensor<16777216xf32>, tensor<16777216xf32>) -> tensor<16777216xf32>
  %1 = kiln.add %0, %b : (tensor<16777216xf32>, tensor<16777216xf32>) -> tensor<16777216xf32>
  %2 = kiln.sigmoid %1 : (tensor<16777216xf32>) -> tensor<16777216xf32>
  return %2 : tensor<16777216xf32>
}

// CHECK-LABEL: func.func @small_chain
// CHECK-NOT: scf.forall
// CHECK: linalg.generic
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @small_chain(%x: tensor<64xf32>, %w: tensor<64xf32>) -> tensor<64xf32> {
  %0 = kiln.mul %x, %w : (tensor<64xf32>, tensor<64xf32>) -> tensor<64xf32>
  %1 = kiln.tanh %0 : (tensor<64xf32>) -> tensor<64xf32>
  return %1 : tensor<64xf32>
}

// CHECK-LABEL: func.func @softmax
// CHECK: scf.forall (%{{.*}}) = (0) to (64) step (4)
// CHECK: arith.maximumf
// CHECK: iterator_types = ["parallel", "parallel", "reduction"]
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
// CHECK: scf.forall.in_parallel
func.func @softmax(%x: tensor<64x4096xf32>) -> tensor<64x4096xf32> {
  %y = kiln.softmax %x dim 1 : (tensor<64x4096xf32>) -> tensor<64x4096xf32>
  return %y : tensor<64x4096xf32>
}

// CHECK-LABEL: func.func @linear_relu
// CHECK-NOT: scf.forall
// CHECK: %[[P:.*]] = linalg.generic {{.*}}library_call = "kiln_matmul_f32_r2r2"
// CHECK: linalg.generic {{.*}} ins(%[[P]], %{{.*}} : tensor<256x512xf32>, tensor<512xf32>)
// CHECK: arith.addf
// CHECK: arith.select
func.func @linear_relu(%x: tensor<256x512xf32>, %w: tensor<512x512xf32>, %b: tensor<512xf32>) -> tensor<256x512xf32> {
  %h = kiln.linear %x, %w, %b : (tensor<256x512xf32>, tensor<512x512xf32>, tensor<512xf32>) -> tensor<256x512xf32>
  %y = kiln.relu %h : (tensor<256x512xf32>) -> tensor<256x512xf32>
  return %y : tensor<256x512xf32>
}

// A library call keeps its operands as the lowering made them, even the two
// equal ones of a dot product with itself (the kernel takes both).
// CHECK-LABEL: func.func @self_dot
// CHECK: linalg.generic {{.*}}library_call = "kiln_matmul_f32_r1r1"} ins(%[[X:.*]], %[[X]] : tensor<3xf32>, tensor<3xf32>)
func.func @self_dot(%x: tensor<3xf32>) -> tensor<f32> {
  %d = kiln.dot %x, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<f32>
  return %d : tensor<f32>
}
