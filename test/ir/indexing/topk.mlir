// Round trip of kiln.topk: values and int64 indices, largest and smallest.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @largest
func.func @largest(%x: tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>) {
  // CHECK: kiln.topk %{{.*}} k 2 dim -1 : (tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  %v, %i = kiln.topk %x k 2 dim -1 : (tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  return %v, %i : tensor<3x2xf32>, tensor<3x2xi64>
}

// CHECK-LABEL: func.func @smallest
func.func @smallest(%x: tensor<3x5xui8>) -> (tensor<0x5xui8>, tensor<0x5xi64>) {
  // CHECK: kiln.topk %{{.*}} k 0 dim 0 smallest : (tensor<3x5xui8>) -> (tensor<0x5xui8>, tensor<0x5xi64>)
  %v, %i = kiln.topk %x k 0 dim 0 smallest : (tensor<3x5xui8>) -> (tensor<0x5xui8>, tensor<0x5xi64>)
  return %v, %i : tensor<0x5xui8>, tensor<0x5xi64>
}
