//===- ScalarOps.cpp - arith and math ops as CUDA C expressions -----------===//

#include "codegen/cuda/ScalarOps.h"
#include "codegen/cuda/CTypes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

namespace kiln::cuda {

namespace {

using Operands = ArrayRef<std::string>;

std::string paren(const std::string &text) { return "(" + text + ")"; }

std::string castTo(const std::string &type, const std::string &value) {
  return "((" + type + ")" + paren(value) + ")";
}

/// An integer's bits as an unsigned value at least 32 bits wide, in which
/// +, - and * wrap (narrower types would promote to a signed int).
std::string wide(Type type, const std::string &value) {
  unsigned width = getBitWidth(type);
  std::string exact = castTo(getUnsignedCType(type), value);
  return width < 32 ? castTo("u32", exact) : exact;
}

/// Wrapping arithmetic's result back in `type` (i1 keeps the low bit).
std::string narrow(Type type, const std::string &value) {
  if (type.isInteger(1))
    return "((bool)(" + value + " & 1u))";
  return castTo(*getCType(type), value);
}

/// An integer as a signed number (an i1's true is -1).
std::string asSigned(Type type, const std::string &value) {
  return type.isInteger(1) ? "(-(i32)" + paren(value) + ")" : paren(value);
}

/// The largest shift amount kept for `type`'s wide value: LLVM leaves a
/// larger one poison; C would leave it undefined.
std::string shiftMask(Type type) {
  return getBitWidth(type) <= 32 ? "31" : "63";
}

std::optional<std::string> translateCmpF(arith::CmpFOp op, Operands x) {
  const std::string &a = x[0], &b = x[1];
  auto both = [&](const char *infix) { return paren(a + infix + b); };
  std::string unordered = "(" + a + " != " + a + " || " + b + " != " + b + ")";
  switch (op.getPredicate()) {
  case arith::CmpFPredicate::AlwaysFalse:
    return "false";
  case arith::CmpFPredicate::AlwaysTrue:
    return "true";
  case arith::CmpFPredicate::OEQ:
    return both(" == ");
  case arith::CmpFPredicate::OGT:
    return both(" > ");
  case arith::CmpFPredicate::OGE:
    return both(" >= ");
  case arith::CmpFPredicate::OLT:
    return both(" < ");
  case arith::CmpFPredicate::OLE:
    return both(" <= ");
  case arith::CmpFPredicate::ONE:
    return "(" + a + " < " + b + " || " + a + " > " + b + ")";
  case arith::CmpFPredicate::ORD:
    return "!" + unordered;
  case arith::CmpFPredicate::UEQ:
    return "!(" + a + " < " + b + " || " + a + " > " + b + ")";
  case arith::CmpFPredicate::UGT:
    return "!" + both(" <= ");
  case arith::CmpFPredicate::UGE:
    return "!" + both(" < ");
  case arith::CmpFPredicate::ULT:
    return "!" + both(" >= ");
  case arith::CmpFPredicate::ULE:
    return "!" + both(" > ");
  case arith::CmpFPredicate::UNE:
    return both(" != ");
  case arith::CmpFPredicate::UNO:
    return unordered;
  }
  return std::nullopt;
}

std::optional<std::string> translateCmpI(arith::CmpIOp op, Operands x) {
  Type type = op.getLhs().getType();
  auto signedCmp = [&](const char *infix) {
    return paren(asSigned(type, x[0]) + infix + asSigned(type, x[1]));
  };
  auto unsignedCmp = [&](const char *infix) {
    std::string u = getUnsignedCType(type);
    return paren(castTo(u, x[0]) + infix + castTo(u, x[1]));
  };
  switch (op.getPredicate()) {
  case arith::CmpIPredicate::eq:
    return paren(x[0] + " == " + x[1]);
  case arith::CmpIPredicate::ne:
    return paren(x[0] + " != " + x[1]);
  case arith::CmpIPredicate::slt:
    return signedCmp(" < ");
  case arith::CmpIPredicate::sle:
    return signedCmp(" <= ");
  case arith::CmpIPredicate::sgt:
    return signedCmp(" > ");
  case arith::CmpIPredicate::sge:
    return signedCmp(" >= ");
  case arith::CmpIPredicate::ult:
    return unsignedCmp(" < ");
  case arith::CmpIPredicate::ule:
    return unsignedCmp(" <= ");
  case arith::CmpIPredicate::ugt:
    return unsignedCmp(" > ");
  case arith::CmpIPredicate::uge:
    return unsignedCmp(" >= ");
  }
  return std::nullopt;
}

/// A libm-style function: `name` + "f" for float32 (expf), `name` for
/// float64 (exp); CUDA and the host's libm share these names.
std::string callMath(Type type, StringRef name, Operands x) {
  std::string call = name.str() + (type.isF32() ? "f(" : "(");
  for (size_t i = 0; i < x.size(); ++i)
    call += (i ? ", " : "") + x[i];
  return call + ")";
}

/// The math dialect's one-operand float functions, by their C names.
std::optional<StringRef> getMathFunction(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<StringRef>>(op)
      .Case([](math::AbsFOp) { return "fabs"; })
      .Case([](math::CeilOp) { return "ceil"; })
      .Case([](math::FloorOp) { return "floor"; })
      .Case([](math::TruncOp) { return "trunc"; })
      .Case([](math::RoundOp) { return "round"; })
      // Round half to even in the default rounding mode.
      .Case([](math::RoundEvenOp) { return "rint"; })
      .Case([](math::SqrtOp) { return "sqrt"; })
      .Case([](math::CbrtOp) { return "cbrt"; })
      .Case([](math::ExpOp) { return "exp"; })
      .Case([](math::Exp2Op) { return "exp2"; })
      .Case([](math::ExpM1Op) { return "expm1"; })
      .Case([](math::LogOp) { return "log"; })
      .Case([](math::Log2Op) { return "log2"; })
      .Case([](math::Log10Op) { return "log10"; })
      .Case([](math::Log1pOp) { return "log1p"; })
      .Case([](math::SinOp) { return "sin"; })
      .Case([](math::CosOp) { return "cos"; })
      .Case([](math::TanOp) { return "tan"; })
      .Case([](math::AsinOp) { return "asin"; })
      .Case([](math::AcosOp) { return "acos"; })
      .Case([](math::AtanOp) { return "atan"; })
      .Case([](math::SinhOp) { return "sinh"; })
      .Case([](math::CoshOp) { return "cosh"; })
      .Case([](math::TanhOp) { return "tanh"; })
      .Case([](math::AsinhOp) { return "asinh"; })
      .Case([](math::AcoshOp) { return "acosh"; })
      .Case([](math::AtanhOp) { return "atanh"; })
      .Case([](math::ErfOp) { return "erf"; })
      .Case([](math::PowFOp) { return "pow"; })
      .Case([](math::Atan2Op) { return "atan2"; })
      .Case([](math::CopySignOp) { return "copysign"; })
      .Case([](math::FmaOp) { return "fma"; })
      .Case([](arith::RemFOp) { return "fmod"; })
      .Case([](arith::MaxNumFOp) { return "fmax"; })
      .Case([](arith::MinNumFOp) { return "fmin"; })
      .Default([](Operation *) { return std::nullopt; });
}

/// Wrapping integer arithmetic: `infix` on the wide unsigned values.
std::string wrapping(Operation *op, const char *infix, Operands x) {
  Type type = op->getResult(0).getType();
  return narrow(type, wide(type, x[0]) + infix + wide(type, x[1]));
}

} // namespace

std::optional<std::string> translateScalarOp(Operation *op, Operands x) {
  if (op->getNumResults() != 1)
    return std::nullopt;
  Type type = op->getResult(0).getType();
  std::optional<std::string> cType = getCType(type);
  if (!cType)
    return std::nullopt;
  if (std::optional<StringRef> function = getMathFunction(op))
    return callMath(type, *function, x);
  Type operandType = op->getNumOperands() ? op->getOperand(0).getType() : type;
  std::string u = getUnsignedCType(type);
  return llvm::TypeSwitch<Operation *, std::optional<std::string>>(op)
      // Float arithmetic: C's operators are IEEE's.
      .Case([&](arith::AddFOp) { return paren(x[0] + " + " + x[1]); })
      .Case([&](arith::SubFOp) { return paren(x[0] + " - " + x[1]); })
      .Case([&](arith::MulFOp) { return paren(x[0] + " * " + x[1]); })
      .Case([&](arith::DivFOp) { return paren(x[0] + " / " + x[1]); })
      .Case([&](arith::NegFOp) { return "(-" + paren(x[0]) + ")"; })
      .Case([&](arith::MaximumFOp) {
        return "kiln_maximum(" + x[0] + ", " + x[1] + ")";
      })
      .Case([&](arith::MinimumFOp) {
        return "kiln_minimum(" + x[0] + ", " + x[1] + ")";
      })
      .Case([&](math::RsqrtOp) { return "kiln_rsqrt(" + x[0] + ")"; })
      .Case([&](arith::CmpFOp cmp) { return translateCmpF(cmp, x); })
      // Integers.
      .Case([&](arith::AddIOp) { return wrapping(op, " + ", x); })
      .Case([&](arith::SubIOp) { return wrapping(op, " - ", x); })
      .Case([&](arith::MulIOp) { return wrapping(op, " * ", x); })
      .Case([&](arith::AndIOp) { return castTo(*cType, x[0] + " & " + x[1]); })
      .Case([&](arith::OrIOp) { return castTo(*cType, x[0] + " | " + x[1]); })
      .Case([&](arith::XOrIOp) { return castTo(*cType, x[0] + " ^ " + x[1]); })
      // The lowering never divides by zero or the minimum by -1
      // (ScalarSemantics guards both), so C's division is LLVM's.
      .Case([&](arith::DivSIOp) { return castTo(*cType, x[0] + " / " + x[1]); })
      .Case([&](arith::RemSIOp) { return castTo(*cType, x[0] + " % " + x[1]); })
      .Case([&](arith::DivUIOp) {
        return narrow(type, castTo(u, x[0]) + " / " + castTo(u, x[1]));
      })
      .Case([&](arith::RemUIOp) {
        return narrow(type, castTo(u, x[0]) + " % " + castTo(u, x[1]));
      })
      .Case([&](arith::ShLIOp) {
        return narrow(type, wide(type, x[0]) + " << (" + x[1] + " & " +
                                shiftMask(type) + ")");
      })
      .Case([&](arith::ShRUIOp) {
        return narrow(type, wide(type, x[0]) + " >> (" + x[1] + " & " +
                                shiftMask(type) + ")");
      })
      .Case([&](arith::ShRSIOp) {
        return castTo(*cType, asSigned(type, x[0]) + " >> (" + x[1] + " & " +
                                  shiftMask(type) + ")");
      })
      .Case([&](arith::MaxSIOp) {
        return "(" + asSigned(type, x[0]) + " > " + asSigned(type, x[1]) +
               " ? " + x[0] + " : " + x[1] + ")";
      })
      .Case([&](arith::MinSIOp) {
        return "(" + asSigned(type, x[0]) + " < " + asSigned(type, x[1]) +
               " ? " + x[0] + " : " + x[1] + ")";
      })
      .Case([&](arith::MaxUIOp) {
        return "(" + castTo(u, x[0]) + " > " + castTo(u, x[1]) + " ? " + x[0] +
               " : " + x[1] + ")";
      })
      .Case([&](arith::MinUIOp) {
        return "(" + castTo(u, x[0]) + " < " + castTo(u, x[1]) + " ? " + x[0] +
               " : " + x[1] + ")";
      })
      .Case([&](math::AbsIOp) {
        return "kiln_absi<" + *cType + ", " + u + ">(" + x[0] + ")";
      })
      .Case([&](math::IPowIOp) {
        return "kiln_ipowi<" + *cType + ", " + u + ">(" + x[0] + ", " + x[1] +
               ")";
      })
      .Case([&](arith::CmpIOp cmp) { return translateCmpI(cmp, x); })
      .Case([&](arith::SelectOp) {
        return "(" + x[0] + " ? " + x[1] + " : " + x[2] + ")";
      })
      // Conversions.
      .Case([&](arith::ExtSIOp) {
        return castTo(*cType, asSigned(operandType, x[0]));
      })
      .Case([&](arith::ExtUIOp) {
        return castTo(*cType, castTo(getUnsignedCType(operandType), x[0]));
      })
      .Case([&](arith::TruncIOp) { return narrow(type, x[0]); })
      .Case([&](arith::IndexCastOp) {
        return castTo(*cType, asSigned(operandType, x[0]));
      })
      .Case([&](arith::IndexCastUIOp) {
        return castTo(*cType, castTo(getUnsignedCType(operandType), x[0]));
      })
      .Case([&](arith::SIToFPOp) {
        return castTo(*cType, asSigned(operandType, x[0]));
      })
      .Case([&](arith::UIToFPOp) {
        return castTo(*cType, castTo(getUnsignedCType(operandType), x[0]));
      })
      .Case([&](arith::FPToSIOp) -> std::optional<std::string> {
        unsigned width = getBitWidth(type);
        if (width == 64)
          return "kiln_fptosi_i64(" + x[0] + ")";
        // Narrower results keep the low bits of the 32-bit conversion, as
        // LLVM's x86 lowering does.
        std::string converted = "kiln_fptosi_i32(" + x[0] + ")";
        return width == 32 ? converted : narrow(type, converted);
      })
      .Case([&](arith::ExtFOp) { return castTo(*cType, x[0]); })
      .Case([&](arith::TruncFOp) { return castTo(*cType, x[0]); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace kiln::cuda
