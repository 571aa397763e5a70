// kiln-split-reductions: float sums over more than 128 elements become
// stages of at most 128 terms each; adjacent reduced dims go together,
// innermost first; a run without a useful divisor is zero-padded; short
// sums and integer sums stay as they are.
// RUN: kiln-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(kiln-split-reductions))' | FileCheck %s

// Batch norm statistics: dims 2 and 3 (256 terms) as 2 x 128, then dim 0.
// CHECK-LABEL: func.func @batch_norm_stats
// CHECK: %[[R:.*]] = kiln.reshape %{{.*}} [16, 64, 256]
// CHECK: %[[B:.*]] = kiln.reshape %[[R]] [16, 64, 2, 128]
// CHECK: %[[S0:.*]] = kiln.sum %[[B]] dim [3] : (tensor<16x64x2x128xf32>) -> tensor<16x64x2xf32>
// CHECK: %[[S1:.*]] = kiln.sum %[[S0]] dim [2] : (tensor<16x64x2xf32>) -> tensor<16x64xf32>
// CHECK: %[[S2:.*]] = kiln.sum %[[S1]] dim [0] : (tensor<16x64xf32>) -> tensor<64xf32>
// CHECK: kiln.reshape %[[S2]] [1, 64, 1, 1]
func.func @batch_norm_stats(%x: tensor<16x64x16x16xf32>) -> tensor<1x64x1x1xf32> {
  %s = kiln.sum %x dim [0, 2, 3] keepdim : (tensor<16x64x16x16xf32>) -> tensor<1x64x1x1xf32>
  return %s : tensor<1x64x1x1xf32>
}

// -----

// A prime count: padded with zeros to a multiple of 128 at each stage.
// CHECK-LABEL: func.func @prime
// CHECK: kiln.pad %{{.*}} pads [0, 61] : (tensor<1000003xf64>) -> tensor<1000064xf64>
// CHECK: kiln.sum %{{.*}} dim [1] : (tensor<7813x128xf64>) -> tensor<7813xf64>
// CHECK: kiln.pad %{{.*}} pads [0, 123] : (tensor<7813xf64>) -> tensor<7936xf64>
// CHECK: kiln.sum %{{.*}} dim [1] : (tensor<62x128xf64>) -> tensor<62xf64>
// CHECK: kiln.sum %{{.*}} dim [0] : (tensor<62xf64>) -> tensor<f64>
func.func @prime(%x: tensor<1000003xf64>) -> tensor<f64> {
  %s = kiln.sum %x : (tensor<1000003xf64>) -> tensor<f64>
  return %s : tensor<f64>
}

// -----

// Outer dims stay in place; a negative dim counts from the end.
// CHECK-LABEL: func.func @rows
// CHECK: kiln.reshape %{{.*}} [3, 4, 128]
// CHECK: kiln.sum %{{.*}} dim [2] : (tensor<3x4x128xf32>) -> tensor<3x4xf32>
// CHECK: kiln.sum %{{.*}} dim [1] : (tensor<3x4xf32>) -> tensor<3xf32>
func.func @rows(%x: tensor<3x512xf32>) -> tensor<3xf32> {
  %s = kiln.sum %x dim [-1] : (tensor<3x512xf32>) -> tensor<3xf32>
  return %s : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @unchanged
// CHECK-NEXT: kiln.sum %{{.*}} dim [1] : (tensor<4x128xf32>) -> tensor<4xf32>
// CHECK-NEXT: kiln.sum %{{.*}} : (tensor<4096xi64>) -> tensor<i64>
// CHECK-NEXT: return
func.func @unchanged(%x: tensor<4x128xf32>, %i: tensor<4096xi64>) -> (tensor<4xf32>, tensor<i64>) {
  %s = kiln.sum %x dim [1] : (tensor<4x128xf32>) -> tensor<4xf32>
  %t = kiln.sum %i : (tensor<4096xi64>) -> tensor<i64>
  return %s, %t : tensor<4xf32>, tensor<i64>
}
