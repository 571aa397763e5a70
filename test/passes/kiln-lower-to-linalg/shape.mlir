// RUN: kiln-opt %s --kiln-lower-to-linalg | FileCheck %s
// Shape ops lower to tensor.expand_shape/collapse_shape (tensor.reshape when dims do not just split or merge), linalg.transpose, insert/extract_slice
// and an index-reading linalg.generic.

// CHECK-LABEL: func.func @reshape_transpose
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1]] output_shape [2, 3] : tensor<6xf32> into tensor<2x3xf32>
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3xf32>) outs(%{{.*}} : tensor<3x2xf32>) permutation = [1, 0]
func.func @reshape_transpose(%a: tensor<6xf32>) -> tensor<3x2xf32> {
  %0 = kiln.reshape %a [2, -1] : (tensor<6xf32>) -> tensor<2x3xf32>
  %1 = kiln.transpose %0 -1, 0 : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @cat_promotes
// CHECK: arith.sitofp
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0, 0] [2, 3] [1, 1]
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0, 3] [2, 1] [1, 1]
func.func @cat_promotes(%a: tensor<2x3xf32>, %b: tensor<2x1xi64>) -> tensor<2x4xf32> {
  %0 = kiln.cat %a, %b dim 1 : (tensor<2x3xf32>, tensor<2x1xi64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// x[:, -3::2] of a [2, 8] tensor starts at 5 with stride 2.
// CHECK-LABEL: func.func @slice
// CHECK: tensor.extract_slice %{{.*}}[0, 5] [2, 2] [1, 2] : tensor<2x8xf32> to tensor<2x2xf32>
func.func @slice(%a: tensor<2x8xf32>) -> tensor<2x2xf32> {
  %0 = kiln.slice %a dim 1 [-3 : 100 : 2] : (tensor<2x8xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @gather
// CHECK: linalg.generic
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %{{.*}}] : tensor<2x2xi64>
// CHECK: arith.index_cast
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %{{.*}}] : tensor<2x3xf32>
func.func @gather(%a: tensor<2x3xf32>, %i: tensor<2x2xi64>) -> tensor<2x2xf32> {
  %0 = kiln.gather %a, %i dim 1 : (tensor<2x3xf32>, tensor<2x2xi64>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
