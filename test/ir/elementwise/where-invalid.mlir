// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.where: non-bool condition, non-broadcastable operands, wrong result types.

func.func @float_condition(%c: tensor<3xf32>, %a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.where' op operand #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<3xf32>'}}
  %0 = kiln.where %c, %a, %b : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// torch 1.13 deprecates uint8 masks; Kiln only takes bool.
func.func @uint8_condition(%c: tensor<3xui8>, %a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.where' op operand #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<3xui8>'}}
  %0 = "kiln.where"(%c, %a, %b) : (tensor<3xui8>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @values_clash(%c: tensor<3xi1>, %a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.where' op shapes [3] and [4] are not broadcastable: size 3 vs 4 at dimension 1 of the broadcast result}}
  %0 = kiln.where %c, %a, %b : (tensor<3xi1>, tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @condition_clashes(%c: tensor<5xi1>, %a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.where' op shapes [5] and [3] are not broadcastable: size 5 vs 3 at dimension 0 of the broadcast result}}
  %0 = kiln.where %c, %a, %b : (tensor<5xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// The result takes the condition's broadcast shape too.
func.func @shape_ignores_condition(%c: tensor<2x3xi1>, %a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.where' op result 0 has type 'tensor<3xf32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = kiln.where %c, %a, %b : (tensor<2x3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @unpromoted(%c: tensor<3xi1>, %a: tensor<3xi64>, %b: tensor<f32>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.where' op result 0 has type 'tensor<3xi64>' but the operands give 'tensor<3xf32>'}}
  %0 = kiln.where %c, %a, %b : (tensor<3xi1>, tensor<3xi64>, tensor<f32>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @widened_by_scalar(%c: tensor<3xi1>, %a: tensor<3xf32>, %b: tensor<f64>) -> tensor<3xf64> {
  // expected-error@+1 {{'kiln.where' op result 0 has type 'tensor<3xf64>' but the operands give 'tensor<3xf32>'}}
  %0 = kiln.where %c, %a, %b : (tensor<3xi1>, tensor<3xf32>, tensor<f64>) -> tensor<3xf64>
  return %0 : tensor<3xf64>
}

// -----

func.func @dynamic_value(%c: tensor<3xi1>, %a: tensor<?xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.where' op operand #1 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.where %c, %a, %b : (tensor<3xi1>, tensor<?xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
