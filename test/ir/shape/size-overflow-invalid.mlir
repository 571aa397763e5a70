// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// The shared result-type rules refuse an operand whose byte size does not fit
// in int64: MLIR's types take any sizes, but every size Kiln computes from
// them (element counts, the memory plan's offsets) is an int64.

// 2^62 + 1 times 8: the element count wraps to 8, which equals [8]'s.
func.func @reshape(%x: tensor<4611686018427387905x4x2xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{'kiln.reshape' op input of shape [4611686018427387905, 4, 2] has more bytes than int64 holds}}
  %0 = kiln.reshape %x [8] : (tensor<4611686018427387905x4x2xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// 2^32 x 2^32 elements: 2^64, which wraps to 0.
func.func @abs(%x: tensor<4294967296x4294967296xi8>) -> tensor<4294967296x4294967296xi8> {
  // expected-error@+1 {{'kiln.abs' op input of shape [4294967296, 4294967296] has more bytes than int64 holds}}
  %0 = kiln.abs %x : (tensor<4294967296x4294967296xi8>) -> tensor<4294967296x4294967296xi8>
  return %0 : tensor<4294967296x4294967296xi8>
}

// -----

// 2^61 elements fit, 2^63 bytes of f32 do not.
func.func @add(%a: tensor<2305843009213693952xf32>, %b: tensor<1xf32>) -> tensor<2305843009213693952xf32> {
  // expected-error@+1 {{'kiln.add' op lhs of shape [2305843009213693952] has more bytes than int64 holds}}
  %0 = kiln.add %a, %b : (tensor<2305843009213693952xf32>, tensor<1xf32>) -> tensor<2305843009213693952xf32>
  return %0 : tensor<2305843009213693952xf32>
}
