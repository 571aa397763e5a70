// RUN: kiln-opt %s --kiln-lower-to-linalg -split-input-file | FileCheck %s --check-prefix=MARKED
// RUN: kiln-opt %s --kiln-lower-to-linalg --kiln-select-cpu-kernels -split-input-file | FileCheck %s
// The shared lowering says which contraction a generic computes; the CPU
// picks the ones oneDNN runs (float32 matmuls of operands of rank at most 4,
// float32 convolutions) and drops the description from every generic.

// MARKED-LABEL: func.func @mm_f32
// MARKED: linalg.generic
// MARKED-SAME: attrs = {kiln_linalg.contraction = "matmul"}
// CHECK-LABEL: func.func @mm_f32
// CHECK: linalg.generic
// CHECK-SAME: library_call = "kiln_matmul_f32_r2r2"
// CHECK-NOT: kiln_linalg
func.func @mm_f32(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = kiln.mm %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// No float64 kernel: the generic stays, for the loop lowering.
// MARKED-LABEL: func.func @mm_f64
// MARKED: kiln_linalg.contraction = "matmul"
// CHECK-LABEL: func.func @mm_f64
// CHECK: linalg.generic
// CHECK-NOT: library_call
// CHECK-NOT: kiln_linalg
func.func @mm_f64(%a: tensor<2x3xf64>, %b: tensor<3x4xf64>) -> tensor<2x4xf64> {
  %0 = kiln.mm %a, %b : (tensor<2x3xf64>, tensor<3x4xf64>) -> tensor<2x4xf64>
  return %0 : tensor<2x4xf64>
}

// -----

// Operands of rank 5 are past the kernel ABI's.
// CHECK-LABEL: func.func @matmul_rank5
// CHECK-NOT: library_call
// CHECK-NOT: kiln_linalg
func.func @matmul_rank5(%a: tensor<1x2x2x2x3xf32>, %b: tensor<1x2x2x3x4xf32>) -> tensor<1x2x2x2x4xf32> {
  %0 = kiln.matmul %a, %b : (tensor<1x2x2x2x3xf32>, tensor<1x2x2x3x4xf32>) -> tensor<1x2x2x2x4xf32>
  return %0 : tensor<1x2x2x2x4xf32>
}

// -----

// A convolution's kernel takes its strides, dilations and groups.
// MARKED-LABEL: func.func @conv2d
// MARKED: kiln_linalg.contraction = "conv", kiln_linalg.conv_geometry = array<i64: 2, 1, 1, 2, 2>
// CHECK-LABEL: func.func @conv2d
// CHECK: linalg.generic
// CHECK-SAME: library_call = "kiln_conv_f32_r4"
// CHECK-SAME: attrs = {kiln_cpu.kernel_args = array<i64: 2, 1, 1, 2, 2>}
// CHECK-NOT: kiln_linalg
func.func @conv2d(%x: tensor<1x6x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x5x5xf32> {
  %0 = kiln.conv %x, %w stride [2, 1] padding [1, 0, 2, 1] dilation [1, 2] groups 2 : (tensor<1x6x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}
