// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.rand (torch.rand, U[0, 1)): float32/float64, 0-d, and chained generator states.

// CHECK-LABEL: func.func @single_draw
// CHECK: %[[G:.*]] = kiln.manual_seed 7
// CHECK: %[[X:.*]], %[[N:.*]] = kiln.rand %[[G]] : tensor<1x5xf32>
// CHECK: return %[[X]], %[[N]] : tensor<1x5xf32>, !kiln.generator
func.func @single_draw() -> (tensor<1x5xf32>, !kiln.generator) {
  %g = kiln.manual_seed 7
  %x, %g1 = kiln.rand %g : tensor<1x5xf32>
  return %x, %g1 : tensor<1x5xf32>, !kiln.generator
}

// Draws happen in data-flow order: the second consumes the first's state.
// CHECK-LABEL: func.func @chained
// CHECK-SAME: (%[[G:.*]]: !kiln.generator)
// CHECK: %{{.*}}, %[[N1:.*]] = kiln.rand %[[G]] : tensor<3xf64>
// CHECK: %{{.*}}, %[[N2:.*]] = kiln.rand %[[N1]] : tensor<f32>
// CHECK: return %{{.*}}, %{{.*}}, %[[N2]] : tensor<3xf64>, tensor<f32>, !kiln.generator
func.func @chained(%g: !kiln.generator) -> (tensor<3xf64>, tensor<f32>, !kiln.generator) {
  %x, %g1 = kiln.rand %g : tensor<3xf64>
  %y, %g2 = kiln.rand %g1 : tensor<f32>
  return %x, %y, %g2 : tensor<3xf64>, tensor<f32>, !kiln.generator
}

// CHECK-LABEL: func.func @size_zero
func.func @size_zero(%g: !kiln.generator) -> tensor<0x4xf32> {
  // CHECK: kiln.rand %{{.*}} : tensor<0x4xf32>
  %x, %g1 = kiln.rand %g : tensor<0x4xf32>
  return %x : tensor<0x4xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%g: !kiln.generator) -> tensor<2x2xf64> {
  // CHECK: kiln.rand %{{.*}} : tensor<2x2xf64>
  %0:2 = "kiln.rand"(%g) : (!kiln.generator) -> (tensor<2x2xf64>, !kiln.generator)
  return %0#0 : tensor<2x2xf64>
}
