// kiln.conv and kiln.conv_transpose: 1-D, 2-D, 3-D, bias, strides, symmetric and asymmetric pads, dilation, groups, defaults elided.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @conv2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
func.func @conv2d(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  // CHECK: kiln.conv %[[X]], %[[W]], %[[B]] stride [2, 2] padding [1, 1, 1, 1] : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  %0 = kiln.conv %x, %w, %b stride [2, 2] padding [1, 1, 1, 1] : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// Defaults: stride 1, no padding, dilation 1, one group; (10 - 3) + 1 = 8.
// CHECK-LABEL: func.func @conv1d_defaults
func.func @conv1d_defaults(%x: tensor<2x3x10xf64>, %w: tensor<5x3x3xf64>) -> tensor<2x5x8xf64> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}} : (tensor<2x3x10xf64>, tensor<5x3x3xf64>) -> tensor<2x5x8xf64>
  %0 = kiln.conv %x, %w : (tensor<2x3x10xf64>, tensor<5x3x3xf64>) -> tensor<2x5x8xf64>
  return %0 : tensor<2x5x8xf64>
}

// Asymmetric pads [1 | 2], dilation 2, 2 groups: (10 + 3 - 2 * 2 - 1) / 2 + 1 = 5.
// CHECK-LABEL: func.func @conv1d_grouped
func.func @conv1d_grouped(%x: tensor<1x4x10xf32>, %w: tensor<6x2x3xf32>) -> tensor<1x6x5xf32> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}} stride [2] padding [1, 2] dilation [2] groups 2 : (tensor<1x4x10xf32>, tensor<6x2x3xf32>) -> tensor<1x6x5xf32>
  %0 = kiln.conv %x, %w stride [2] padding [1, 2] dilation [2] groups 2 : (tensor<1x4x10xf32>, tensor<6x2x3xf32>) -> tensor<1x6x5xf32>
  return %0 : tensor<1x6x5xf32>
}

// One pad per dim pads both sides, as torch's padding=(1, 2).
// CHECK-LABEL: func.func @conv2d_symmetric
func.func @conv2d_symmetric(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x5x7xf32> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}} padding [1, 2] : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x7xf32>
  %0 = kiln.conv %x, %w padding [1, 2] : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x7xf32>
  return %0 : tensor<1x3x5x7xf32>
}

// CHECK-LABEL: func.func @conv3d
func.func @conv3d(%x: tensor<1x2x5x6x4xf32>, %w: tensor<3x2x2x3x2xf32>) -> tensor<1x3x5x3x4xf32> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}} stride [1, 2, 1] padding [1, 0, 1, 0, 1, 1] dilation [1, 1, 2] : (tensor<1x2x5x6x4xf32>, tensor<3x2x2x3x2xf32>) -> tensor<1x3x5x3x4xf32>
  %0 = kiln.conv %x, %w stride [1, 2, 1] padding [1, 0, 1, 0, 1, 1] dilation [1, 1, 2] : (tensor<1x2x5x6x4xf32>, tensor<3x2x2x3x2xf32>) -> tensor<1x3x5x3x4xf32>
  return %0 : tensor<1x3x5x3x4xf32>
}

// (5 - 1) * 2 + (3 - 1) + 1 = 11; with output_padding 1 and padding 1, 10.
// CHECK-LABEL: func.func @conv_transpose1d
func.func @conv_transpose1d(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>, %b: tensor<4xf32>) -> (tensor<1x2x11xf32>, tensor<1x4x10xf32>) {
  // CHECK: kiln.conv_transpose %{{.*}}, %{{.*}} stride [2] : (tensor<1x4x5xf32>, tensor<4x2x3xf32>) -> tensor<1x2x11xf32>
  // CHECK: kiln.conv_transpose %{{.*}}, %{{.*}}, %{{.*}} stride [2] padding [1] output_padding [1] groups 2 : (tensor<1x4x5xf32>, tensor<4x2x3xf32>, tensor<4xf32>) -> tensor<1x4x10xf32>
  %0 = kiln.conv_transpose %x, %w stride [2] : (tensor<1x4x5xf32>, tensor<4x2x3xf32>) -> tensor<1x2x11xf32>
  %1 = kiln.conv_transpose %x, %w, %b stride [2] padding [1] output_padding [1] groups 2 : (tensor<1x4x5xf32>, tensor<4x2x3xf32>, tensor<4xf32>) -> tensor<1x4x10xf32>
  return %0, %1 : tensor<1x2x11xf32>, tensor<1x4x10xf32>
}

// CHECK-LABEL: func.func @conv_transpose2d
func.func @conv_transpose2d(%x: tensor<2x3x4x5xf64>, %w: tensor<3x2x3x3xf64>) -> tensor<2x2x9x7xf64> {
  // CHECK: kiln.conv_transpose %{{.*}}, %{{.*}} stride [2, 1] padding [1, 0, 0, 0] output_padding [1, 0] dilation [1, 1] : (tensor<2x3x4x5xf64>, tensor<3x2x3x3xf64>) -> tensor<2x2x9x7xf64>
  %0 = kiln.conv_transpose %x, %w stride [2, 1] padding [1, 0, 0, 0] output_padding [1, 0] dilation [1, 1] : (tensor<2x3x4x5xf64>, tensor<3x2x3x3xf64>) -> tensor<2x2x9x7xf64>
  return %0 : tensor<2x2x9x7xf64>
}
