// Holds 48 values live through a 48x48 product: under -maxrregcount=24
// ptxas must spill, so the resource check has something to reject.
extern "C" __global__ void pressure(float *x) {
  float v[48];
#pragma unroll
  for (int j = 0; j < 48; j++)
    v[j] = x[j * blockDim.x + threadIdx.x];
  float s = 0;
#pragma unroll
  for (int j = 0; j < 48; j++)
    for (int k = 0; k < 48; k++)
      s += v[j] * v[k] * (j + k);
  x[threadIdx.x] = s;
}

extern "C" __global__ void clean(float *x) { x[threadIdx.x] *= 2.0f; }
