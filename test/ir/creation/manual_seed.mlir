// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.manual_seed (torch.manual_seed): 64-bit seeds, including 0, negative and extreme values.

// CHECK-LABEL: func.func @seed_seven
func.func @seed_seven() -> !kiln.generator {
  // CHECK: %[[G:.*]] = kiln.manual_seed 7
  // CHECK-NEXT: return %[[G]] : !kiln.generator
  %0 = kiln.manual_seed 7
  return %0 : !kiln.generator
}

// CHECK-LABEL: func.func @seeds
func.func @seeds() -> (!kiln.generator, !kiln.generator, !kiln.generator) {
  // CHECK: kiln.manual_seed 0
  // CHECK: kiln.manual_seed -1
  // CHECK: kiln.manual_seed 9223372036854775807
  %0 = kiln.manual_seed 0
  %1 = kiln.manual_seed -1
  %2 = kiln.manual_seed 9223372036854775807
  return %0, %1, %2 : !kiln.generator, !kiln.generator, !kiln.generator
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form() -> !kiln.generator {
  // CHECK: kiln.manual_seed 42
  %0 = "kiln.manual_seed"() <{seed = 42 : i64}> : () -> !kiln.generator
  return %0 : !kiln.generator
}
