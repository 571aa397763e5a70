// RUN: kiln-opt %s --kiln-lower-to-linalg --kiln-select-cpu-kernels --kiln-fold-matmul-epilogues -split-input-file | FileCheck %s
// A kernel matmul and the element-wise chain that alone reads it become one
// kernel matmul with post-ops, writing the chain's result. Its body computes
// the chain on the contraction's last step, so the loop lowering agrees.

// linear + tanh, as separate generics (no element-wise fusion): the bias add
// folds first, then the tanh into the folded op. The bias [3] is read as
// [1, 3], each dim the output's or 1, as oneDNN broadcasts.
// CHECK-DAG: #[[BIAS:.*]] = affine_map<(d0, d1, d2) -> (0, d2)>
// CHECK-LABEL: func.func @linear_tanh
// CHECK-SAME: %[[X:[^:]+]]: tensor<8x4xf32>, %[[W:[^:]+]]: tensor<4x3xf32>, %[[B:[^:]+]]: tensor<3xf32>
// CHECK: %[[B1:.*]] = tensor.expand_shape %[[B]] {{\[\[}}0, 1]] output_shape [1, 3] : tensor<3xf32> into tensor<1x3xf32>
// CHECK: %[[INIT:.*]] = linalg.fill
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}, #[[BIAS]], #{{.*}}], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2_post1"} ins(%[[X]], %[[W]], %[[B1]] : tensor<8x4xf32>, tensor<4x3xf32>, tensor<1x3xf32>) outs(%[[INIT]] : tensor<8x3xf32>) attrs =  {kiln_cpu.post_ops = ["add", "tanh"]}
// CHECK: ^bb0(%[[A:.*]]: f32, %[[BB:.*]]: f32, %[[BIASV:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[P:.*]] = arith.mulf %[[A]], %[[BB]]
// CHECK: %[[SUM:.*]] = arith.addf %[[ACC]], %[[P]]
// CHECK: %[[K:.*]] = linalg.index 1
// CHECK: %[[LAST:.*]] = arith.cmpi eq, %[[K]], %c3
// CHECK: %[[ADD:.*]] = arith.addf %[[SUM]], %[[BIASV]]
// CHECK: %[[TANH:.*]] = math.tanh %[[ADD]]
// CHECK: %[[R:.*]] = arith.select %[[LAST]], %[[TANH]], %[[SUM]]
// CHECK: linalg.yield %[[R]]
// CHECK-NOT: linalg.generic
// CHECK: return %[[Y]]
func.func @linear_tanh(%x: tensor<8x4xf32>, %w: tensor<4x3xf32>, %b: tensor<3xf32>) -> tensor<8x3xf32> {
  %m = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %h = kiln.add %m, %b : (tensor<8x3xf32>, tensor<3xf32>) -> tensor<8x3xf32>
  %a = kiln.tanh %h : (tensor<8x3xf32>) -> tensor<8x3xf32>
  return %a : tensor<8x3xf32>
}

// -----

// The form element-wise fusion leaves: bias add and tanh in one body.
#mk = affine_map<(d0, d1, d2) -> (d0, d1)>
#kn = affine_map<(d0, d1, d2) -> (d1, d2)>
#mn = affine_map<(d0, d1, d2) -> (d0, d2)>
#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @fused_bias_tanh
// CHECK: linalg.generic {{.*}} library_call = "kiln_matmul_f32_r2r2_post1"} {{.*}} attrs =  {kiln_cpu.post_ops = ["add", "tanh"]}
// CHECK-NOT: linalg.generic
func.func @fused_bias_tanh(%x: tensor<8x4xf32>, %w: tensor<4x3xf32>, %b: tensor<3xf32>) -> tensor<8x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<8x3xf32>) -> tensor<8x3xf32>
  %m = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2"}
      ins(%x, %w : tensor<8x4xf32>, tensor<4x3xf32>) outs(%init : tensor<8x3xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %p = arith.mulf %a, %bb : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<8x3xf32>
  %e2 = tensor.empty() : tensor<8x3xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]}
      ins(%m, %b : tensor<8x3xf32>, tensor<3xf32>) outs(%e2 : tensor<8x3xf32>) {
  ^bb0(%v: f32, %bias: f32, %o: f32):
    %t = arith.addf %v, %bias : f32
    %r = math.tanh %t : f32
    linalg.yield %r : f32
  } -> tensor<8x3xf32>
  return %y : tensor<8x3xf32>
}

// -----

// A residual add (full shape, either side), then sigmoid as kiln lowers it
// (1 / (1 + exp(-x))), on a batched product: the post-ops keep the chain's
// order.
// CHECK-LABEL: func.func @residual_sigmoid
// CHECK: linalg.generic {{.*}} library_call = "kiln_matmul_f32_r3r2_post1"} {{.*}} attrs =  {kiln_cpu.post_ops = ["add", "sigmoid"]}
// CHECK-NOT: linalg.generic
func.func @residual_sigmoid(%x: tensor<2x8x4xf32>, %w: tensor<4x3xf32>, %r: tensor<2x8x3xf32>) -> tensor<2x8x3xf32> {
  %m = kiln.matmul %x, %w : (tensor<2x8x4xf32>, tensor<4x3xf32>) -> tensor<2x8x3xf32>
  %h = kiln.add %r, %m : (tensor<2x8x3xf32>, tensor<2x8x3xf32>) -> tensor<2x8x3xf32>
  %a = kiln.sigmoid %h : (tensor<2x8x3xf32>) -> tensor<2x8x3xf32>
  return %a : tensor<2x8x3xf32>
}

// -----

// Two operands: (m - x) * s with s broadcast over rows, then tanh.
// CHECK-LABEL: func.func @sub_mul_tanh
// CHECK: linalg.generic {{.*}} library_call = "kiln_matmul_f32_r2r2_post2"} ins(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : tensor<8x4xf32>, tensor<4x3xf32>, tensor<8x3xf32>, tensor<1x3xf32>) {{.*}} attrs =  {kiln_cpu.post_ops = ["sub", "mul", "tanh"]}
func.func @sub_mul_tanh(%x: tensor<8x4xf32>, %w: tensor<4x3xf32>, %c: tensor<8x3xf32>, %s: tensor<1x3xf32>) -> tensor<8x3xf32> {
  %m = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %d = kiln.sub %m, %c : (tensor<8x3xf32>, tensor<8x3xf32>) -> tensor<8x3xf32>
  %p = kiln.mul %s, %d : (tensor<1x3xf32>, tensor<8x3xf32>) -> tensor<8x3xf32>
  %t = kiln.tanh %p : (tensor<8x3xf32>) -> tensor<8x3xf32>
  return %t : tensor<8x3xf32>
}

// -----

// A column [8, 1] and a batch of biases [2, 1, 3]: oneDNN would run them in
// its reference kernel, so they stay element-wise. A scalar [1, 1] folds.
// CHECK-LABEL: func.func @slow_broadcasts
// CHECK: library_call = "kiln_matmul_f32_r2r2"}
// CHECK: arith.addf
// CHECK: library_call = "kiln_matmul_f32_r3r2"}
// CHECK: arith.addf
// CHECK: library_call = "kiln_matmul_f32_r2r2_post1"} ins({{.*}} : tensor<8x4xf32>, tensor<4x3xf32>, tensor<1x1xf32>) {{.*}} attrs =  {kiln_cpu.post_ops = ["mul"]}
func.func @slow_broadcasts(%x: tensor<8x4xf32>, %w: tensor<4x3xf32>, %col: tensor<8x1xf32>,
                           %xb: tensor<2x8x4xf32>, %biases: tensor<2x1x3xf32>, %s: tensor<1x1xf32>)
    -> (tensor<8x3xf32>, tensor<2x8x3xf32>, tensor<8x3xf32>) {
  %m = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %a = kiln.add %m, %col : (tensor<8x3xf32>, tensor<8x1xf32>) -> tensor<8x3xf32>
  %mb = kiln.matmul %xb, %w : (tensor<2x8x4xf32>, tensor<4x3xf32>) -> tensor<2x8x3xf32>
  %b = kiln.add %mb, %biases : (tensor<2x8x3xf32>, tensor<2x1x3xf32>) -> tensor<2x8x3xf32>
  %m2 = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %c = kiln.mul %m2, %s : (tensor<8x3xf32>, tensor<1x1xf32>) -> tensor<8x3xf32>
  return %a, %b, %c : tensor<8x3xf32>, tensor<2x8x3xf32>, tensor<8x3xf32>
}

// -----

// The product has another user: it must be stored, so nothing folds.
// CHECK-LABEL: func.func @product_used_twice
// CHECK: library_call = "kiln_matmul_f32_r2r2"}
// CHECK-NOT: kiln_cpu.post_ops
func.func @product_used_twice(%x: tensor<8x4xf32>, %w: tensor<4x3xf32>) -> (tensor<8x3xf32>, tensor<8x3xf32>) {
  %m = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %a = kiln.relu %m : (tensor<8x3xf32>) -> tensor<8x3xf32>
  return %m, %a : tensor<8x3xf32>, tensor<8x3xf32>
}

// -----

// float64 products run as loops, with no kernel to fold into.
// CHECK-LABEL: func.func @not_float32
// CHECK-NOT: library_call
// CHECK: arith.select
func.func @not_float32(%x: tensor<8x4xf64>, %w: tensor<4x3xf64>) -> tensor<8x3xf64> {
  %m = kiln.matmul %x, %w : (tensor<8x4xf64>, tensor<4x3xf64>) -> tensor<8x3xf64>
  %a = kiln.relu %m : (tensor<8x3xf64>) -> tensor<8x3xf64>
  return %a : tensor<8x3xf64>
}

// -----

// No post-op computes x - m, a division, or rsqrt: the add before them
// folds, they stay element-wise.
// CHECK-LABEL: func.func @no_post_op
// CHECK: library_call = "kiln_matmul_f32_r2r2_post1"} {{.*}} attrs =  {kiln_cpu.post_ops = ["add"]}
// CHECK: arith.subf
// CHECK: arith.divf
// CHECK: math.rsqrt
func.func @no_post_op(%x: tensor<8x4xf32>, %w: tensor<4x3xf32>, %b: tensor<3xf32>, %c: tensor<8x3xf32>) -> tensor<8x3xf32> {
  %m = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %h = kiln.add %m, %b : (tensor<8x3xf32>, tensor<3xf32>) -> tensor<8x3xf32>
  %d = kiln.sub %c, %h : (tensor<8x3xf32>, tensor<8x3xf32>) -> tensor<8x3xf32>
  %q = kiln.div %d, %c : (tensor<8x3xf32>, tensor<8x3xf32>) -> tensor<8x3xf32>
  %r = kiln.rsqrt %q : (tensor<8x3xf32>) -> tensor<8x3xf32>
  return %r : tensor<8x3xf32>
}

// -----

// A third operand is more than the kernels take: the chain stops folding
// there.
// CHECK-LABEL: func.func @three_operands
// CHECK: kiln_cpu.post_ops = ["add", "add"]
// CHECK: arith.addf
func.func @three_operands(%x: tensor<8x4xf32>, %w: tensor<4x3xf32>, %a: tensor<8x3xf32>, %b: tensor<8x3xf32>, %c: tensor<8x3xf32>) -> tensor<8x3xf32> {
  %m = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %s1 = kiln.add %m, %a : (tensor<8x3xf32>, tensor<8x3xf32>) -> tensor<8x3xf32>
  %s2 = kiln.add %s1, %b : (tensor<8x3xf32>, tensor<8x3xf32>) -> tensor<8x3xf32>
  %s3 = kiln.add %s2, %c : (tensor<8x3xf32>, tensor<8x3xf32>) -> tensor<8x3xf32>
  return %s3 : tensor<8x3xf32>
}

// -----

// Hand-written generics the matcher must refuse: one reads the product
// through a transposed map (not element-by-element on the kernel's output),
// one reads its own output (an accumulation, not an epilogue).
#mk = affine_map<(d0, d1, d2) -> (d0, d1)>
#kn = affine_map<(d0, d1, d2) -> (d1, d2)>
#mn = affine_map<(d0, d1, d2) -> (d0, d2)>
#id = affine_map<(d0, d1) -> (d0, d1)>
#tr = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-LABEL: func.func @refused
// CHECK-NOT: kiln_cpu.post_ops
func.func @refused(%x: tensor<4x4xf32>, %w: tensor<4x4xf32>, %init: tensor<4x4xf32>) -> (tensor<4x4xf32>, tensor<4x4xf32>) {
  %m1 = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2"}
      ins(%x, %w : tensor<4x4xf32>, tensor<4x4xf32>) outs(%init : tensor<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<4x4xf32>
  %e = tensor.empty() : tensor<4x4xf32>
  %transposed = linalg.generic {indexing_maps = [#tr, #id], iterator_types = ["parallel", "parallel"]}
      ins(%m1 : tensor<4x4xf32>) outs(%e : tensor<4x4xf32>) {
  ^bb0(%v: f32, %o: f32):
    %r = math.tanh %v : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %m2 = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2"}
      ins(%x, %w : tensor<4x4xf32>, tensor<4x4xf32>) outs(%init : tensor<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<4x4xf32>
  %accumulated = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%m2 : tensor<4x4xf32>) outs(%init : tensor<4x4xf32>) {
  ^bb0(%v: f32, %o: f32):
    %r = arith.addf %v, %o : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  return %transposed, %accumulated : tensor<4x4xf32>, tensor<4x4xf32>
}

// -----

// relu, exp and log do not fold: oneDNN's post-ops give relu(NaN) = 0 and
// exp(NaN) = +inf, and its log is an approximation (log(1) = -1.4e-6),
// where PyTorch keeps NaN and rounds correctly. The bias add before them
// still folds.
// CHECK-LABEL: func.func @nan_changing_activations
// CHECK: kiln_cpu.post_ops = ["add"]
// CHECK: arith.select
// CHECK: kiln_cpu.post_ops = ["add"]
// CHECK: math.exp
// CHECK: kiln_cpu.post_ops = ["add"]
// CHECK: math.log
func.func @nan_changing_activations(%x: tensor<8x4xf32>, %w: tensor<4x3xf32>, %b: tensor<3xf32>)
    -> (tensor<8x3xf32>, tensor<8x3xf32>, tensor<8x3xf32>) {
  %m1 = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %h1 = kiln.add %m1, %b : (tensor<8x3xf32>, tensor<3xf32>) -> tensor<8x3xf32>
  %r = kiln.relu %h1 : (tensor<8x3xf32>) -> tensor<8x3xf32>
  %m2 = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %h2 = kiln.add %m2, %b : (tensor<8x3xf32>, tensor<3xf32>) -> tensor<8x3xf32>
  %e = kiln.exp %h2 : (tensor<8x3xf32>) -> tensor<8x3xf32>
  %m3 = kiln.matmul %x, %w : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %h3 = kiln.add %m3, %b : (tensor<8x3xf32>, tensor<3xf32>) -> tensor<8x3xf32>
  %l = kiln.log %h3 : (tensor<8x3xf32>) -> tensor<8x3xf32>
  return %r, %e, %l : tensor<8x3xf32>, tensor<8x3xf32>, tensor<8x3xf32>
}
