// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.clamp: no bound, bool input, wrong result type, bad attributes, unsupported types.

func.func @no_bounds(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.clamp' op needs at least one of min and max}}
  %0 = kiln.clamp %x : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @no_bounds_generic(%x: tensor<3xi64>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.clamp' op needs at least one of min and max}}
  %0 = "kiln.clamp"(%x) : (tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// torch.clamp is not implemented for bool tensors.
func.func @bool_input(%x: tensor<3xi1>) -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.clamp' op is not defined for bool tensors (input [3] bool)}}
  %0 = kiln.clamp %x min 0.0 : (tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

func.func @wrong_result_dtype(%x: tensor<3xi32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.clamp' op result 0 has type 'tensor<3xf32>' but the operands give 'tensor<3xi32>'}}
  %0 = kiln.clamp %x min 0.0 max 1.0 : (tensor<3xi32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @wrong_result_shape(%x: tensor<2x3xf32>) -> tensor<6xf32> {
  // expected-error@+1 {{'kiln.clamp' op result 0 has type 'tensor<6xf32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = kiln.clamp %x max 1.0 : (tensor<2x3xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// torch 1.13 promotes int64 clamped by a non-integral bound to float32, so an
// int64 result is wrong (whether Kiln promotes or rejects the bound).
func.func @fractional_bound_on_int(%x: tensor<3xi64>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.clamp' op}}
  %0 = kiln.clamp %x min 0.5 : (tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @integer_bound_attr(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{invalid properties {min = 0 : i64} for op kiln.clamp: Invalid attribute `min` in property conversion: 0 : i64}}
  %0 = "kiln.clamp"(%x) <{min = 0 : i64}> : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @dynamic_shape(%x: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.clamp' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.clamp %x min 0.0 : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @float16(%x: tensor<3xf16>) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.clamp' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.clamp %x min 0.0 : (tensor<3xf16>) -> tensor<3xf16>
  return %0 : tensor<3xf16>
}
