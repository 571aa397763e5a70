// kiln.fusion round-trips in its custom form, with several inputs and results.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @two_results
// CHECK: %[[R:.*]]:2 = kiln.fusion <pointwise>(%{{.*}}, %{{.*}}) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>):
// CHECK-NEXT: %[[P:.*]] = kiln.mul %[[A]], %[[B]]
// CHECK-NEXT: %[[S:.*]] = kiln.sigmoid %[[P]]
// CHECK-NEXT: kiln.yield %[[P]], %[[S]] : tensor<4xf32>, tensor<4xf32>
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @two_results(%x: tensor<4xf32>, %w: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %r:2 = kiln.fusion <pointwise>(%x, %w) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  ^bb0(%a: tensor<4xf32>, %b: tensor<4xf32>):
    %p = kiln.mul %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %s = kiln.sigmoid %p : (tensor<4xf32>) -> tensor<4xf32>
    kiln.yield %p, %s : tensor<4xf32>, tensor<4xf32>
  }
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xf32>
}
