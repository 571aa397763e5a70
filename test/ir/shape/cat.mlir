// Round trip of kiln.cat: torch.cat along positive and negative dims, several inputs, empty inputs and dtype promotion.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @rows
func.func @rows(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<6x3xf32> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim 0 : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<6x3xf32>
  %0 = kiln.cat %a, %b dim 0 : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<6x3xf32>
  return %0 : tensor<6x3xf32>
}

// CHECK-LABEL: func.func @last_dim
func.func @last_dim(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>) -> tensor<2x8xf32> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim -1 : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  %0 = kiln.cat %a, %b dim -1 : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// CHECK-LABEL: func.func @three_inputs
func.func @three_inputs(%a: tensor<2x1x4xi64>, %b: tensor<2x2x4xi64>, %c: tensor<2x3x4xi64>) -> tensor<2x6x4xi64> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}}, %{{.*}} dim -2 : (tensor<2x1x4xi64>, tensor<2x2x4xi64>, tensor<2x3x4xi64>) -> tensor<2x6x4xi64>
  %0 = kiln.cat %a, %b, %c dim -2 : (tensor<2x1x4xi64>, tensor<2x2x4xi64>, tensor<2x3x4xi64>) -> tensor<2x6x4xi64>
  return %0 : tensor<2x6x4xi64>
}

// CHECK-LABEL: func.func @single
func.func @single(%a: tensor<3xi1>) -> tensor<3xi1> {
  // CHECK: kiln.cat %{{.*}} dim 0 : (tensor<3xi1>) -> tensor<3xi1>
  %0 = kiln.cat %a dim 0 : (tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// CHECK-LABEL: func.func @empty_input
func.func @empty_input(%a: tensor<0x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim 0 : (tensor<0x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.cat %a, %b dim 0 : (tensor<0x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// torch.cat promotes: float32 with float64 is float64.
// CHECK-LABEL: func.func @promote_floats
func.func @promote_floats(%a: tensor<2xf32>, %b: tensor<3xf64>) -> tensor<5xf64> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim 0 : (tensor<2xf32>, tensor<3xf64>) -> tensor<5xf64>
  %0 = kiln.cat %a, %b dim 0 : (tensor<2xf32>, tensor<3xf64>) -> tensor<5xf64>
  return %0 : tensor<5xf64>
}

// int64 with float32 is float32.
// CHECK-LABEL: func.func @promote_int_float
func.func @promote_int_float(%a: tensor<2xi64>, %b: tensor<3xf32>) -> tensor<5xf32> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim 0 : (tensor<2xi64>, tensor<3xf32>) -> tensor<5xf32>
  %0 = kiln.cat %a, %b dim 0 : (tensor<2xi64>, tensor<3xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// uint8 with int32 is int32; bool with uint8 is uint8.
// CHECK-LABEL: func.func @promote_ints
func.func @promote_ints(%a: tensor<2xui8>, %b: tensor<3xi32>, %c: tensor<1xi1>) -> (tensor<5xi32>, tensor<3xui8>) {
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim 0 : (tensor<2xui8>, tensor<3xi32>) -> tensor<5xi32>
  %0 = kiln.cat %a, %b dim 0 : (tensor<2xui8>, tensor<3xi32>) -> tensor<5xi32>
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim 0 : (tensor<1xi1>, tensor<2xui8>) -> tensor<3xui8>
  %1 = kiln.cat %c, %a dim 0 : (tensor<1xi1>, tensor<2xui8>) -> tensor<3xui8>
  return %0, %1 : tensor<5xi32>, tensor<3xui8>
}

// The promotion covers every input, not only the first two.
// CHECK-LABEL: func.func @promote_three
func.func @promote_three(%a: tensor<1x2xi32>, %b: tensor<1x2xi64>, %c: tensor<1x2xf64>) -> tensor<1x6xf64> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}}, %{{.*}} dim 1 : (tensor<1x2xi32>, tensor<1x2xi64>, tensor<1x2xf64>) -> tensor<1x6xf64>
  %0 = kiln.cat %a, %b, %c dim 1 : (tensor<1x2xi32>, tensor<1x2xi64>, tensor<1x2xf64>) -> tensor<1x6xf64>
  return %0 : tensor<1x6xf64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x6xf32> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim 1 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  %0 = "kiln.cat"(%a, %b) <{dim = 1 : i64}> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}
