// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Canonicalization keeps kiln.ones as an op (it is not rewritten to kiln.constant), folds it into users, and deduplicates it.

// CHECK-LABEL: func.func @kept
// CHECK-NEXT: %[[Z:.*]] = kiln.ones : tensor<2x3xf32>
// CHECK-NEXT: return %[[Z]] : tensor<2x3xf32>
func.func @kept() -> tensor<2x3xf32> {
  %0 = kiln.ones : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @kept_all_dtypes
// CHECK-DAG: kiln.ones : tensor<i64>
// CHECK-DAG: kiln.ones : tensor<3xui8>
// CHECK-DAG: kiln.ones : tensor<3xi1>
// CHECK-NOT: kiln.constant
func.func @kept_all_dtypes() -> (tensor<i64>, tensor<3xui8>, tensor<3xi1>) {
  %0 = kiln.ones : tensor<i64>
  %1 = kiln.ones : tensor<3xui8>
  %2 = kiln.ones : tensor<3xi1>
  return %0, %1, %2 : tensor<i64>, tensor<3xui8>, tensor<3xi1>
}

// CHECK-LABEL: func.func @deduplicated
// CHECK-NEXT: %[[Z:.*]] = kiln.ones : tensor<4xi32>
// CHECK-NEXT: return %[[Z]], %[[Z]] : tensor<4xi32>, tensor<4xi32>
func.func @deduplicated() -> (tensor<4xi32>, tensor<4xi32>) {
  %0 = kiln.ones : tensor<4xi32>
  %1 = kiln.ones : tensor<4xi32>
  return %0, %1 : tensor<4xi32>, tensor<4xi32>
}

// Its value (1) takes part in constant evaluation: 1 - 2 and 1 * 3 over int64.
// CHECK-LABEL: func.func @evaluated_in_users
// CHECK-DAG: %[[A:.*]] = kiln.constant dense<-1> : tensor<2xi64>
// CHECK-DAG: %[[B:.*]] = kiln.constant dense<3> : tensor<2xi64>
// CHECK: return %[[A]], %[[B]]
func.func @evaluated_in_users() -> (tensor<2xi64>, tensor<2xi64>) {
  %z = kiln.ones : tensor<2xi64>
  %t = kiln.full 2.0 : tensor<2xi64>
  %h = kiln.full 3.0 : tensor<2xi64>
  %0 = kiln.sub %z, %t : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %1 = kiln.mul %z, %h : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  return %0, %1 : tensor<2xi64>, tensor<2xi64>
}

// Unused, it is removed.
// CHECK-LABEL: func.func @unused
// CHECK-NOT: kiln.ones
// CHECK: return
func.func @unused() {
  %0 = kiln.ones : tensor<4xf32>
  return
}
