//===- PtxasReportTest.cpp - Reading ptxas's resource report --------------===//

#include "runtime/cuda/PtxasReport.h"

#include "gtest/gtest.h"

using namespace kiln::cuda;

namespace {

// NVRTC 13.0's log for sm_90 with -Xptxas -v -maxrregcount=24.
const char *kLog =
    "ptxas info    : Overriding maximum register limit 256 for 'clean' with  "
    "24 of maxrregcount option\n"
    "ptxas info    : 0 bytes gmem\n"
    "ptxas info    : Compiling entry function 'clean' for 'sm_90'\n"
    "ptxas info    : Function properties for clean\n"
    "ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes "
    "spill loads\n"
    "ptxas info    : Used 8 registers, used 1 barriers, 128 bytes smem\n"
    "ptxas info    : Compile time = 1.873 ms\n"
    "ptxas info    : Compiling entry function 'pressure' for 'sm_90'\n"
    "ptxas info    : Function properties for pressure\n"
    "ptxas         .     6736 bytes stack frame, 8528 bytes spill stores, "
    "10248 bytes spill loads\n"
    "ptxas info    : Used 24 registers, used 0 barriers, 6736 bytes "
    "cumulative stack size\n";

TEST(PtxasReportTest, ReadsEachKernel) {
  std::vector<KernelResources> kernels = parsePtxasReport(kLog);
  ASSERT_EQ(kernels.size(), 2u);
  EXPECT_EQ(kernels[0].name, "clean");
  EXPECT_EQ(kernels[0].registers, 8u);
  EXPECT_EQ(kernels[0].barriers, 1u);
  EXPECT_EQ(kernels[0].sharedBytes, 128u);
  EXPECT_FALSE(kernels[0].usesLocalMemory());
  EXPECT_EQ(kernels[1].name, "pressure");
  EXPECT_EQ(kernels[1].registers, 24u);
  EXPECT_EQ(kernels[1].sharedBytes, 0u);
  EXPECT_EQ(kernels[1].stackFrameBytes, 6736u);
  EXPECT_EQ(kernels[1].spillStoreBytes, 8528u);
  EXPECT_EQ(kernels[1].spillLoadBytes, 10248u);
  EXPECT_TRUE(kernels[1].usesLocalMemory());
}

TEST(PtxasReportTest, LogWithoutReportHasNoKernels) {
  EXPECT_TRUE(parsePtxasReport("").empty());
  EXPECT_TRUE(parsePtxasReport("warning: something\n").empty());
}

} // namespace
