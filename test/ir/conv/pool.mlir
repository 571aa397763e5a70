// kiln.max_pool, kiln.avg_pool and kiln.max_pool_backward: 1-D to 3-D, default stride (the kernel), pads, dilation, ceil_mode, count_include_pad.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @max_pool2d
func.func @max_pool2d(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // CHECK: kiln.max_pool %{{.*}} kernel [2, 2] : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  %0 = kiln.max_pool %x kernel [2, 2] : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// Floor: (9 + 2 - 3) / 2 + 1 = 5; ceil_mode: also 5 (8 / 2 is exact). 10 gives 5 and 6.
// CHECK-LABEL: func.func @max_pool1d_ceil
func.func @max_pool1d_ceil(%x: tensor<1x2x10xf64>) -> (tensor<1x2x5xf64>, tensor<1x2x6xf64>) {
  // CHECK: kiln.max_pool %{{.*}} kernel [3] stride [2] padding [1] : (tensor<1x2x10xf64>) -> tensor<1x2x5xf64>
  // CHECK: kiln.max_pool %{{.*}} kernel [3] stride [2] padding [1] ceil_mode : (tensor<1x2x10xf64>) -> tensor<1x2x6xf64>
  %0 = kiln.max_pool %x kernel [3] stride [2] padding [1] : (tensor<1x2x10xf64>) -> tensor<1x2x5xf64>
  %1 = kiln.max_pool %x kernel [3] stride [2] padding [1] ceil_mode : (tensor<1x2x10xf64>) -> tensor<1x2x6xf64>
  return %0, %1 : tensor<1x2x5xf64>, tensor<1x2x6xf64>
}

// CHECK-LABEL: func.func @max_pool3d_dilated
func.func @max_pool3d_dilated(%x: tensor<1x1x6x6x6xf32>) -> tensor<1x1x2x2x5xf32> {
  // CHECK: kiln.max_pool %{{.*}} kernel [2, 2, 2] stride [2, 2, 1] padding [0, 0, 0, 0, 0, 1] dilation [3, 3, 2] : (tensor<1x1x6x6x6xf32>) -> tensor<1x1x2x2x5xf32>
  %0 = kiln.max_pool %x kernel [2, 2, 2] stride [2, 2, 1] padding [0, 0, 0, 0, 0, 1] dilation [3, 3, 2] : (tensor<1x1x6x6x6xf32>) -> tensor<1x1x2x2x5xf32>
  return %0 : tensor<1x1x2x2x5xf32>
}

// CHECK-LABEL: func.func @avg_pool
func.func @avg_pool(%x: tensor<1x2x9xf32>, %y: tensor<2x3x7x7xf32>) -> (tensor<1x2x5xf32>, tensor<2x3x4x4xf32>) {
  // CHECK: kiln.avg_pool %{{.*}} kernel [3] stride [2] padding [1] count_include_pad : (tensor<1x2x9xf32>) -> tensor<1x2x5xf32>
  // CHECK: kiln.avg_pool %{{.*}} kernel [2, 2] ceil_mode : (tensor<2x3x7x7xf32>) -> tensor<2x3x4x4xf32>
  %0 = kiln.avg_pool %x kernel [3] stride [2] padding [1] count_include_pad : (tensor<1x2x9xf32>) -> tensor<1x2x5xf32>
  %1 = kiln.avg_pool %y kernel [2, 2] ceil_mode : (tensor<2x3x7x7xf32>) -> tensor<2x3x4x4xf32>
  return %0, %1 : tensor<1x2x5xf32>, tensor<2x3x4x4xf32>
}

// CHECK-LABEL: func.func @max_pool_backward
func.func @max_pool_backward(%g: tensor<1x3x4x4xf32>, %x: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
  // CHECK: kiln.max_pool_backward %{{.*}}, %{{.*}} kernel [2, 2] : (tensor<1x3x4x4xf32>, tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  %0 = kiln.max_pool_backward %g, %x kernel [2, 2] : (tensor<1x3x4x4xf32>, tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}
