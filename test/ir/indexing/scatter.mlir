// Round trip of kiln.scatter: each reduction, int32 indices, src larger than index.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @replace
func.func @replace(%x: tensor<3x4xf32>, %i: tensor<2x4xi64>, %s: tensor<2x4xf32>) -> tensor<3x4xf32> {
  // CHECK: kiln.scatter %{{.*}}, %{{.*}}, %{{.*}} dim 0 : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  %0 = kiln.scatter %x, %i, %s dim 0 : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// CHECK-LABEL: func.func @reductions
func.func @reductions(%x: tensor<3x4xi64>, %i: tensor<3x2xi32>, %s: tensor<3x5xi64>) -> (tensor<3x4xi64>, tensor<3x4xi64>, tensor<3x4xi64>, tensor<3x4xi64>) {
  // CHECK: kiln.scatter %{{.*}}, %{{.*}}, %{{.*}} dim 1 reduce <add>
  %0 = kiln.scatter %x, %i, %s dim 1 reduce <add> : (tensor<3x4xi64>, tensor<3x2xi32>, tensor<3x5xi64>) -> tensor<3x4xi64>
  // CHECK: kiln.scatter %{{.*}}, %{{.*}}, %{{.*}} dim -1 reduce <mul>
  %1 = kiln.scatter %x, %i, %s dim -1 reduce <mul> : (tensor<3x4xi64>, tensor<3x2xi32>, tensor<3x5xi64>) -> tensor<3x4xi64>
  // CHECK: kiln.scatter %{{.*}}, %{{.*}}, %{{.*}} dim 1 reduce <max>
  %2 = kiln.scatter %x, %i, %s dim 1 reduce <max> : (tensor<3x4xi64>, tensor<3x2xi32>, tensor<3x5xi64>) -> tensor<3x4xi64>
  // CHECK: kiln.scatter %{{.*}}, %{{.*}}, %{{.*}} dim 1 reduce <min>
  %3 = kiln.scatter %x, %i, %s dim 1 reduce <min> : (tensor<3x4xi64>, tensor<3x2xi32>, tensor<3x5xi64>) -> tensor<3x4xi64>
  return %0, %1, %2, %3 : tensor<3x4xi64>, tensor<3x4xi64>, tensor<3x4xi64>, tensor<3x4xi64>
}
