// RUN: kiln-opt %s --kiln-lower-to-linalg --kiln-select-cpu-kernels -split-input-file | FileCheck %s
// conv: the input padded with zeros, one contraction generic (loops n, o,
// output positions, then c and the taps) marked as the float32 oneDNN
// kernel with its strides, dilations and groups, the bias a broadcast add.
// float64 stays loops. conv_transpose is a conv of the spread-out input
// with the flipped weight; the pools reduce windows of a padded input.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, (d1 floordiv 2) * 3 + d4, d2 * 2 + d5, d3 + d6 * 2)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d4, d5, d6)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv2d
// CHECK: %[[P:.*]] = tensor.pad %{{.*}} low[0, 0, 1, 0] high[0, 0, 2, 1]
// CHECK: tensor<1x6x8x8xf32> to tensor<1x6x11x9xf32>
// CHECK: %[[Z:.*]] = linalg.fill
// CHECK: %[[C:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[W]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"], library_call = "kiln_conv_f32_r4"} ins(%[[P]], %{{.*}} : tensor<1x6x11x9xf32>, tensor<4x3x3x3xf32>) outs(%[[Z]] : tensor<1x4x5x5xf32>) attrs = {{.*}}{kiln_cpu.kernel_args = array<i64: 2, 1, 1, 2, 2>}
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: linalg.generic {{.*}} ins(%[[C]], %{{.*}} : tensor<1x4x5x5xf32>, tensor<4xf32>)
func.func @conv2d(%x: tensor<1x6x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x5x5xf32> {
  %0 = kiln.conv %x, %w, %b stride [2, 1] padding [1, 0, 2, 1] dilation [1, 2] groups 2 : (tensor<1x6x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

// CHECK-LABEL: func.func @conv1d_f64
// CHECK-NOT: tensor.pad
// CHECK: linalg.generic
// CHECK-NOT: library_call
// CHECK: return
func.func @conv1d_f64(%x: tensor<2x3x8xf64>, %w: tensor<4x3x3xf64>) -> tensor<2x4x6xf64> {
  %0 = kiln.conv %x, %w : (tensor<2x3x8xf64>, tensor<4x3x3xf64>) -> tensor<2x4x6xf64>
  return %0 : tensor<2x4x6xf64>
}

// -----

// Stride 2, kernel 3: the 5 inputs go 2 apart from offset 2 into 13 zeros;
// the weight [4, 2, 3] becomes [2, 4, 3] flipped: w[c, o, 2 - k].
// CHECK-DAG: #[[FLIP:.*]] = affine_map<(d0, d1, d2) -> ((d0 floordiv 2) * 4 + d1, d0 mod 2, -d2 + 2)>
// CHECK-LABEL: func.func @conv_transpose1d
// CHECK: %[[Z:.*]] = linalg.fill {{.*}} -> tensor<1x4x13xf32>
// CHECK: %[[S:.*]] = tensor.insert_slice %{{.*}} into %[[Z]][0, 0, 2] [1, 4, 5] [1, 1, 2] : tensor<1x4x5xf32> into tensor<1x4x13xf32>
// CHECK: %[[F:.*]] = linalg.generic {indexing_maps = [#[[FLIP]], {{.*}}]} ins(%{{.*}} : tensor<4x2x3xf32>) outs(%{{.*}} : tensor<2x4x3xf32>)
// CHECK: linalg.generic {{.*}} library_call = "kiln_conv_f32_r3"} ins(%[[S]], %[[F]] : tensor<1x4x13xf32>, tensor<2x4x3xf32>) {{.*}} {kiln_cpu.kernel_args = array<i64: 1, 1, 1>}
func.func @conv_transpose1d(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x2x11xf32> {
  %0 = kiln.conv_transpose %x, %w stride [2] : (tensor<1x4x5xf32>, tensor<4x2x3xf32>) -> tensor<1x2x11xf32>
  return %0 : tensor<1x2x11xf32>
}

// -----

// -inf pads; a kernel-shaped empty tensor bounds the window loops.
// CHECK-LABEL: func.func @max_pool
// CHECK: %[[NEG:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[P:.*]] = tensor.pad %{{.*}} low[0, 0, 1] high[0, 0, 1]
// CHECK: tensor.yield %[[NEG]]
// CHECK: %[[K:.*]] = tensor.empty() : tensor<3xf32>
// CHECK: linalg.generic {{.*}} ins(%[[P]], %[[K]] : tensor<1x2x11xf32>, tensor<3xf32>)
// CHECK: arith.maximumf
func.func @max_pool(%x: tensor<1x2x9xf32>) -> tensor<1x2x5xf32> {
  %0 = kiln.max_pool %x kernel [3] stride [2] padding [1] : (tensor<1x2x9xf32>) -> tensor<1x2x5xf32>
  return %0 : tensor<1x2x5xf32>
}

// -----

// Window sums divided by each window's divisor: 2, 3, 3, 3, 2 without the pads.
// CHECK-LABEL: func.func @avg_pool
// CHECK: arith.addf
// CHECK: arith.constant dense<[2.000000e+00, 3.000000e+00, 3.000000e+00, 3.000000e+00, 2.000000e+00]> : tensor<5xf32>
// CHECK: arith.divf
func.func @avg_pool(%x: tensor<1x2x9xf32>) -> tensor<1x2x5xf32> {
  %0 = kiln.avg_pool %x kernel [3] stride [2] padding [1] : (tensor<1x2x9xf32>) -> tensor<1x2x5xf32>
  return %0 : tensor<1x2x5xf32>
}
