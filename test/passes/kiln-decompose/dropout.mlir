// kiln-decompose of dropout: in training x * (rand >= p) * 1 / (1 - p), the draw advancing the generator; otherwise x and the generator as they are.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @dropout
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>, %[[G:.*]]: !kiln.generator)
// CHECK-DAG: %[[SCALE:.*]] = kiln.constant dense<1.250000e+00> : tensor<f32>
// CHECK-DAG: %[[P:.*]] = kiln.constant dense<2.000000e-01> : tensor<f32>
// CHECK: %[[U:.*]], %[[NEXT:.*]] = kiln.rand %[[G]] : tensor<4x8xf32>
// CHECK: %[[KEEP:.*]] = kiln.ge %[[U]], %[[P]]
// CHECK: %[[MASK:.*]] = kiln.cast %[[KEEP]] : tensor<4x8xi1> to tensor<4x8xf32>
// CHECK: %[[KEPT:.*]] = kiln.mul %[[X]], %[[MASK]]
// CHECK: %[[Y:.*]] = kiln.mul %[[KEPT]], %[[SCALE]]
// CHECK: return %[[Y]], %[[Y]], %[[NEXT]]
// CHECK-NOT: kiln.dropout
func.func @dropout(%x: tensor<4x8xf32>, %g: !kiln.generator) -> (tensor<4x8xf32>, tensor<4x8xf32>, !kiln.generator) {
  %y, %g1 = kiln.dropout %x, %g p 0.2 training : tensor<4x8xf32>
  %z, %g2 = kiln.dropout %y, %g1 p 0.5 : tensor<4x8xf32>
  return %y, %z, %g2 : tensor<4x8xf32>, tensor<4x8xf32>, !kiln.generator
}
