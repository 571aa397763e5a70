//===- EmulatorBackendTest.cpp - The CPU emulator of CUDA -----------------===//
//
// Hand-written CUDA C on the EmulatorBackend: shared memory and barriers,
// warp shuffles, and the errors the emulator exists to show (a missing or
// divergent barrier, an access outside device memory).
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/emulator/EmulatorBackend.h"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

using namespace kiln::cuda;

namespace {

/// Checked device accesses, as the code generator's kiln_at makes them.
constexpr const char *kPrelude =
    "#define AT(p, i) (*KILN_CHECKED_ACCESS((p) + (i)))\n";

class EmulatorTest : public ::testing::Test {
protected:
  void load(const std::string &source) {
    llvm::Error error =
        backend.loadProgram({"emulator_test", kPrelude + source});
    ASSERT_FALSE(error) << llvm::toString(std::move(error));
  }

  DevicePtr upload(const std::vector<float> &values) {
    auto pointer = backend.allocate(values.size() * sizeof(float));
    EXPECT_TRUE(bool(pointer));
    llvm::cantFail(backend.copyToDevice(*pointer, values.data(),
                                        values.size() * sizeof(float)));
    return *pointer;
  }

  std::vector<float> download(DevicePtr pointer, size_t count) {
    std::vector<float> values(count);
    llvm::cantFail(
        backend.copyToHost(values.data(), pointer, count * sizeof(float)));
    return values;
  }

  /// The message of the launch's error, or "" when it succeeded.
  std::string launch(const char *kernel, unsigned blocks, unsigned threads,
                     std::vector<DevicePtr> arguments) {
    llvm::Error error = backend.launch(kernel, {blocks, 1, 1}, {threads, 1, 1},
                                       0, arguments);
    return error ? llvm::toString(std::move(error)) : "";
  }

  EmulatorBackend backend;
};

// Each block sums its 256 inputs in shared memory, halving the active
// threads after each barrier.
TEST_F(EmulatorTest, SharedMemoryTreeSum) {
  load(R"(
extern "C" __global__ void tree_sum(float *in, float *out) {
  __shared__ float partial[256];
  unsigned t = threadIdx.x;
  partial[t] = AT(in, blockIdx.x * blockDim.x + t);
  __syncthreads();
  for (unsigned half = blockDim.x / 2; half > 0; half /= 2) {
    if (t < half)
      partial[t] += partial[t + half];
    __syncthreads();
  }
  if (t == 0)
    AT(out, blockIdx.x) = partial[0];
}
)");
  std::vector<float> input(4 * 256);
  std::iota(input.begin(), input.end(), 0.0f);
  DevicePtr in = upload(input), out = upload(std::vector<float>(4));
  EXPECT_EQ(launch("tree_sum", 4, 256, {in, out}), "");
  for (unsigned block = 0; block < 4; ++block) {
    float expected = 0;
    for (unsigned i = 0; i < 256; ++i)
      expected += input[block * 256 + i];
    EXPECT_EQ(download(out, 4)[block], expected) << "block " << block;
  }
}

// Sums within each warp through __shfl_down_sync, and broadcasts the
// maximum through __shfl_xor_sync's butterfly.
TEST_F(EmulatorTest, WarpShuffles) {
  load(R"(
extern "C" __global__ void warp_ops(float *in, float *sums, float *maxima) {
  unsigned t = threadIdx.x;
  float value = AT(in, t), sum = value, maximum = value;
  for (int offset = 16; offset > 0; offset /= 2) {
    sum += __shfl_down_sync(0xffffffffu, sum, offset);
    maximum = fmaxf(maximum, __shfl_xor_sync(0xffffffffu, maximum, offset));
  }
  if (t % 32 == 0)
    AT(sums, t / 32) = sum;
  AT(maxima, t) = maximum;
}
)");
  std::vector<float> input(64);
  for (size_t i = 0; i < input.size(); ++i)
    input[i] = float((i * 37) % 64);
  DevicePtr in = upload(input), sums = upload(std::vector<float>(2)),
            maxima = upload(std::vector<float>(64));
  EXPECT_EQ(launch("warp_ops", 1, 64, {in, sums, maxima}), "");
  std::vector<float> sumValues = download(sums, 2),
                     maxValues = download(maxima, 64);
  for (unsigned warp = 0; warp < 2; ++warp) {
    float sum = 0, maximum = 0;
    for (unsigned i = warp * 32; i < warp * 32 + 32; ++i) {
      sum += input[i];
      maximum = std::max(maximum, input[i]);
    }
    EXPECT_EQ(sumValues[warp], sum);
    for (unsigned i = warp * 32; i < warp * 32 + 32; ++i)
      EXPECT_EQ(maxValues[i], maximum) << "thread " << i;
  }
}

// Each thread reads its neighbour's shared slot. With the barrier every
// thread sees its neighbour's value; without it, the permuted thread order
// runs some reader before its neighbour wrote.
TEST_F(EmulatorTest, MissingBarrierShows) {
  load(R"(
extern "C" __global__ void rotate(float *out, float *synchronized) {
  __shared__ float slots[128];
  unsigned t = threadIdx.x;
  slots[t] = -1.0f;
  __syncthreads();
  slots[t] = float(t);
  if (AT(synchronized, 0) != 0.0f)
    __syncthreads();
  AT(out, t) = slots[(t + 1) % blockDim.x];
}
)");
  for (float synchronized : {1.0f, 0.0f}) {
    DevicePtr out = upload(std::vector<float>(128)),
              flag = upload({synchronized});
    EXPECT_EQ(launch("rotate", 1, 128, {out, flag}), "");
    std::vector<float> values = download(out, 128);
    size_t stale = 0;
    for (unsigned t = 0; t < 128; ++t)
      stale += values[t] != float((t + 1) % 128);
    if (synchronized != 0.0f)
      EXPECT_EQ(stale, 0u);
    else
      EXPECT_GT(stale, 0u);
  }
}

TEST_F(EmulatorTest, DivergentBarrierIsAnError) {
  load(R"(
extern "C" __global__ void divergent(float *out) {
  if (threadIdx.x < 16)
    __syncthreads();
  AT(out, threadIdx.x) = 1.0f;
}
)");
  DevicePtr out = upload(std::vector<float>(64));
  std::string error = launch("divergent", 1, 64, {out});
  EXPECT_NE(error.find("kernel 'divergent': __syncthreads() not reached by "
                       "every thread"),
            std::string::npos)
      << error;
}

TEST_F(EmulatorTest, OutOfBoundsAccessIsAnError) {
  load(R"(
extern "C" __global__ void overrun(float *out) {
  AT(out, threadIdx.x) = 2.0f;
}
)");
  DevicePtr out = upload(std::vector<float>(32));
  EXPECT_EQ(launch("overrun", 1, 32, {out}), "");
  std::string error = launch("overrun", 1, 33, {out});
  EXPECT_NE(error.find("kernel 'overrun': out-of-bounds access of 4 bytes"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("thread (32, 0, 0) of block (0, 0, 0)"),
            std::string::npos)
      << error;
}

TEST_F(EmulatorTest, CopyOutsideDeviceMemoryIsAnError) {
  DevicePtr buffer = upload(std::vector<float>(4));
  float host[5] = {};
  llvm::Error error = backend.copyToHost(host, buffer, sizeof host);
  ASSERT_TRUE(bool(error));
  EXPECT_NE(llvm::toString(std::move(error)).find("outside device memory"),
            std::string::npos);
}

TEST_F(EmulatorTest, CompileErrorShowsTheCompilersMessage) {
  llvm::Error error = backend.loadProgram(
      {"broken", "extern \"C\" __global__ void k() { undeclared(); }\n"});
  ASSERT_TRUE(bool(error));
  std::string message = llvm::toString(std::move(error));
  EXPECT_NE(message.find("compiling 'broken' for the host failed"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("broken.cu:1"), std::string::npos) << message;
}

TEST_F(EmulatorTest, UnknownKernelIsAnError) {
  load("extern \"C\" __global__ void present() {}\n");
  EXPECT_NE(launch("absent", 1, 1, {}).find("has no kernel 'absent'"),
            std::string::npos);
}

} // namespace
