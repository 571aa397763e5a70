// Round trip of kiln.gather: torch.gather result takes the index's shape, along positive and negative dims.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @columns
func.func @columns(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} dim 1 : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  %0 = kiln.gather %x, %i dim 1 : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @rows
func.func @rows(%x: tensor<3x4xi64>, %i: tensor<2x4xi64>) -> tensor<2x4xi64> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} dim 0 : (tensor<3x4xi64>, tensor<2x4xi64>) -> tensor<2x4xi64>
  %0 = kiln.gather %x, %i dim 0 : (tensor<3x4xi64>, tensor<2x4xi64>) -> tensor<2x4xi64>
  return %0 : tensor<2x4xi64>
}

// Along dim the index may be longer than the input; elsewhere it may be shorter.
// CHECK-LABEL: func.func @longer_along_dim
func.func @longer_along_dim(%x: tensor<3x4xf64>, %i: tensor<2x7xi64>) -> tensor<2x7xf64> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} dim -1 : (tensor<3x4xf64>, tensor<2x7xi64>) -> tensor<2x7xf64>
  %0 = kiln.gather %x, %i dim -1 : (tensor<3x4xf64>, tensor<2x7xi64>) -> tensor<2x7xf64>
  return %0 : tensor<2x7xf64>
}

// CHECK-LABEL: func.func @three_d
func.func @three_d(%x: tensor<2x3x4xi1>, %i: tensor<2x5x4xi64>) -> tensor<2x5x4xi1> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} dim -2 : (tensor<2x3x4xi1>, tensor<2x5x4xi64>) -> tensor<2x5x4xi1>
  %0 = kiln.gather %x, %i dim -2 : (tensor<2x3x4xi1>, tensor<2x5x4xi64>) -> tensor<2x5x4xi1>
  return %0 : tensor<2x5x4xi1>
}

// CHECK-LABEL: func.func @vector
func.func @vector(%x: tensor<5xui8>, %i: tensor<3xi64>) -> tensor<3xui8> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} dim 0 : (tensor<5xui8>, tensor<3xi64>) -> tensor<3xui8>
  %0 = kiln.gather %x, %i dim 0 : (tensor<5xui8>, tensor<3xi64>) -> tensor<3xui8>
  return %0 : tensor<3xui8>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<3x4xi32>, %i: tensor<1x1xi64>) -> tensor<1x1xi32> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} dim 1 : (tensor<3x4xi32>, tensor<1x1xi64>) -> tensor<1x1xi32>
  %0 = "kiln.gather"(%x, %i) <{dim = 1 : i64}> : (tensor<3x4xi32>, tensor<1x1xi64>) -> tensor<1x1xi32>
  return %0 : tensor<1x1xi32>
}
