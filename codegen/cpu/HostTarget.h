//===- HostTarget.h - The LLVM target machine of this host ------*- C++ -*-===//
//
/// The JIT and `kiln compile` optimize and emit code for the same machine:
/// the host's CPU with every feature LLVM detects (AVX-512 where present),
/// so LLVM's vectorizer sizes loops for the host's SIMD width.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CPU_HOSTTARGET_H
#define KILN_CODEGEN_CPU_HOSTTARGET_H

#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>

namespace kiln {

/// Where the generated code goes.
enum class HostCodeUse {
  /// Into the JIT, which maps each model's arena itself.
  Jit,
  /// Into an object file (`kiln compile --emit obj`), linked into programs
  /// Kiln does not see.
  ObjectFile,
};

/// The host's target machine (position-independent code, O3 codegen). For
/// object files on x86-64 it uses the medium code model: data larger than
/// 64 KiB (a model's arena, large constants) goes into the large-data
/// sections and is addressed with 64 bits, so an object whose arena passes
/// 2 GB still links; code and small data stay as fast as before.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createHostTargetMachine(HostCodeUse use);

} // namespace kiln

#endif // KILN_CODEGEN_CPU_HOSTTARGET_H
