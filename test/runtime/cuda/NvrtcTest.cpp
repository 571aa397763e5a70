//===- NvrtcTest.cpp - CUDA C to PTX and cubins with NVRTC ----------------===//
//
/// Needs NVRTC, not a GPU; skipped where NVRTC cannot be loaded.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/Nvrtc.h"

#include "gtest/gtest.h"

using namespace kiln::cuda;

namespace {

class NvrtcTest : public testing::Test {
protected:
  void SetUp() override {
    llvm::Expected<std::string> version = getNvrtcVersion();
    if (!version)
      GTEST_SKIP() << llvm::toString(version.takeError());
  }
};

const CudaSource kScale = {"scale", R"(
#include <cuda_fp16.h>
extern "C" __global__ void scale(float *x) {
  __shared__ float tile[32];
  tile[threadIdx.x] = x[threadIdx.x];
  __syncthreads();
  x[threadIdx.x] = tile[31 - threadIdx.x] * 2.0f;
}
)"};

TEST_F(NvrtcTest, CompilesSassForAKnownArch) {
  llvm::Expected<NvrtcOutput> output = compileWithNvrtc(kScale, "sm_90");
  ASSERT_TRUE(bool(output)) << llvm::toString(output.takeError());
  EXPECT_NE(output->ptx.find(".entry scale"), std::string::npos);
  EXPECT_NE(output->ptx.find(".target sm_90"), std::string::npos);
  ASSERT_GE(output->cubin.size(), 4u);
  EXPECT_EQ(output->cubin.substr(0, 4), "\x7f"
                                        "ELF");
  // NUL terminators are not part of the text.
  EXPECT_EQ(output->ptx.find('\0'), std::string::npos);
}

TEST_F(NvrtcTest, PtxasReportsResourcesWhenAsked) {
  llvm::Expected<NvrtcOutput> output =
      compileWithNvrtc(kScale, "sm_90", {"-Xptxas", "-v"});
  ASSERT_TRUE(bool(output)) << llvm::toString(output.takeError());
  EXPECT_NE(output->log.find("0 bytes spill stores"), std::string::npos)
      << output->log;
  EXPECT_NE(output->log.find("128 bytes smem"), std::string::npos)
      << output->log;
}

TEST_F(NvrtcTest, FallsBackToPtxForAnArchNvrtcDoesNotKnow) {
  llvm::Expected<NvrtcOutput> output = compileWithNvrtc(kScale, "sm_990");
  ASSERT_TRUE(bool(output)) << llvm::toString(output.takeError());
  EXPECT_TRUE(output->cubin.empty());
  EXPECT_NE(output->ptx.find(".entry scale"), std::string::npos);
  EXPECT_EQ(output->ptx.find(".target sm_990"), std::string::npos);
}

TEST_F(NvrtcTest, RejectsWhatIsNotAnArch) {
  llvm::Expected<NvrtcOutput> output = compileWithNvrtc(kScale, "compute90");
  ASSERT_FALSE(bool(output));
  EXPECT_EQ(llvm::toString(output.takeError()),
            "not a CUDA architecture: 'compute90' (expected sm_XY, like "
            "sm_90)");
}

TEST_F(NvrtcTest, RejectsAnArchOlderThanNvrtcKnows) {
  llvm::Expected<NvrtcOutput> output = compileWithNvrtc(kScale, "sm_20");
  ASSERT_FALSE(bool(output));
  std::string message = llvm::toString(output.takeError());
  EXPECT_NE(message.find("cannot compile for sm_20 (it knows sm_"),
            std::string::npos)
      << message;
}

TEST_F(NvrtcTest, ErrorShowsProgramOptionsLogAndNumberedSource) {
  CudaSource broken = {"broken_model", "extern \"C\" __global__ void f() {\n"
                                       "  undeclared = 1;\n"
                                       "}\n"};
  llvm::Expected<NvrtcOutput> output =
      compileWithNvrtc(broken, "sm_90", {"-DKILN_TEST=1"});
  ASSERT_FALSE(bool(output));
  std::string message = llvm::toString(output.takeError());
  EXPECT_NE(message.find("cannot compile CUDA program 'broken_model' for "
                         "sm_90: NVRTC_ERROR_COMPILATION"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("options: -std=c++17 --gpu-architecture=sm_90"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find(" -DKILN_TEST=1"), std::string::npos) << message;
  EXPECT_NE(message.find("broken_model.cu(2): error: identifier "
                         "\"undeclared\" is undefined"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("    2 |   undeclared = 1;"), std::string::npos)
      << message;
}

TEST_F(NvrtcTest, VersionIsMajorDotMinor) {
  std::string version = llvm::cantFail(getNvrtcVersion());
  EXPECT_NE(version.find('.'), std::string::npos);
  EXPECT_EQ(version.find_first_not_of("0123456789."), std::string::npos);
}

} // namespace
