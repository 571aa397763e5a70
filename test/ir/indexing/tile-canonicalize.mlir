// Folds of kiln.tile and kiln.flip that move no element.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @tile_once
// CHECK-NEXT: return %arg0
func.func @tile_once(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.tile %x [1, 1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @flip_size_one
// CHECK-NEXT: return %arg0
func.func @flip_size_one(%x: tensor<1x3xf32>) -> tensor<1x3xf32> {
  %0 = kiln.flip %x [0] : (tensor<1x3xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// CHECK-LABEL: func.func @flip_kept
// CHECK: kiln.flip
func.func @flip_kept(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.flip %x [-1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
