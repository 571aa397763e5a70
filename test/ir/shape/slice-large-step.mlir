// kiln.slice with a step near INT64_MAX: Python's x[0:8:huge] has one element; the length must not overflow.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @max_step
func.func @max_step(%x: tensor<8xf32>) -> tensor<1xf32> {
  // CHECK: kiln.slice %{{.*}} dim 0{{ ?}}[0 : 8 : 9223372036854775807] : (tensor<8xf32>) -> tensor<1xf32>
  %0 = kiln.slice %x dim 0 [0 : 8 : 9223372036854775807] : (tensor<8xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// CHECK-LABEL: func.func @huge_step_open_end
func.func @huge_step_open_end(%x: tensor<2x8xf32>) -> tensor<2x1xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[3 : 9223372036854775807 : 9223372036854775800] : (tensor<2x8xf32>) -> tensor<2x1xf32>
  %0 = kiln.slice %x dim 1 [3 : 9223372036854775807 : 9223372036854775800] : (tensor<2x8xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}
