// Diagnostics of kiln.flatten: start after end, out-of-range dims, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @start_after_end(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{'kiln.flatten' op start_dim 2 comes after end_dim 0}}
  %0 = kiln.flatten %x start_dim 2 end_dim 0 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @negative_start_after_end(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{'kiln.flatten' op start_dim -1 comes after end_dim 1}}
  %0 = kiln.flatten %x start_dim -1 end_dim 1 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @start_out_of_range(%x: tensor<2x3x4xf32>) -> tensor<24xf32> {
  // expected-error@+1 {{'kiln.flatten' op dimension 3 is out of range for rank 3 (expected [-3, 2])}}
  %0 = kiln.flatten %x start_dim 3 end_dim -1 : (tensor<2x3x4xf32>) -> tensor<24xf32>
  return %0 : tensor<24xf32>
}

// -----

func.func @end_out_of_range(%x: tensor<2x3x4xf32>) -> tensor<24xf32> {
  // expected-error@+1 {{'kiln.flatten' op dimension -4 is out of range for rank 3 (expected [-3, 2])}}
  %0 = kiln.flatten %x start_dim 0 end_dim -4 : (tensor<2x3x4xf32>) -> tensor<24xf32>
  return %0 : tensor<24xf32>
}

// -----

func.func @wrong_result(%x: tensor<2x3x4xf32>) -> tensor<24xf32> {
  // expected-error@+1 {{'kiln.flatten' op result 0 has type 'tensor<24xf32>' but the operands give 'tensor<2x12xf32>'}}
  %0 = "kiln.flatten"(%x) <{start_dim = 1 : i64, end_dim = -1 : i64}> : (tensor<2x3x4xf32>) -> tensor<24xf32>
  return %0 : tensor<24xf32>
}
