// Round trip of kiln.stack: torch.stack at positive and negative dims, 0-d inputs and dtype promotion.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @front
func.func @front(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x2x3xf32> {
  // CHECK: kiln.stack %{{.*}}, %{{.*}} dim 0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2x3xf32>
  %0 = kiln.stack %a, %b dim 0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2x3xf32>
  return %0 : tensor<2x2x3xf32>
}

// -1 is the new last dimension of the result.
// CHECK-LABEL: func.func @back_negative
func.func @back_negative(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>, %c: tensor<2x3xf32>) -> tensor<2x3x3xf32> {
  // CHECK: kiln.stack %{{.*}}, %{{.*}}, %{{.*}} dim -1 : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3x3xf32>
  %0 = kiln.stack %a, %b, %c dim -1 : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3x3xf32>
  return %0 : tensor<2x3x3xf32>
}

// CHECK-LABEL: func.func @back_positive
func.func @back_positive(%a: tensor<2x3xi64>, %b: tensor<2x3xi64>) -> tensor<2x3x2xi64> {
  // CHECK: kiln.stack %{{.*}}, %{{.*}} dim 2 : (tensor<2x3xi64>, tensor<2x3xi64>) -> tensor<2x3x2xi64>
  %0 = kiln.stack %a, %b dim 2 : (tensor<2x3xi64>, tensor<2x3xi64>) -> tensor<2x3x2xi64>
  return %0 : tensor<2x3x2xi64>
}

// CHECK-LABEL: func.func @middle_negative
func.func @middle_negative(%a: tensor<2x3xf64>, %b: tensor<2x3xf64>) -> tensor<2x2x3xf64> {
  // CHECK: kiln.stack %{{.*}}, %{{.*}} dim -2 : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x2x3xf64>
  %0 = kiln.stack %a, %b dim -2 : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x2x3xf64>
  return %0 : tensor<2x2x3xf64>
}

// CHECK-LABEL: func.func @front_negative
func.func @front_negative(%a: tensor<2x3xi32>, %b: tensor<2x3xi32>) -> tensor<2x2x3xi32> {
  // CHECK: kiln.stack %{{.*}}, %{{.*}} dim -3 : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x2x3xi32>
  %0 = kiln.stack %a, %b dim -3 : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x2x3xi32>
  return %0 : tensor<2x2x3xi32>
}

// CHECK-LABEL: func.func @scalars
func.func @scalars(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<f32>) -> tensor<3xf32> {
  // CHECK: kiln.stack %{{.*}}, %{{.*}}, %{{.*}} dim -1 : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<3xf32>
  %0 = kiln.stack %a, %b, %c dim -1 : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @single
func.func @single(%a: tensor<4xi1>) -> tensor<4x1xi1> {
  // CHECK: kiln.stack %{{.*}} dim 1 : (tensor<4xi1>) -> tensor<4x1xi1>
  %0 = kiln.stack %a dim 1 : (tensor<4xi1>) -> tensor<4x1xi1>
  return %0 : tensor<4x1xi1>
}

// torch.stack promotes like torch.cat: int32 with float32 is float32.
// CHECK-LABEL: func.func @promote
func.func @promote(%a: tensor<2xi32>, %b: tensor<2xf32>) -> tensor<2x2xf32> {
  // CHECK: kiln.stack %{{.*}}, %{{.*}} dim 0 : (tensor<2xi32>, tensor<2xf32>) -> tensor<2x2xf32>
  %0 = kiln.stack %a, %b dim 0 : (tensor<2xi32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%a: tensor<3xui8>, %b: tensor<3xui8>) -> tensor<3x2xui8> {
  // CHECK: kiln.stack %{{.*}}, %{{.*}} dim 1 : (tensor<3xui8>, tensor<3xui8>) -> tensor<3x2xui8>
  %0 = "kiln.stack"(%a, %b) <{dim = 1 : i64}> : (tensor<3xui8>, tensor<3xui8>) -> tensor<3x2xui8>
  return %0 : tensor<3x2xui8>
}
