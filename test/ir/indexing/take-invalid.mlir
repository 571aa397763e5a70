// Diagnostics of kiln.take: 0-d input, axis out of range, empty axis, float indices, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @scalar_input(%x: tensor<f32>, %i: tensor<2xi64>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.take' op cannot take along an axis of a 0-d input}}
  %0 = kiln.take %x, %i axis 0 : (tensor<f32>, tensor<2xi64>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @axis_out_of_range(%x: tensor<3x4xf32>, %i: tensor<2xi64>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.take' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.take %x, %i axis 2 : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @empty_axis(%x: tensor<3x0xf32>, %i: tensor<2xi64>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.take' op cannot take indices [2] from the empty axis 1 of the input [3, 0]}}
  %0 = kiln.take %x, %i axis 1 : (tensor<3x0xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @float_indices(%x: tensor<3x4xf32>, %i: tensor<2xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.take' op operand #1 must be statically shaped tensor of 64-bit signless integer or 32-bit signless integer values}}
  %0 = kiln.take %x, %i axis 0 : (tensor<3x4xf32>, tensor<2xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @wrong_result(%x: tensor<3x4xf32>, %i: tensor<2x5xi64>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.take' op result 0 has type 'tensor<2x4xf32>' but the operands give 'tensor<2x5x4xf32>'}}
  %0 = kiln.take %x, %i axis 0 : (tensor<3x4xf32>, tensor<2x5xi64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
