// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.clamp (torch.clamp): min only, max only, both, min > max, every non-bool dtype, 0-d.

// CHECK-LABEL: func.func @both_bounds
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @both_bounds(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.clamp %[[X]] min 0.000000e+00 max 6.000000e+00 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.clamp %x min 0.0 max 6.0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @min_only
func.func @min_only(%x: tensor<4xf64>) -> tensor<4xf64> {
  // CHECK: kiln.clamp %{{.*}} min -1.500000e+00 : (tensor<4xf64>) -> tensor<4xf64>
  // CHECK-NOT: max
  %0 = kiln.clamp %x min -1.5 : (tensor<4xf64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// CHECK-LABEL: func.func @max_only
func.func @max_only(%x: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: kiln.clamp %{{.*}} max 2.500000e-01 : (tensor<4xf32>) -> tensor<4xf32>
  %0 = kiln.clamp %x max 0.25 : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// As in PyTorch, min > max is allowed (every element becomes max).
// CHECK-LABEL: func.func @min_above_max
func.func @min_above_max(%x: tensor<3xf32>) -> tensor<3xf32> {
  // CHECK: kiln.clamp %{{.*}} min 5.000000e+00 max 1.000000e+00 : (tensor<3xf32>) -> tensor<3xf32>
  %0 = kiln.clamp %x min 5.0 max 1.0 : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// Integer inputs with integral bounds keep their dtype.
// CHECK-LABEL: func.func @int64_input
func.func @int64_input(%x: tensor<3xi64>) -> tensor<3xi64> {
  // CHECK: kiln.clamp %{{.*}} min -2.000000e+00 max 2.000000e+00 : (tensor<3xi64>) -> tensor<3xi64>
  %0 = kiln.clamp %x min -2.0 max 2.0 : (tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// CHECK-LABEL: func.func @int32_input
func.func @int32_input(%x: tensor<2x2xi32>) -> tensor<2x2xi32> {
  // CHECK: kiln.clamp %{{.*}} min 0.000000e+00 : (tensor<2x2xi32>) -> tensor<2x2xi32>
  %0 = kiln.clamp %x min 0.0 : (tensor<2x2xi32>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// CHECK-LABEL: func.func @uint8_input
func.func @uint8_input(%x: tensor<5xui8>) -> tensor<5xui8> {
  // CHECK: kiln.clamp %{{.*}} max 1.000000e+02 : (tensor<5xui8>) -> tensor<5xui8>
  %0 = kiln.clamp %x max 100.0 : (tensor<5xui8>) -> tensor<5xui8>
  return %0 : tensor<5xui8>
}

// CHECK-LABEL: func.func @zero_dim
func.func @zero_dim(%x: tensor<f32>) -> tensor<f32> {
  // CHECK: kiln.clamp %{{.*}} min 0.000000e+00 max 1.000000e+00 : (tensor<f32>) -> tensor<f32>
  %0 = kiln.clamp %x min 0.0 max 1.0 : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK: kiln.clamp %{{.*}} min 1.000000e+00 : (tensor<2xf32>) -> tensor<2xf32>
  %0 = "kiln.clamp"(%x) <{min = 1.0 : f64}> : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
