// kiln-decompose of resize: a kiln.take of constant source indices per resampled dimension; for linear, the two neighbours weighted and added.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// torch's nearest: asymmetric coordinates, floor. The unchanged dimension 0 takes nothing.
// CHECK-LABEL: func.func @nearest
// CHECK-SAME: (%[[X:.*]]: tensor<1x3xf32>)
// CHECK-NEXT: %[[I:.*]] = kiln.constant dense<[0, 0, 1, 1, 2, 2]> : tensor<6xi64>
// CHECK-NEXT: %[[Y:.*]] = kiln.take %[[X]], %[[I]] axis 1 : (tensor<1x3xf32>, tensor<6xi64>) -> tensor<1x6xf32>
// CHECK-NEXT: return %[[Y]]
func.func @nearest(%x: tensor<1x3xf32>) -> tensor<1x6xf32> {
  %0 = kiln.resize %x sizes [1, 6] {coordinate_transformation_mode = "asymmetric", nearest_mode = "floor"} : (tensor<1x3xf32>) -> tensor<1x6xf32>
  return %0 : tensor<1x6xf32>
}

// align_corners maps output 0..3 to input 0, 1/3, 2/3, 1.
// CHECK-LABEL: func.func @linear
// CHECK-SAME: (%[[X:.*]]: tensor<2x2xf64>)
// CHECK-DAG: %[[W0:.*]] = kiln.constant dense<{{\[}}[1.000000e+00, 0.66666666666666674, 0.33333333333333337, 1.000000e+00]]> : tensor<1x4xf64>
// CHECK-DAG: %[[W1:.*]] = kiln.constant dense<{{\[}}[0.000000e+00, 0.33333333333333331, 0.66666666666666663, 0.000000e+00]]> : tensor<1x4xf64>
// CHECK-DAG: %[[HI:.*]] = kiln.constant dense<1> : tensor<4xi64>
// CHECK-DAG: %[[LO:.*]] = kiln.constant dense<[0, 0, 0, 1]> : tensor<4xi64>
// CHECK-DAG: %[[A:.*]] = kiln.take %[[X]], %[[LO]] axis 1
// CHECK-DAG: %[[B:.*]] = kiln.take %[[X]], %[[HI]] axis 1
// CHECK-DAG: %[[BW:.*]] = kiln.mul %[[B]], %[[W1]]
// CHECK-DAG: %[[AW:.*]] = kiln.mul %[[A]], %[[W0]]
// CHECK: %[[Y:.*]] = kiln.add %[[AW]], %[[BW]]
// CHECK-NEXT: return %[[Y]]
func.func @linear(%x: tensor<2x2xf64>) -> tensor<2x4xf64> {
  %0 = kiln.resize %x sizes [2, 4] {mode = "linear", coordinate_transformation_mode = "align_corners"} : (tensor<2x2xf64>) -> tensor<2x4xf64>
  return %0 : tensor<2x4xf64>
}
