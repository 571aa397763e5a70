// RUN: kiln-opt %s --canonicalize | FileCheck %s
// div_trunc, fmod, remainder, floor, ceil and the logical ops over constants
// fold to constants with the ops' own conventions (an integer divisor of 0
// gives 0; remainder takes the divisor's sign, fmod the dividend's), so the
// shape arithmetic of ONNX exports (x.chunk(3): (d + 2) / 3 * k) folds.

// CHECK-LABEL: func.func @div_trunc_int
// CHECK: %[[C:.*]] = kiln.constant dense<[2, -2, 0, -9223372036854775808]> : tensor<4xi64>
// CHECK-NOT: kiln.div_trunc
// CHECK: return %[[C]]
func.func @div_trunc_int() -> tensor<4xi64> {
  %a = kiln.constant dense<[7, -7, 7, -9223372036854775808]> : tensor<4xi64>
  %b = kiln.constant dense<[3, 3, 0, -1]> : tensor<4xi64>
  %0 = kiln.div_trunc %a, %b : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// CHECK-LABEL: func.func @div_trunc_float
// CHECK: kiln.constant dense<[2.000000e+00, -2.000000e+00]> : tensor<2xf32>
func.func @div_trunc_float() -> tensor<2xf32> {
  %a = kiln.constant dense<[7.5, -7.5]> : tensor<2xf32>
  %b = kiln.constant dense<3.0> : tensor<f32>
  %0 = kiln.div_trunc %a, %b : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// CHECK-LABEL: func.func @remainders
// CHECK-DAG: %[[F:.*]] = kiln.constant dense<[1, -1, 1, 0]> : tensor<4xi32>
// CHECK-DAG: %[[R:.*]] = kiln.constant dense<[1, 2, -2, 0]> : tensor<4xi32>
// CHECK-DAG: %[[RF:.*]] = kiln.constant dense<[1.500000e+00, -5.000000e-01]> : tensor<2xf64>
// CHECK-NOT: kiln.fmod
// CHECK-NOT: kiln.remainder
// CHECK: return %[[F]], %[[R]], %[[RF]]
func.func @remainders() -> (tensor<4xi32>, tensor<4xi32>, tensor<2xf64>) {
  %a = kiln.constant dense<[7, -7, 7, 5]> : tensor<4xi32>
  %b = kiln.constant dense<[3, 3, -3, 0]> : tensor<4xi32>
  %0 = kiln.fmod %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = kiln.remainder %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %c = kiln.constant dense<[-0.5, 1.5]> : tensor<2xf64>
  %d = kiln.constant dense<[2.0, -2.0]> : tensor<2xf64>
  %2 = kiln.remainder %c, %d : (tensor<2xf64>, tensor<2xf64>) -> tensor<2xf64>
  return %0, %1, %2 : tensor<4xi32>, tensor<4xi32>, tensor<2xf64>
}

// CHECK-LABEL: func.func @rounding
// CHECK-DAG: kiln.constant dense<[1.000000e+00, -2.000000e+00]> : tensor<2xf32>
// CHECK-DAG: kiln.constant dense<[2.000000e+00, -1.000000e+00]> : tensor<2xf32>
// CHECK-NOT: kiln.floor
// CHECK-NOT: kiln.ceil
func.func @rounding() -> (tensor<2xf32>, tensor<2xf32>) {
  %a = kiln.constant dense<[1.5, -1.5]> : tensor<2xf32>
  %0 = kiln.floor %a : (tensor<2xf32>) -> tensor<2xf32>
  %1 = kiln.ceil %a : (tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// Operands of any dtype read as bool: non-zero is true.
// CHECK-LABEL: func.func @logical
// CHECK-DAG: %[[AND:.*]] = kiln.constant dense<[false, false, false, true]> : tensor<4xi1>
// CHECK-DAG: %[[OR:.*]] = kiln.constant dense<[false, true, true, true]> : tensor<4xi1>
// CHECK-DAG: %[[XOR:.*]] = kiln.constant dense<[false, true, true, false]> : tensor<4xi1>
// CHECK-DAG: %[[NOT:.*]] = kiln.constant dense<[true, true, false, false]> : tensor<4xi1>
// CHECK-NOT: kiln.logical
// CHECK: return %[[AND]], %[[OR]], %[[XOR]], %[[NOT]]
func.func @logical() -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %a = kiln.constant dense<[false, false, true, true]> : tensor<4xi1>
  %b = kiln.constant dense<[0.0, 2.0, 0.0, -1.0]> : tensor<4xf32>
  %0 = kiln.logical_and %a, %b : (tensor<4xi1>, tensor<4xf32>) -> tensor<4xi1>
  %1 = kiln.logical_or %a, %b : (tensor<4xi1>, tensor<4xf32>) -> tensor<4xi1>
  %2 = kiln.logical_xor %a, %b : (tensor<4xi1>, tensor<4xf32>) -> tensor<4xi1>
  %3 = kiln.logical_not %a : (tensor<4xi1>) -> tensor<4xi1>
  return %0, %1, %2, %3 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}
