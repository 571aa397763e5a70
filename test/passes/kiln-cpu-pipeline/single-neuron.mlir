// RUN: kiln-opt %kiln_src_root/examples/seeds/single_neuron.mlir --kiln-cpu-pipeline | FileCheck %s --implicit-check-not=malloc
// The whole CPU pipeline ends in the LLVM dialect with a C interface whose
// outputs are caller-owned out-parameters. The intermediates (three 4-byte
// scalars, 64-byte aligned) live in one static arena: nothing is allocated
// per call.

// CHECK: llvm.mlir.global private @__kiln_arena_single_neuron() {{.*}}alignment = 64 : i64} : !llvm.array<192 x i8>
// CHECK: llvm.func @single_neuron(
// CHECK: llvm.mlir.addressof @__kiln_arena_single_neuron
// CHECK: llvm.func @_mlir_ciface_single_neuron(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK-NOT: {{= kiln\.|^ *kiln\.}}
// CHECK-NOT: tensor<
