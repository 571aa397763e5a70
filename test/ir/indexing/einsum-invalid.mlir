// Diagnostics of kiln.einsum: operand count, ranks, sizes, diagonals, characters, output labels, dtypes.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @operand_count(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.einsum' op equation 'ij,jk->ik' has 2 operands but the op has 1}}
  %0 = kiln.einsum %a "ij,jk->ik" : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @rank(%a: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.einsum' op operand 0 of shape [2, 3] does not match 'ijk' of equation 'ijk->i'}}
  %0 = kiln.einsum %a "ijk->i" : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @sizes(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{'kiln.einsum' op label 'j' of equation 'ij,jk->ik' has size 3 in operand 0 [2, 3] but size 4 in operand 1 [4, 5]}}
  %0 = kiln.einsum %a, %b "ij,jk->ik" : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @diagonal(%a: tensor<3x3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.einsum' op label 'i' repeats in 'ii' of equation 'ii->i': diagonals are not supported}}
  %0 = kiln.einsum %a "ii->i" : (tensor<3x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @character(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.einsum' op equation 'i1->i' has the character '1', expected letters, '...', ',' and '->'}}
  %0 = kiln.einsum %a "i1->i" : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @output_label(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.einsum' op output label 'j' of equation 'i->j' is not in any operand}}
  %0 = kiln.einsum %a "i->j" : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @dtypes(%a: tensor<3xf32>, %b: tensor<3xf64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.einsum' op operands must have one dtype, but operand 1 is float64 and operand 0 float32}}
  %0 = kiln.einsum %a, %b "i,i->" : (tensor<3xf32>, tensor<3xf64>) -> tensor<f32>
  return %0 : tensor<f32>
}
