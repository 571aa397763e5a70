// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.hardsigmoid: missing attributes, non-float inputs, wrong result types, unsupported types.

// alpha and beta have no defaults.
func.func @f(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.hardsigmoid' op requires attribute 'alpha'}}
  %0 = kiln.hardsigmoid %x {beta = 0.5 : f64} : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @f(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.hardsigmoid' op requires attribute 'beta'}}
  %0 = kiln.hardsigmoid %x {alpha = 0.2 : f64} : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// torch's hardsigmoid is not implemented for integers.
func.func @f(%x: tensor<3xi64>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.hardsigmoid' op is only defined for float tensors (input [3] int64)}}
  %0 = kiln.hardsigmoid %x {alpha = 0.2 : f64, beta = 0.5 : f64} : (tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @f(%x: tensor<3xf32>) -> tensor<3xf64> {
  // expected-error@+1 {{'kiln.hardsigmoid' op result 0 has type 'tensor<3xf64>' but the operands give 'tensor<3xf32>'}}
  %0 = kiln.hardsigmoid %x {alpha = 0.2 : f64, beta = 0.5 : f64} : (tensor<3xf32>) -> tensor<3xf64>
  return %0 : tensor<3xf64>
}

// -----

func.func @f(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error-re@+1 {{invalid properties {{.*}} for op kiln.hardsigmoid}}
  %0 = "kiln.hardsigmoid"(%x) <{alpha = 1 : i64, beta = 0.5 : f64}> : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @f(%x: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.hardsigmoid' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.hardsigmoid %x {alpha = 0.2 : f64, beta = 0.5 : f64} : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
