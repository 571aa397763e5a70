// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @seed_single_neuron
// CHECK-SAME: (%[[F:.*]]: tensor<1x5xf32>, %[[W:.*]]: tensor<5x1xf32>)
func.func @seed_single_neuron(%f: tensor<1x5xf32>, %w: tensor<5x1xf32>) -> tensor<1x1xf32> {
  // CHECK: kiln.mm %[[F]], %[[W]] : (tensor<1x5xf32>, tensor<5x1xf32>) -> tensor<1x1xf32>
  %0 = kiln.mm %f, %w : (tensor<1x5xf32>, tensor<5x1xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%a: tensor<2x3xf64>, %b: tensor<3x4xf64>) -> tensor<2x4xf64> {
  // CHECK: kiln.mm %{{.*}}, %{{.*}} : (tensor<2x3xf64>, tensor<3x4xf64>) -> tensor<2x4xf64>
  %0 = "kiln.mm"(%a, %b) : (tensor<2x3xf64>, tensor<3x4xf64>) -> tensor<2x4xf64>
  return %0 : tensor<2x4xf64>
}
