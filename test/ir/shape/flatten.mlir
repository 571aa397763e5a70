// Round trip of kiln.flatten: torch.flatten with default, negative and equal start/end dims, and 0-d input.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @trailing
func.func @trailing(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  // CHECK: kiln.flatten %{{.*}} start_dim 1 end_dim -1 : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  %0 = kiln.flatten %x start_dim 1 end_dim -1 : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// CHECK-LABEL: func.func @all
func.func @all(%x: tensor<2x3x4xf32>) -> tensor<24xf32> {
  // CHECK: kiln.flatten %{{.*}} start_dim 0 end_dim -1 : (tensor<2x3x4xf32>) -> tensor<24xf32>
  %0 = kiln.flatten %x start_dim 0 end_dim -1 : (tensor<2x3x4xf32>) -> tensor<24xf32>
  return %0 : tensor<24xf32>
}

// CHECK-LABEL: func.func @leading
func.func @leading(%x: tensor<2x3x4xi64>) -> tensor<6x4xi64> {
  // CHECK: kiln.flatten %{{.*}} start_dim -3 end_dim -2 : (tensor<2x3x4xi64>) -> tensor<6x4xi64>
  %0 = kiln.flatten %x start_dim -3 end_dim -2 : (tensor<2x3x4xi64>) -> tensor<6x4xi64>
  return %0 : tensor<6x4xi64>
}

// CHECK-LABEL: func.func @middle
func.func @middle(%x: tensor<2x3x4x5xf64>) -> tensor<2x12x5xf64> {
  // CHECK: kiln.flatten %{{.*}} start_dim 1 end_dim 2 : (tensor<2x3x4x5xf64>) -> tensor<2x12x5xf64>
  %0 = kiln.flatten %x start_dim 1 end_dim 2 : (tensor<2x3x4x5xf64>) -> tensor<2x12x5xf64>
  return %0 : tensor<2x12x5xf64>
}

// start_dim == end_dim leaves the shape alone.
// CHECK-LABEL: func.func @single_dim
func.func @single_dim(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK: kiln.flatten %{{.*}} start_dim 1 end_dim -2 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %0 = kiln.flatten %x start_dim 1 end_dim -2 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// torch.flatten of a 0-d tensor is a 1-element 1-D tensor.
// CHECK-LABEL: func.func @scalar
func.func @scalar(%x: tensor<i1>) -> tensor<1xi1> {
  // CHECK: kiln.flatten %{{.*}} start_dim 0 end_dim -1 : (tensor<i1>) -> tensor<1xi1>
  %0 = kiln.flatten %x start_dim 0 end_dim -1 : (tensor<i1>) -> tensor<1xi1>
  return %0 : tensor<1xi1>
}

// CHECK-LABEL: func.func @empty
func.func @empty(%x: tensor<2x0x4xf32>) -> tensor<2x0xf32> {
  // CHECK: kiln.flatten %{{.*}} start_dim 1 end_dim 2 : (tensor<2x0x4xf32>) -> tensor<2x0xf32>
  %0 = kiln.flatten %x start_dim 1 end_dim 2 : (tensor<2x0x4xf32>) -> tensor<2x0xf32>
  return %0 : tensor<2x0xf32>
}

// The generic form may leave out both dims: start_dim 0, end_dim -1.
// CHECK-LABEL: func.func @defaults
func.func @defaults(%x: tensor<3x5xui8>) -> tensor<15xui8> {
  // CHECK: kiln.flatten %{{.*}} start_dim 0 end_dim -1 : (tensor<3x5xui8>) -> tensor<15xui8>
  %0 = "kiln.flatten"(%x) : (tensor<3x5xui8>) -> tensor<15xui8>
  return %0 : tensor<15xui8>
}
