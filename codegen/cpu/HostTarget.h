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

/// The host's target machine (position-independent code, O3 codegen).
llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine();

} // namespace kiln

#endif // KILN_CODEGEN_CPU_HOSTTARGET_H
