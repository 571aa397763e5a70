// Diagnostics of kiln.cat: shape and rank mismatch, 0-d inputs, no inputs, out-of-range dim, wrong result type and dtype.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @shape_mismatch(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.cat' op input 1 of shape [2, 4] does not match input 0 of shape [2, 3] outside dimension 0}}
  %0 = kiln.cat %a, %b dim 0 : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @third_input_mismatch(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>, %c: tensor<3x3xf32>) -> tensor<2x9xf32> {
  // expected-error@+1 {{'kiln.cat' op input 2 of shape [3, 3] does not match input 0 of shape [2, 3] outside dimension 1}}
  %0 = kiln.cat %a, %b, %c dim -1 : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x9xf32>
  return %0 : tensor<2x9xf32>
}

// -----

func.func @rank_mismatch(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<3x3xf32> {
  // expected-error@+1 {{'kiln.cat' op input 1 of shape [3] does not match input 0 of shape [2, 3] outside dimension 0}}
  %0 = kiln.cat %a, %b dim 0 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

func.func @scalars(%a: tensor<f32>, %b: tensor<f32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.cat' op cannot concatenate 0-d tensors}}
  %0 = kiln.cat %a, %b dim 0 : (tensor<f32>, tensor<f32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @no_inputs() -> tensor<0xf32> {
  // expected-error@+1 {{'kiln.cat' op needs at least one input}}
  %0 = "kiln.cat"() <{dim = 0 : i64}> : () -> tensor<0xf32>
  return %0 : tensor<0xf32>
}

// -----

func.func @dim_out_of_range(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.cat' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.cat %a, %b dim 2 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @wrong_result(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x6xf32> {
  // expected-error@+1 {{'kiln.cat' op result 0 has type 'tensor<2x6xf32>' but the operands give 'tensor<4x3xf32>'}}
  %0 = "kiln.cat"(%a, %b) <{dim = 0 : i64}> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

// float32 with float64 promotes to float64.
func.func @wrong_result_dtype(%a: tensor<2x3xf32>, %b: tensor<2x3xf64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.cat' op result 0 has type 'tensor<4x3xf32>' but the operands give 'tensor<4x3xf64>'}}
  %0 = kiln.cat %a, %b dim 0 : (tensor<2x3xf32>, tensor<2x3xf64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
