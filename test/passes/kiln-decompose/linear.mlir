// kiln-decompose of linear: matmul(x, transpose(W, 0, 1)) + b, the bias add only when there is a bias.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @with_bias
// CHECK-SAME: (%[[X:.*]]: tensor<8x3xf32>, %[[W:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK-NEXT: %[[WT:.*]] = kiln.transpose %[[W]] 0, 1 : (tensor<4x3xf32>) -> tensor<3x4xf32>
// CHECK-NEXT: %[[MM:.*]] = kiln.matmul %[[X]], %[[WT]] : (tensor<8x3xf32>, tensor<3x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.add %[[MM]], %[[B]] : (tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: return %[[Y]] : tensor<8x4xf32>
// CHECK-NOT: kiln.linear
func.func @with_bias(%x: tensor<8x3xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf32>) -> tensor<8x4xf32> {
  %0 = kiln.linear %x, %w, %b : (tensor<8x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// Batched 3-D input, no bias: nothing is added.
// CHECK-LABEL: func.func @without_bias
// CHECK-SAME: (%[[X:.*]]: tensor<2x5x3xf64>, %[[W:.*]]: tensor<4x3xf64>)
// CHECK-NEXT: %[[WT:.*]] = kiln.transpose %[[W]] 0, 1 : (tensor<4x3xf64>) -> tensor<3x4xf64>
// CHECK-NEXT: %[[MM:.*]] = kiln.matmul %[[X]], %[[WT]] : (tensor<2x5x3xf64>, tensor<3x4xf64>) -> tensor<2x5x4xf64>
// CHECK-NEXT: return %[[MM]] : tensor<2x5x4xf64>
func.func @without_bias(%x: tensor<2x5x3xf64>, %w: tensor<4x3xf64>) -> tensor<2x5x4xf64> {
  %0 = kiln.linear %x, %w : (tensor<2x5x3xf64>, tensor<4x3xf64>) -> tensor<2x5x4xf64>
  return %0 : tensor<2x5x4xf64>
}

// A 1-D input: matmul of a vector by a matrix gives a vector.
// CHECK-LABEL: func.func @vector_input
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>, %[[W:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK-NEXT: %[[WT:.*]] = kiln.transpose %[[W]] 0, 1 : (tensor<4x3xf32>) -> tensor<3x4xf32>
// CHECK-NEXT: %[[MM:.*]] = kiln.matmul %[[X]], %[[WT]] : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.add %[[MM]], %[[B]] : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return %[[Y]] : tensor<4xf32>
func.func @vector_input(%x: tensor<3xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = kiln.linear %x, %w, %b : (tensor<3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// A bias that broadcasts to [out_features] ([1] or []) is added as is; kiln.add broadcasts it.
// CHECK-LABEL: func.func @bias_size_one
// CHECK-SAME: (%[[X:.*]]: tensor<8x3xf32>, %[[W:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<1xf32>)
// CHECK-NEXT: %[[WT:.*]] = kiln.transpose %[[W]] 0, 1 : (tensor<4x3xf32>) -> tensor<3x4xf32>
// CHECK-NEXT: %[[MM:.*]] = kiln.matmul %[[X]], %[[WT]] : (tensor<8x3xf32>, tensor<3x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.add %[[MM]], %[[B]] : (tensor<8x4xf32>, tensor<1xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: return %[[Y]] : tensor<8x4xf32>
func.func @bias_size_one(%x: tensor<8x3xf32>, %w: tensor<4x3xf32>, %b: tensor<1xf32>) -> tensor<8x4xf32> {
  %0 = kiln.linear %x, %w, %b : (tensor<8x3xf32>, tensor<4x3xf32>, tensor<1xf32>) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @bias_zero_d
// CHECK-SAME: (%[[X:.*]]: tensor<2x5x3xf64>, %[[W:.*]]: tensor<4x3xf64>, %[[B:.*]]: tensor<f64>)
// CHECK-NEXT: %[[WT:.*]] = kiln.transpose %[[W]] 0, 1 : (tensor<4x3xf64>) -> tensor<3x4xf64>
// CHECK-NEXT: %[[MM:.*]] = kiln.matmul %[[X]], %[[WT]] : (tensor<2x5x3xf64>, tensor<3x4xf64>) -> tensor<2x5x4xf64>
// CHECK-NEXT: %[[Y:.*]] = kiln.add %[[MM]], %[[B]] : (tensor<2x5x4xf64>, tensor<f64>) -> tensor<2x5x4xf64>
// CHECK-NEXT: return %[[Y]] : tensor<2x5x4xf64>
// CHECK-NOT: kiln.linear
func.func @bias_zero_d(%x: tensor<2x5x3xf64>, %w: tensor<4x3xf64>, %b: tensor<f64>) -> tensor<2x5x4xf64> {
  %0 = kiln.linear %x, %w, %b : (tensor<2x5x3xf64>, tensor<4x3xf64>, tensor<f64>) -> tensor<2x5x4xf64>
  return %0 : tensor<2x5x4xf64>
}
