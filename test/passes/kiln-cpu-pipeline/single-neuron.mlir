// RUN: kiln-opt %kiln_src_root/examples/seeds/single_neuron.mlir --kiln-cpu-pipeline | FileCheck %s
// The whole CPU pipeline ends in the LLVM dialect with a C interface whose
// outputs are caller-owned out-parameters.

// CHECK: llvm.func @single_neuron(
// CHECK: llvm.func @_mlir_ciface_single_neuron(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK-NOT: kiln.
// CHECK-NOT: tensor<
