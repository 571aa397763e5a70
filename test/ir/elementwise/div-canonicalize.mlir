// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.div: x / 1 -> x for floats, evaluation of division in the result's dtype (integer operands divide in float32).

// CHECK-LABEL: func.func @div_one
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf64>)
// CHECK-NEXT: return %[[X]] : tensor<2x3xf64>
func.func @div_one(%x: tensor<2x3xf64>) -> tensor<2x3xf64> {
  %o = kiln.ones : tensor<2x3xf64>
  %0 = kiln.div %x, %o : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
  return %0 : tensor<2x3xf64>
}

// CHECK-LABEL: func.func @div_one_int_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>)
// CHECK-NEXT: return %[[X]] : tensor<3xf32>
func.func @div_one_int_scalar(%x: tensor<3xf32>) -> tensor<3xf32> {
  %o = kiln.ones : tensor<i64>
  %0 = kiln.div %x, %o : (tensor<3xf32>, tensor<i64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// div is not commutative: 1 / x is not x.
// CHECK-LABEL: func.func @one_div
// CHECK: kiln.div
func.func @one_div(%x: tensor<3xf32>) -> tensor<3xf32> {
  %o = kiln.ones : tensor<3xf32>
  %0 = kiln.div %o, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// int64 / 1 is float32: not an identity.
// CHECK-LABEL: func.func @int_div_one
// CHECK: kiln.div %{{.*}}, %{{.*}} : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xf32>
func.func @int_div_one(%x: tensor<3xi64>) -> tensor<3xf32> {
  %o = kiln.ones : tensor<3xi64>
  %0 = kiln.div %x, %o : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @div_one_broadcasts
// CHECK: kiln.div %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
func.func @div_one_broadcasts(%x: tensor<3xf32>) -> tensor<2x3xf32> {
  %o = kiln.ones : tensor<2x3xf32>
  %0 = kiln.div %x, %o : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @evaluate_float
// CHECK: %[[C:.*]] = kiln.constant dense<{{\[}}[5.000000e-01, 1.000000e+00], [2.500000e-01, 5.000000e-01]]> : tensor<2x2xf32>
// CHECK-NOT: kiln.div
// CHECK: return %[[C]]
func.func @evaluate_float() -> tensor<2x2xf32> {
  %a = kiln.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %b = kiln.constant dense<[[2.0], [4.0]]> : tensor<2x1xf32>
  %0 = kiln.div %a, %b : (tensor<2xf32>, tensor<2x1xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// Integer constants divide as the op computes, in float32: 7 / 2 is 3.5, never integer division.
// CHECK-LABEL: func.func @int_constants_divide_in_float32
// CHECK: %[[C:.*]] = kiln.constant dense<[3.500000e+00, 4.000000e+00]> : tensor<2xf32>
// CHECK-NOT: kiln.div
// CHECK: return %[[C]]
func.func @int_constants_divide_in_float32() -> tensor<2xf32> {
  %a = kiln.constant dense<[7, 8]> : tensor<2xi64>
  %b = kiln.full 2.0 : tensor<2xi64>
  %0 = kiln.div %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// CHECK-LABEL: func.func @too_large
// CHECK: kiln.div %{{.*}}, %{{.*}} : (tensor<1100xf64>, tensor<f64>) -> tensor<1100xf64>
func.func @too_large() -> tensor<1100xf64> {
  %a = kiln.ones : tensor<1100xf64>
  %b = kiln.full 4.0 : tensor<f64>
  %0 = kiln.div %a, %b : (tensor<1100xf64>, tensor<f64>) -> tensor<1100xf64>
  return %0 : tensor<1100xf64>
}
