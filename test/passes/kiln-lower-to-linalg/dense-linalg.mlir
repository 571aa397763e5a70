// RUN: kiln-opt %s --kiln-lower-to-linalg | FileCheck %s
// inverse and det: a loop over the flattened batch factors a copy of each
// matrix by LU with partial pivoting in scf.for loops over tensors.

// CHECK-LABEL: func.func @det
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2]] output_shape [1, 3, 3] : tensor<3x3xf32> into tensor<1x3x3xf32>
// CHECK: scf.for {{.*}} -> (tensor<1xf32>)
// CHECK: %[[SLICE:.*]] = tensor.extract_slice {{.*}} : tensor<1x3x3xf32> to tensor<3x3xf32>
// CHECK: %[[COPY:.*]] = linalg.copy ins(%[[SLICE]] : tensor<3x3xf32>)
// The column loop carries the factors and the permutation's sign.
// CHECK: scf.for {{.*}} iter_args(%[[LU:.*]] = %[[COPY]], %[[SIGN:.*]] = %{{.*}}) -> (tensor<3x3xf32>, f32)
// Pivot search: the first largest |a[i, k]|.
// CHECK: math.absf
// CHECK: %[[PIVOT:.*]]:2 = scf.for {{.*}} -> (f32, index)
// CHECK: arith.cmpf ogt
// CHECK: %[[SWAPPED:.*]] = arith.cmpi ne, %[[PIVOT]]#1
// CHECK: %[[NEG:.*]] = arith.negf %[[SIGN]]
// CHECK: arith.select %[[SWAPPED]], %[[NEG]], %[[SIGN]]
// Row swap, then elimination that skips a zero pivot.
// CHECK: scf.for
// CHECK: tensor.insert
// CHECK: tensor.insert
// CHECK: arith.cmpf oeq
// CHECK: scf.for
// CHECK: arith.divf
// CHECK: arith.select
// CHECK: scf.for
// CHECK: arith.mulf
// CHECK: arith.subf
// det: the sign times U's diagonal.
// CHECK: scf.for {{.*}} -> (f32)
// CHECK: arith.mulf
// CHECK: tensor.insert {{.*}} : tensor<1xf32>
// CHECK: tensor.collapse_shape %{{.*}} [] : tensor<1xf32> into tensor<f32>
func.func @det(%a: tensor<3x3xf32>) -> tensor<f32> {
  %0 = kiln.det %a : (tensor<3x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @inverse
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0, 1], [2], [3]] : tensor<2x3x2x2xf64> into tensor<6x2x2xf64>
// CHECK: scf.for {{.*}} -> (tensor<6x2x2xf64>)
// CHECK: linalg.copy
// The right-hand side starts as the identity.
// CHECK: linalg.fill
// CHECK: scf.for
// CHECK: tensor.insert
// It is permuted and eliminated along with the factors.
// CHECK: scf.for {{.*}} -> (tensor<2x2xf64>, f64, tensor<2x2xf64>)
// Back substitution, last row first, divides by U's diagonal.
// CHECK: arith.subi
// CHECK: arith.divf
// CHECK: tensor.insert_slice {{.*}} into tensor<6x2x2xf64>
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2], [3]] output_shape [2, 3, 2, 2] : tensor<6x2x2xf64> into tensor<2x3x2x2xf64>
func.func @inverse(%a: tensor<2x3x2x2xf64>) -> tensor<2x3x2x2xf64> {
  %0 = kiln.inverse %a : (tensor<2x3x2x2xf64>) -> tensor<2x3x2x2xf64>
  return %0 : tensor<2x3x2x2xf64>
}
