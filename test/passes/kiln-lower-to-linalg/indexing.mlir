// RUN: kiln-opt %s --kiln-lower-to-linalg | FileCheck %s
// Indexing ops: gathers are generics that extract at computed (wrapped) coordinates, scatters scf.for nests inserting into a copy of the input,
// cumsum an scf.for carrying one slice's running sum (float64 for float32), topk two generics (ranks, then picks), tile and flip generics with affine maps.

// The maps of tile (copies read at the inner indices) and flip (reversed index).
// CHECK-DAG: #[[TILE_IN:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3)>
// CHECK-DAG: #[[FLIP_IN:.*]] = affine_map<(d0, d1) -> (d0, -d1 + 2)>

// CHECK-LABEL: func.func @take
// CHECK: linalg.generic
// CHECK: %[[RAW:.*]] = tensor.extract %{{.*}}[%{{.*}}] : tensor<2xi64>
// CHECK-DAG: %[[UP:.*]] = arith.addi %[[RAW]], %c5_i64
// CHECK-DAG: %[[NEG:.*]] = arith.cmpi slt, %[[RAW]], %c0_i64
// CHECK: %[[W:.*]] = arith.select %[[NEG]], %[[UP]], %[[RAW]] : i64
// CHECK: %[[OK:.*]] = arith.cmpi ult, %[[W]], %c5_i64
// CHECK: scf.if
// CHECK: func.call @kiln_index_error(%{{.*}}, %[[RAW]], %c5_i64)
// CHECK: %[[SAFE:.*]] = arith.select %[[OK]], %[[W]], %c0_i64
// CHECK: %[[I:.*]] = arith.index_cast %[[SAFE]] : i64 to index
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %[[I]]] : tensor<3x5xf32>
func.func @take(%x: tensor<3x5xf32>, %i: tensor<2xi64>) -> tensor<3x2xf32> {
  %0 = kiln.take %x, %i axis 1 : (tensor<3x5xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @scatter
// CHECK: %[[COPY:.*]] = linalg.copy ins(%arg0 : tensor<3xf32>)
// CHECK: scf.for %{{.*}} = %c0 to %c2 step %c1 iter_args(%[[ACC:.*]] = %[[COPY]])
// CHECK: %[[OLD:.*]] = tensor.extract %[[ACC]]
// CHECK: %[[NEW:.*]] = arith.addf %[[OLD]]
// CHECK: tensor.insert %[[NEW]] into %[[ACC]]
func.func @scatter(%x: tensor<3xf32>, %i: tensor<2xi64>, %s: tensor<2xf32>) -> tensor<3xf32> {
  %0 = kiln.scatter %x, %i, %s dim 0 reduce <add> : (tensor<3xf32>, tensor<2xi64>, tensor<2xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// A float32 running sum is float64 (PyTorch's CPU cumsum accumulates in
// double), each prefix rounded to float32 as it is stored.
// CHECK-LABEL: func.func @cumsum
// CHECK: scf.for %[[K:.*]] = %c0 to %c3 step %c1 iter_args(%{{.*}} = %{{.*}}, %[[SUM:.*]] = %{{.*}}) -> (tensor<2x3xf32>, tensor<2x1xf64>)
// CHECK: tensor.extract_slice %arg0[0, %[[K]]] [2, 1] [1, 1]
// CHECK: linalg.generic {{.*}} outs(%[[SUM]] : tensor<2x1xf64>)
// CHECK: arith.extf
// CHECK: arith.addf {{.*}} : f64
// CHECK: arith.truncf
// CHECK: tensor.insert_slice
func.func @cumsum(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.cumsum %x dim 1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @topk
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]{{.*}} outs(%{{.*}} : tensor<5xi64>)
// CHECK: arith.cmpf ogt
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]{{.*}} outs(%{{.*}}, %{{.*}} : tensor<2xf32>, tensor<2xi64>)
func.func @topk(%x: tensor<5xf32>) -> (tensor<2xf32>, tensor<2xi64>) {
  %v, %i = kiln.topk %x k 2 dim 0 : (tensor<5xf32>) -> (tensor<2xf32>, tensor<2xi64>)
  return %v, %i : tensor<2xf32>, tensor<2xi64>
}

// CHECK-LABEL: func.func @tile
// CHECK: linalg.generic {indexing_maps = [#[[TILE_IN]], {{.*}}]{{.*}} outs(%{{.*}} : tensor<2x2x1x3xf32>)
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0, 1], [2, 3]] : tensor<2x2x1x3xf32> into tensor<4x3xf32>
func.func @tile(%x: tensor<2x3xf32>) -> tensor<4x3xf32> {
  %0 = kiln.tile %x [2, 1] : (tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @flip
// CHECK: linalg.generic {indexing_maps = [#[[FLIP_IN]],
func.func @flip(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.flip %x [1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
