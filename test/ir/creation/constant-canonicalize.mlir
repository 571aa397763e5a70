// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Canonicalization keeps kiln.constant as is and deduplicates identical constants.

// CHECK-LABEL: func.func @kept
// CHECK-NEXT: %[[C:.*]] = kiln.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: return %[[C]] : tensor<2xf32>
func.func @kept() -> tensor<2xf32> {
  %0 = kiln.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// CHECK-LABEL: func.func @deduplicated
// CHECK-NEXT: %[[C:.*]] = kiln.constant dense<[1, 2]> : tensor<2xi64>
// CHECK-NEXT: return %[[C]], %[[C]] : tensor<2xi64>, tensor<2xi64>
func.func @deduplicated() -> (tensor<2xi64>, tensor<2xi64>) {
  %0 = kiln.constant dense<[1, 2]> : tensor<2xi64>
  %1 = kiln.constant dense<[1, 2]> : tensor<2xi64>
  return %0, %1 : tensor<2xi64>, tensor<2xi64>
}

// The same values in different dtypes are different constants.
// CHECK-LABEL: func.func @distinct_dtypes
// CHECK-DAG: kiln.constant dense<[1, 2]> : tensor<2xi32>
// CHECK-DAG: kiln.constant dense<[1, 2]> : tensor<2xi64>
func.func @distinct_dtypes() -> (tensor<2xi32>, tensor<2xi64>) {
  %0 = kiln.constant dense<[1, 2]> : tensor<2xi32>
  %1 = kiln.constant dense<[1, 2]> : tensor<2xi64>
  return %0, %1 : tensor<2xi32>, tensor<2xi64>
}

// Unused constants are removed.
// CHECK-LABEL: func.func @unused
// CHECK-NOT: kiln.constant
// CHECK: return
func.func @unused() {
  %0 = kiln.constant dense<1.0> : tensor<4xf32>
  return
}
