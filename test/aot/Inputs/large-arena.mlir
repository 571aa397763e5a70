// A model whose intermediates need a 2.4 GB arena (two 1.2 GB buffers that
// a cumsum cannot fuse away), for large-arena.test.
func.func @large(%x: tensor<1xf32> {kiln.input = "x"})
    -> (tensor<1xf32> {kiln.output = "last"}) {
  %0 = kiln.expand %x [300000000] : (tensor<1xf32>) -> tensor<300000000xf32>
  %1 = kiln.cumsum %0 dim 0 : (tensor<300000000xf32>) -> tensor<300000000xf32>
  %2 = kiln.slice %1 dim 0 [299999999 : 300000000 : 1] : (tensor<300000000xf32>) -> tensor<1xf32>
  return %2 : tensor<1xf32>
}
