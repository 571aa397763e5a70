// Every torch.matmul case of seed 004. Integer tensors are int64, as
// torch.tensor makes them; the shape-only cases use seeded random tensors.
func.func @matmul_cases() -> (
    tensor<2xi64> {kiln.output = "matrix_vector"},        // [17, 39]
    tensor<i64> {kiln.output = "dot"},                    // 54
    tensor<2xi64> {kiln.output = "matrix_by_1d"},         // [5, 11]
    tensor<2xi64> {kiln.output = "1d_by_matrix"},         // [7, 10]
    tensor<5x3xf32> {kiln.output = "batched_vector"},     // [5, 3]
    tensor<5x3x5xf32> {kiln.output = "batched_batched"},  // [5, 3, 5]
    tensor<5x3x5xf32> {kiln.output = "batched_matrix"},   // [5, 3, 5]
    tensor<4x4xi64> {kiln.output = "t_times_t_t"},        // [[26, 58, 90, 122], ...650]]
    tensor<i64> {kiln.output = "t_sum"},                  // 104
    tensor<4x4xi64> {kiln.output = "t_times_t"}) {        // [[1, 0, 9, 16], ...256]]
  %a = kiln.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>
  %x = kiln.constant dense<[5, 6]> : tensor<2xi64>
  %matrix_vector = kiln.matmul %a, %x : (tensor<2x2xi64>, tensor<2xi64>) -> tensor<2xi64>

  %u = kiln.constant dense<[4, 9, 3]> : tensor<3xi64>
  %v = kiln.constant dense<[0, 3, 9]> : tensor<3xi64>
  %dot = kiln.matmul %u, %v : (tensor<3xi64>, tensor<3xi64>) -> tensor<i64>

  %e = kiln.constant dense<[1, 2]> : tensor<2xi64>
  %matrix_by_1d = kiln.matmul %a, %e : (tensor<2x2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %by_matrix = kiln.matmul %e, %a : (tensor<2xi64>, tensor<2x2xi64>) -> tensor<2xi64>

  %g0 = kiln.manual_seed 0
  %b534, %g1 = kiln.randn %g0 : tensor<5x3x4xf32>
  %b4, %g2 = kiln.randn %g1 : tensor<4xf32>
  %b545, %g3 = kiln.randn %g2 : tensor<5x4x5xf32>
  %b45, %g4 = kiln.randn %g3 : tensor<4x5xf32>
  %batched_vector = kiln.matmul %b534, %b4 : (tensor<5x3x4xf32>, tensor<4xf32>) -> tensor<5x3xf32>
  %batched_batched = kiln.matmul %b534, %b545 : (tensor<5x3x4xf32>, tensor<5x4x5xf32>) -> tensor<5x3x5xf32>
  %batched_matrix = kiln.matmul %b534, %b45 : (tensor<5x3x4xf32>, tensor<4x5xf32>) -> tensor<5x3x5xf32>

  %t = kiln.constant dense<[[1, 0, 3, 4], [5, 0, 7, 8], [9, 0, 11, 12], [13, 0, 15, 16]]> : tensor<4x4xi64>
  %t_t = kiln.transpose %t 0, 1 : (tensor<4x4xi64>) -> tensor<4x4xi64>
  %t_times_t_t = kiln.matmul %t, %t_t : (tensor<4x4xi64>, tensor<4x4xi64>) -> tensor<4x4xi64>
  %t_sum = kiln.sum %t : (tensor<4x4xi64>) -> tensor<i64>
  %t_times_t = kiln.mul %t, %t : (tensor<4x4xi64>, tensor<4x4xi64>) -> tensor<4x4xi64>

  return %matrix_vector, %dot, %matrix_by_1d, %by_matrix, %batched_vector,
         %batched_batched, %batched_matrix, %t_times_t_t, %t_sum, %t_times_t
      : tensor<2xi64>, tensor<i64>, tensor<2xi64>, tensor<2xi64>, tensor<5x3xf32>,
        tensor<5x3x5xf32>, tensor<5x3x5xf32>, tensor<4x4xi64>, tensor<i64>, tensor<4x4xi64>
}
