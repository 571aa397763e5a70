// One kernel of each class the CUDA code generator emits (issue 14), written
// by hand in its style: static shapes, launch bounds, extern "C" names. The
// lit test compiles them for sm_90 and checks ptxas reports no local memory.

#define KILN_WARP 32

__device__ __forceinline__ float kiln_warp_sum(float v) {
#pragma unroll
  for (int offset = KILN_WARP / 2; offset > 0; offset /= 2)
    v += __shfl_xor_sync(0xffffffffu, v, offset);
  return v;
}

__device__ __forceinline__ float kiln_warp_max(float v) {
#pragma unroll
  for (int offset = KILN_WARP / 2; offset > 0; offset /= 2)
    v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, offset));
  return v;
}

// Pointwise: tanh(x * w + b) over 2^20 elements, float4 grid-stride.
extern "C" __global__ void __launch_bounds__(256)
pointwise_tanh_fma(const float *__restrict__ x, const float *__restrict__ w,
                   const float *__restrict__ b, float *__restrict__ y) {
  const int n4 = (1 << 20) / 4;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n4;
       i += gridDim.x * blockDim.x) {
    float4 xv = reinterpret_cast<const float4 *>(x)[i];
    float4 wv = reinterpret_cast<const float4 *>(w)[i];
    float4 bv = reinterpret_cast<const float4 *>(b)[i];
    float4 r;
    r.x = tanhf(xv.x * wv.x + bv.x);
    r.y = tanhf(xv.y * wv.y + bv.y);
    r.z = tanhf(xv.z * wv.z + bv.z);
    r.w = tanhf(xv.w * wv.w + bv.w);
    reinterpret_cast<float4 *>(y)[i] = r;
  }
}

// Innermost-axis reduction, one warp per row: softmax over 1024 rows of 512.
extern "C" __global__ void __launch_bounds__(256)
row_softmax(const float *__restrict__ x, float *__restrict__ y) {
  const int cols = 512, rows = 1024;
  int row = blockIdx.x * (blockDim.x / KILN_WARP) + threadIdx.x / KILN_WARP;
  int lane = threadIdx.x % KILN_WARP;
  if (row >= rows)
    return;
  const float *in = x + row * cols;
  float m = -__int_as_float(0x7f800000);
  for (int c = lane; c < cols; c += KILN_WARP)
    m = fmaxf(m, in[c]);
  m = kiln_warp_max(m);
  float s = 0.0f;
  for (int c = lane; c < cols; c += KILN_WARP)
    s += expf(in[c] - m);
  s = kiln_warp_sum(s);
  for (int c = lane; c < cols; c += KILN_WARP)
    y[row * cols + c] = expf(in[c] - m) / s;
}

// Innermost-axis reduction, one block per row: layer-norm statistics over
// rows of 4096, warp sums combined in shared memory.
extern "C" __global__ void __launch_bounds__(512)
row_mean_rstd(const float *__restrict__ x, float *__restrict__ mean,
              float *__restrict__ rstd) {
  const int cols = 4096;
  __shared__ float partial[2][512 / KILN_WARP];
  const float *in = x + blockIdx.x * cols;
  float s = 0.0f, q = 0.0f;
  for (int c = threadIdx.x; c < cols; c += blockDim.x) {
    float v = in[c];
    s += v;
    q += v * v;
  }
  s = kiln_warp_sum(s);
  q = kiln_warp_sum(q);
  int warp = threadIdx.x / KILN_WARP, lane = threadIdx.x % KILN_WARP;
  if (lane == 0) {
    partial[0][warp] = s;
    partial[1][warp] = q;
  }
  __syncthreads();
  if (warp == 0) {
    s = lane < 512 / KILN_WARP ? partial[0][lane] : 0.0f;
    q = lane < 512 / KILN_WARP ? partial[1][lane] : 0.0f;
    s = kiln_warp_sum(s);
    q = kiln_warp_sum(q);
    if (lane == 0) {
      float mu = s / cols;
      mean[blockIdx.x] = mu;
      rstd[blockIdx.x] = rsqrtf(q / cols - mu * mu + 1e-5f);
    }
  }
}

// Other reductions, two deterministic stages (no float atomics): the sum
// over the outer axis of a [65536, 64] tensor. Stage 1: each block sums a
// fixed slice of rows per column; stage 2 sums the blocks' partials in
// order.
extern "C" __global__ void __launch_bounds__(256)
column_sum_stage1(const float *__restrict__ x, float *__restrict__ partials) {
  const int rows = 65536, cols = 64, slices = 128;
  const int rowsPerSlice = rows / slices;
  __shared__ float tile[256 / 64][64];
  int col = threadIdx.x % cols, lane = threadIdx.x / cols;
  float s = 0.0f;
  for (int r = blockIdx.x * rowsPerSlice + lane;
       r < (blockIdx.x + 1) * rowsPerSlice; r += 256 / cols)
    s += x[r * cols + col];
  tile[lane][col] = s;
  __syncthreads();
  if (lane == 0) {
#pragma unroll
    for (int l = 1; l < 256 / 64; ++l)
      s += tile[l][col];
    partials[blockIdx.x * cols + col] = s;
  }
}

extern "C" __global__ void __launch_bounds__(64)
column_sum_stage2(const float *__restrict__ partials, float *__restrict__ y) {
  const int cols = 64, slices = 128;
  float s = 0.0f;
  for (int b = 0; b < slices; ++b)
    s += partials[b * cols + threadIdx.x];
  y[threadIdx.x] = s;
}
