// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.cast: a cast to the same type is the input; real conversions (and round trips through them) stay.

// CHECK-LABEL: func.func @same_type
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]] : tensor<2x3xf32>
func.func @same_type(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.cast %x : tensor<2x3xf32> to tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @same_type_bool
// CHECK-SAME: (%[[X:.*]]: tensor<i1>)
// CHECK-NEXT: return %[[X]] : tensor<i1>
func.func @same_type_bool(%x: tensor<i1>) -> tensor<i1> {
  %0 = kiln.cast %x : tensor<i1> to tensor<i1>
  return %0 : tensor<i1>
}

// float32 -> int64 -> float32 truncates: not an identity.
// CHECK-LABEL: func.func @round_trip_truncates
// CHECK: %[[I:.*]] = kiln.cast %{{.*}} : tensor<3xf32> to tensor<3xi64>
// CHECK: %[[F:.*]] = kiln.cast %[[I]] : tensor<3xi64> to tensor<3xf32>
// CHECK: return %[[F]]
func.func @round_trip_truncates(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = kiln.cast %x : tensor<3xf32> to tensor<3xi64>
  %1 = kiln.cast %0 : tensor<3xi64> to tensor<3xf32>
  return %1 : tensor<3xf32>
}

// CHECK-LABEL: func.func @widening
// CHECK: kiln.cast %{{.*}} : tensor<3xf32> to tensor<3xf64>
func.func @widening(%x: tensor<3xf32>) -> tensor<3xf64> {
  %0 = kiln.cast %x : tensor<3xf32> to tensor<3xf64>
  return %0 : tensor<3xf64>
}
