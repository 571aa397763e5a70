// Diagnostics of kiln.squeeze: out-of-range and repeated dims, wrong result type (a non-1 dim is not removed).
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @dim_out_of_range(%x: tensor<1x3x1x2xf32>) -> tensor<1x3x1x2xf32> {
  // expected-error@+1 {{'kiln.squeeze' op dimension 4 is out of range for rank 4 (expected [-4, 3])}}
  %0 = kiln.squeeze %x dim [4] : (tensor<1x3x1x2xf32>) -> tensor<1x3x1x2xf32>
  return %0 : tensor<1x3x1x2xf32>
}

// -----

func.func @negative_dim_out_of_range(%x: tensor<1x3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.squeeze' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.squeeze %x dim [-3] : (tensor<1x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @scalar_dim_out_of_range(%x: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.squeeze' op dimension 1 is out of range for rank 0 (expected [-1, 0])}}
  %0 = kiln.squeeze %x dim [1] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @repeated_dim(%x: tensor<1x3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.squeeze' op dimension -2 appears more than once in dims [0, -2]}}
  %0 = kiln.squeeze %x dim [0, -2] : (tensor<1x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Dimension 1 has size 3, so PyTorch keeps it.
func.func @non_unit_dim_removed(%x: tensor<1x3x1x2xf32>) -> tensor<1x1x2xf32> {
  // expected-error@+1 {{'kiln.squeeze' op result 0 has type 'tensor<1x1x2xf32>' but the operands give 'tensor<1x3x1x2xf32>'}}
  %0 = kiln.squeeze %x dim [1] : (tensor<1x3x1x2xf32>) -> tensor<1x1x2xf32>
  return %0 : tensor<1x1x2xf32>
}

// -----

func.func @wrong_result(%x: tensor<1x3x1x2xf32>) -> tensor<3x1x2xf32> {
  // expected-error@+1 {{'kiln.squeeze' op result 0 has type 'tensor<3x1x2xf32>' but the operands give 'tensor<3x2xf32>'}}
  %0 = "kiln.squeeze"(%x) : (tensor<1x3x1x2xf32>) -> tensor<3x1x2xf32>
  return %0 : tensor<3x1x2xf32>
}
