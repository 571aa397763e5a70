// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.cast: changing the shape, unsupported element types, dynamic shapes.

func.func @changes_shape(%x: tensor<2x3xf32>) -> tensor<6xi64> {
  // expected-error@+1 {{'kiln.cast' op changes the shape from [2, 3] to [6]; a cast only converts dtypes}}
  %0 = kiln.cast %x : tensor<2x3xf32> to tensor<6xi64>
  return %0 : tensor<6xi64>
}

// -----

func.func @changes_size(%x: tensor<3xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.cast' op changes the shape from [3] to [4]; a cast only converts dtypes}}
  %0 = "kiln.cast"(%x) : (tensor<3xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @adds_unit_dim(%x: tensor<f32>) -> tensor<1xf32> {
  // expected-error@+1 {{'kiln.cast' op changes the shape from [] to [1]; a cast only converts dtypes}}
  %0 = kiln.cast %x : tensor<f32> to tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

func.func @to_float16(%x: tensor<3xf32>) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.cast' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.cast %x : tensor<3xf32> to tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

func.func @from_int8(%x: tensor<3xf16>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.cast' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.cast %x : tensor<3xf16> to tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @dynamic(%x: tensor<?xf32>) -> tensor<?xi64> {
  // expected-error@+1 {{'kiln.cast' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.cast %x : tensor<?xf32> to tensor<?xi64>
  return %0 : tensor<?xi64>
}
