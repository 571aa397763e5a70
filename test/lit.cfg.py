# lit configuration for Kiln: IR, pass, example and docs tests run through
# kiln-opt and FileCheck.
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "Kiln"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.kiln_obj_root, "test")
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "unit", "Inputs", "lit.local.cfg"]

config.substitutions.append(("%kiln_src_root", config.kiln_src_root))
config.substitutions.append(("%kiln_obj_root", config.kiln_obj_root))
# The compiler Kiln was built with, for projects that link its static
# libraries (their sanitizer runtimes are the compiler's own).
config.substitutions.append(("%kiln_cxx_compiler", config.kiln_cxx_compiler))
# A program that links an AOT object: compile with %kiln_cxx, link
# %kiln_runtime_libs after the object.
config.substitutions.append(("%kiln_cxx", config.kiln_cxx))
config.substitutions.append(("%kiln_runtime_libs", config.kiln_runtime_libs))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
# Sanitized builds: leaks in LLVM's global state are not ours to report.
llvm_config.with_system_environment(["ASAN_OPTIONS", "UBSAN_OPTIONS"])

# %limit_memory caps what the commands after it may allocate at about 400 MB,
# so that a reader allocating a size its file claims fails the test: with
# ulimit -v, or under AddressSanitizer (which reserves terabytes of address
# space) with its own per-allocation limit. Scope it in a subshell.
if config.kiln_sanitizers:
    config.substitutions.append(("%limit_memory", "export ASAN_OPTIONS=$ASAN_OPTIONS:max_allocation_size_mb=400"))
else:
    config.substitutions.append(("%limit_memory", "ulimit -v 400000"))

# The reference: Debian's python3-torch, importable only from /usr/bin/python3
# (another python3 may come first on PATH).
config.substitutions.append(("%torch_python", "/usr/bin/python3"))

# `--param kiln_device=DEVICE` reruns every model the tests run on DEVICE
# (KILN_DEVICE, the kiln tool's default device): the cuda-emulator twin of
# the suite (test/CMakeLists.txt). Tests of one device's own behaviour
# (`REQUIRES: cpu-device`) stay out of it.
kiln_device = lit_config.params.get("kiln_device", "cpu")
config.environment["KILN_DEVICE"] = kiln_device
if kiln_device == "cpu":
    config.available_features.add("cpu-device")
# The cuda-emulator's compiled programs are cached in the build tree.
config.environment["KILN_CACHE_DIR"] = os.path.join(
    config.kiln_obj_root, "test", "kiln-cache")

# cuda-runtime: the build has runtime/cuda (KILN_ENABLE_CUDA). nvrtc: NVRTC
# loads here, found as runtime/cuda/NvrtcLibrary.cpp finds it, so the tests
# that compile CUDA C run where the toolkit is and are skipped elsewhere.
if config.kiln_enable_cuda:
    config.available_features.add("cuda-runtime")

    def nvrtc_loads():
        import ctypes
        for name in ["libnvrtc.so.13", "libnvrtc.so",
                     "/usr/local/cuda/lib64/libnvrtc.so.13",
                     "/usr/local/cuda/lib64/libnvrtc.so"]:
            try:
                ctypes.CDLL(name)
                return True
            except OSError:
                pass
        return False

    if nvrtc_loads():
        config.available_features.add("nvrtc")

    # kiln-gpu-smoke, which scripts/gpu-check.sh runs (not in sanitized
    # builds), and the tests' fake driver.
    if os.path.exists(os.path.join(config.kiln_obj_root, "bin", "kiln-gpu-smoke")):
        config.available_features.add("gpu-smoke")
    config.substitutions.append(("%fake_cuda_driver", os.path.join(
        config.kiln_obj_root, "test", "runtime", "cuda", "libkiln-fake-cuda-driver.so")))

    # The toolkit's stub driver, to check what a machine without a real
    # driver but with the toolkit's stub says.
    cuda_stub = "/usr/local/cuda/lib64/stubs/libcuda.so"
    if os.path.exists(cuda_stub):
        config.available_features.add("cuda-stub")
        config.substitutions.append(("%cuda_stub", cuda_stub))

tool_dirs = [os.path.join(config.kiln_obj_root, "bin"), config.llvm_tools_dir]
llvm_config.add_tool_substitutions(["kiln-opt"], tool_dirs)
