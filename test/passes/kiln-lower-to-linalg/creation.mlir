// RUN: kiln-opt %s --kiln-lower-to-linalg | FileCheck %s
// Constants become arith.constant; uint8 data is reinterpreted as i8 bit for
// bit; arange is evaluated at compile time.

// CHECK-LABEL: func.func @constants
// CHECK-DAG: arith.constant dense<[-1, 0, 127]> : tensor<3xi8>
// CHECK-DAG: arith.constant dense<2.500000e+00> : tensor<2x2xf32>
// CHECK-DAG: arith.constant dense<[0, 2, 4]> : tensor<3xi64>
func.func @constants() -> (tensor<3xui8>, tensor<2x2xf32>, tensor<3xi64>) {
  %0 = kiln.constant dense<[255, 0, 127]> : tensor<3xui8>
  %1 = kiln.full 2.5 : tensor<2x2xf32>
  %2 = kiln.arange 0.0 to 6.0 step 2.0 : tensor<3xi64>
  return %0, %1, %2 : tensor<3xui8>, tensor<2x2xf32>, tensor<3xi64>
}
