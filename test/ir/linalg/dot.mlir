// Round trip of kiln.dot: torch.dot of two equal-length vectors gives a 0-d result of their dtype.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @float
func.func @float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<f32> {
  // CHECK: kiln.dot %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  %0 = kiln.dot %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @double
func.func @double(%a: tensor<7xf64>, %b: tensor<7xf64>) -> tensor<f64> {
  // CHECK: kiln.dot %{{.*}}, %{{.*}} : (tensor<7xf64>, tensor<7xf64>) -> tensor<f64>
  %0 = kiln.dot %a, %b : (tensor<7xf64>, tensor<7xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// CHECK-LABEL: func.func @integers
func.func @integers(%a: tensor<3xi64>, %b: tensor<3xi64>, %c: tensor<3xi32>) -> (tensor<i64>, tensor<i32>) {
  // CHECK: kiln.dot %{{.*}}, %{{.*}} : (tensor<3xi64>, tensor<3xi64>) -> tensor<i64>
  %0 = kiln.dot %a, %b : (tensor<3xi64>, tensor<3xi64>) -> tensor<i64>
  // CHECK: kiln.dot %{{.*}}, %{{.*}} : (tensor<3xi32>, tensor<3xi32>) -> tensor<i32>
  %1 = kiln.dot %c, %c : (tensor<3xi32>, tensor<3xi32>) -> tensor<i32>
  return %0, %1 : tensor<i64>, tensor<i32>
}

// CHECK-LABEL: func.func @single
func.func @single(%a: tensor<1xui8>, %b: tensor<1xui8>) -> tensor<ui8> {
  // CHECK: kiln.dot %{{.*}}, %{{.*}} : (tensor<1xui8>, tensor<1xui8>) -> tensor<ui8>
  %0 = kiln.dot %a, %b : (tensor<1xui8>, tensor<1xui8>) -> tensor<ui8>
  return %0 : tensor<ui8>
}

// CHECK-LABEL: func.func @empty
func.func @empty(%a: tensor<0xf32>, %b: tensor<0xf32>) -> tensor<f32> {
  // CHECK: kiln.dot %{{.*}}, %{{.*}} : (tensor<0xf32>, tensor<0xf32>) -> tensor<f32>
  %0 = kiln.dot %a, %b : (tensor<0xf32>, tensor<0xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%a: tensor<5xf32>, %b: tensor<5xf32>) -> tensor<f32> {
  // CHECK: kiln.dot %{{.*}}, %{{.*}} : (tensor<5xf32>, tensor<5xf32>) -> tensor<f32>
  %0 = "kiln.dot"(%a, %b) : (tensor<5xf32>, tensor<5xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
