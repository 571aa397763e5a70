// kiln.batch_norm (inference and training), kiln.layer_norm, kiln.group_norm, kiln.instance_norm with and without weight and bias.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @batch_norm
func.func @batch_norm(%x: tensor<4x3x5xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>, %w: tensor<3xf32>, %b: tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>) {
  // CHECK: kiln.batch_norm %{{.*}}, %{{.*}}, %{{.*}} weight %{{.*}} bias %{{.*}} training {eps = 1.000000e-03 : f64} : (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>)
  // CHECK: kiln.batch_norm %{{.*}}, %{{.*}}, %{{.*}} bias %{{.*}} : (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>)
  %y, %mean, %var = kiln.batch_norm %x, %m, %v weight %w bias %b training {eps = 1.0e-3 : f64} : (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>)
  %z:3 = kiln.batch_norm %x, %m, %v bias %b : (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>)
  return %y, %mean : tensor<4x3x5xf32>, tensor<3xf32>
}

// The mean and 1/std keep the normalized dims as size 1.
// CHECK-LABEL: func.func @layer_norm
func.func @layer_norm(%x: tensor<2x3x4xf64>, %w: tensor<3x4xf64>) -> (tensor<2x3x4xf64>, tensor<2x1x1xf64>) {
  // CHECK: kiln.layer_norm %{{.*}} weight %{{.*}} axis 1 : (tensor<2x3x4xf64>, tensor<3x4xf64>) -> (tensor<2x3x4xf64>, tensor<2x1x1xf64>, tensor<2x1x1xf64>)
  %y:3 = kiln.layer_norm %x weight %w axis 1 : (tensor<2x3x4xf64>, tensor<3x4xf64>) -> (tensor<2x3x4xf64>, tensor<2x1x1xf64>, tensor<2x1x1xf64>)
  return %y#0, %y#2 : tensor<2x3x4xf64>, tensor<2x1x1xf64>
}

// CHECK-LABEL: func.func @group_and_instance_norm
func.func @group_and_instance_norm(%x: tensor<2x4x3xf32>, %w: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<2x4x3xf32>, tensor<2x4x3xf32>) {
  // CHECK: kiln.group_norm %{{.*}} weight %{{.*}} bias %{{.*}} groups 2 : (tensor<2x4x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x3xf32>
  // CHECK: kiln.instance_norm %{{.*}} {eps = 1.000000e-03 : f64} : (tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
  %0 = kiln.group_norm %x weight %w bias %b groups 2 : (tensor<2x4x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x3xf32>
  %1 = kiln.instance_norm %x {eps = 1.0e-3 : f64} : (tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
  return %0, %1 : tensor<2x4x3xf32>, tensor<2x4x3xf32>
}
