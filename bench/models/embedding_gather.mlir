// Indexing with data, for the cost of the run-time index checks
// (docs/performance.md, "Run-time index checks"): an embedding lookup
// (index_select of 16384 rows of a 4096 x 128 table) and a gather along
// the rows, each reduced so the output stays small. kiln-bench fills the
// int64 inputs with zeros: every index is in range and the checks never
// fire, which is the case whose cost matters.
func.func @embedding_gather(
    %table: tensor<4096x128xf32> {kiln.input = "table"},
    %ids: tensor<16384xi64> {kiln.input = "ids"},
    %picks: tensor<4096x128xi64> {kiln.input = "picks"})
    -> (tensor<16384xf32> {kiln.output = "pooled"},
        tensor<4096xf32> {kiln.output = "picked"}) {
  %rows = kiln.index_select %table, %ids dim 0 : (tensor<4096x128xf32>, tensor<16384xi64>) -> tensor<16384x128xf32>
  %pooled = kiln.sum %rows dim [1] : (tensor<16384x128xf32>) -> tensor<16384xf32>
  %g = kiln.gather %table, %picks dim 1 : (tensor<4096x128xf32>, tensor<4096x128xi64>) -> tensor<4096x128xf32>
  %picked = kiln.sum %g dim [1] : (tensor<4096x128xf32>) -> tensor<4096xf32>
  return %pooled, %picked : tensor<16384xf32>, tensor<4096xf32>
}
