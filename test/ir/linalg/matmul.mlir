// Round trip of kiln.matmul: every rank case of torch.matmul (dot, matrix-vector, vector-matrix, batched, broadcast batch dims).
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// 1-D . 1-D is a dot product: a 0-d result.
// CHECK-LABEL: func.func @vector_vector
func.func @vector_vector(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<f32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  %0 = kiln.matmul %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// 2-D . 1-D: [n, k] . [k] -> [n].
// CHECK-LABEL: func.func @matrix_vector
func.func @matrix_vector(%a: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<3xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
  %0 = kiln.matmul %a, %b : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// 1-D . 2-D: [k] . [k, m] -> [m].
// CHECK-LABEL: func.func @vector_matrix
func.func @vector_matrix(%a: tensor<4xf64>, %b: tensor<4x5xf64>) -> tensor<5xf64> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<4xf64>, tensor<4x5xf64>) -> tensor<5xf64>
  %0 = kiln.matmul %a, %b : (tensor<4xf64>, tensor<4x5xf64>) -> tensor<5xf64>
  return %0 : tensor<5xf64>
}

// CHECK-LABEL: func.func @matrix_matrix
func.func @matrix_matrix(%a: tensor<3x4xi64>, %b: tensor<4x5xi64>) -> tensor<3x5xi64> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<3x4xi64>, tensor<4x5xi64>) -> tensor<3x5xi64>
  %0 = kiln.matmul %a, %b : (tensor<3x4xi64>, tensor<4x5xi64>) -> tensor<3x5xi64>
  return %0 : tensor<3x5xi64>
}

// CHECK-LABEL: func.func @batched
func.func @batched(%a: tensor<5x3x4xf32>, %b: tensor<5x4x5xf32>) -> tensor<5x3x5xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<5x3x4xf32>, tensor<5x4x5xf32>) -> tensor<5x3x5xf32>
  %0 = kiln.matmul %a, %b : (tensor<5x3x4xf32>, tensor<5x4x5xf32>) -> tensor<5x3x5xf32>
  return %0 : tensor<5x3x5xf32>
}

// Batched matrix . 1-D: the vector loses its added dimension.
// CHECK-LABEL: func.func @batched_vector
func.func @batched_vector(%a: tensor<5x3x4xf32>, %b: tensor<4xf32>) -> tensor<5x3xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<5x3x4xf32>, tensor<4xf32>) -> tensor<5x3xf32>
  %0 = kiln.matmul %a, %b : (tensor<5x3x4xf32>, tensor<4xf32>) -> tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}

// Batched matrix . 2-D: the matrix broadcasts over the batch.
// CHECK-LABEL: func.func @batched_matrix
func.func @batched_matrix(%a: tensor<5x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<5x3x5xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<5x3x4xf32>, tensor<4x5xf32>) -> tensor<5x3x5xf32>
  %0 = kiln.matmul %a, %b : (tensor<5x3x4xf32>, tensor<4x5xf32>) -> tensor<5x3x5xf32>
  return %0 : tensor<5x3x5xf32>
}

// 2-D . batched matrix.
// CHECK-LABEL: func.func @matrix_batched
func.func @matrix_batched(%a: tensor<3x4xf32>, %b: tensor<5x4x2xf32>) -> tensor<5x3x2xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<3x4xf32>, tensor<5x4x2xf32>) -> tensor<5x3x2xf32>
  %0 = kiln.matmul %a, %b : (tensor<3x4xf32>, tensor<5x4x2xf32>) -> tensor<5x3x2xf32>
  return %0 : tensor<5x3x2xf32>
}

// Batch dims [2, 1] and [5] broadcast to [2, 5].
// CHECK-LABEL: func.func @broadcast_batch
func.func @broadcast_batch(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x2xf32>) -> tensor<2x5x3x2xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<2x1x3x4xf32>, tensor<5x4x2xf32>) -> tensor<2x5x3x2xf32>
  %0 = kiln.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x2xf32>) -> tensor<2x5x3x2xf32>
  return %0 : tensor<2x5x3x2xf32>
}

// Both sides have a size-1 batch dim to broadcast.
// CHECK-LABEL: func.func @broadcast_batch_both
func.func @broadcast_batch_both(%a: tensor<2x1x3x4xi32>, %b: tensor<1x6x4x5xi32>) -> tensor<2x6x3x5xi32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<2x1x3x4xi32>, tensor<1x6x4x5xi32>) -> tensor<2x6x3x5xi32>
  %0 = kiln.matmul %a, %b : (tensor<2x1x3x4xi32>, tensor<1x6x4x5xi32>) -> tensor<2x6x3x5xi32>
  return %0 : tensor<2x6x3x5xi32>
}

// 1-D . 3-D: [k] . [b, k, m] -> [b, m].
// CHECK-LABEL: func.func @vector_batched
func.func @vector_batched(%a: tensor<4xf32>, %b: tensor<5x4x2xf32>) -> tensor<5x2xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<5x4x2xf32>) -> tensor<5x2xf32>
  %0 = kiln.matmul %a, %b : (tensor<4xf32>, tensor<5x4x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// 1-D . 4-D keeps both batch dims.
// CHECK-LABEL: func.func @vector_batched_4d
func.func @vector_batched_4d(%a: tensor<4xf32>, %b: tensor<2x3x4x6xf32>) -> tensor<2x3x6xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<2x3x4x6xf32>) -> tensor<2x3x6xf32>
  %0 = kiln.matmul %a, %b : (tensor<4xf32>, tensor<2x3x4x6xf32>) -> tensor<2x3x6xf32>
  return %0 : tensor<2x3x6xf32>
}

// CHECK-LABEL: func.func @unsigned
func.func @unsigned(%a: tensor<1x5xui8>, %b: tensor<5x1xui8>) -> tensor<1x1xui8> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<1x5xui8>, tensor<5x1xui8>) -> tensor<1x1xui8>
  %0 = kiln.matmul %a, %b : (tensor<1x5xui8>, tensor<5x1xui8>) -> tensor<1x1xui8>
  return %0 : tensor<1x1xui8>
}

// An empty contraction is allowed and gives zeros.
// CHECK-LABEL: func.func @empty_inner
func.func @empty_inner(%a: tensor<3x0xf32>, %b: tensor<0x2xf32>) -> tensor<3x2xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<3x0xf32>, tensor<0x2xf32>) -> tensor<3x2xf32>
  %0 = kiln.matmul %a, %b : (tensor<3x0xf32>, tensor<0x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%a: tensor<5x3x4xf64>, %b: tensor<4xf64>) -> tensor<5x3xf64> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : (tensor<5x3x4xf64>, tensor<4xf64>) -> tensor<5x3xf64>
  %0 = "kiln.matmul"(%a, %b) : (tensor<5x3x4xf64>, tensor<4xf64>) -> tensor<5x3xf64>
  return %0 : tensor<5x3xf64>
}
