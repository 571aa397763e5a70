//===- IndexChecks.cpp - Run-time checks of indices read from data --------===//
//
/// A check is a compare, a cold `scf.if` that calls
/// `kiln_index_error(site, value, bound)` (runtime/cpu/CallScope.cpp) and a
/// select of the in-range index. The site is the position of its message in
/// the module's `kiln_cpu.index_checks` array, which the executable reads
/// after lowering to turn the error recorded during a call into an
/// exception.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/IndexChecks.h"

#include "ir/KilnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/Support/Path.h"

using namespace mlir;

namespace kiln {

static constexpr const char *kErrorFunction = "kiln_index_error";

/// The loss op a class-target location names, or "".
static StringRef getClassTargetLoss(Location loc) {
  if (auto fused = dyn_cast<FusedLoc>(loc))
    if (auto tag = dyn_cast_or_null<StringAttr>(fused.getMetadata()))
      if (tag.getValue().starts_with("kiln."))
        return tag.getValue();
  return "";
}

/// Where an op came from, for messages: an ONNX node's name, a model
/// file's file:line:col, or "".
static std::string describeLoc(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().str();
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return llvm::sys::path::filename(file.getFilename().getValue()).str() +
           ":" + std::to_string(file.getLine()) + ":" +
           std::to_string(file.getColumn());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (std::string text = describeLoc(inner); !text.empty())
        return text;
  if (auto call = dyn_cast<CallSiteLoc>(loc))
    return describeLoc(call.getCallee());
  return "";
}

/// The site number of `message` in `module`, added if new.
static int64_t registerSite(ModuleOp module, StringRef message) {
  SmallVector<Attribute> sites;
  if (auto existing = module->getAttrOfType<ArrayAttr>(kIndexChecksAttrName))
    llvm::append_range(sites, existing.getValue());
  for (auto [i, site] : llvm::enumerate(sites))
    if (cast<StringAttr>(site).getValue() == message)
      return i;
  sites.push_back(StringAttr::get(module.getContext(), message));
  module->setAttr(kIndexChecksAttrName,
                  ArrayAttr::get(module.getContext(), sites));
  return sites.size() - 1;
}

static void declareErrorFunction(ModuleOp module) {
  if (SymbolTable::lookupSymbolIn(module, kErrorFunction))
    return;
  OpBuilder builder = OpBuilder::atBlockBegin(module.getBody());
  Type i64 = builder.getI64Type();
  auto func = builder.create<func::FuncOp>(
      module.getLoc(), kErrorFunction,
      builder.getFunctionType({i64, i64, i64}, {}));
  func.setPrivate();
}

Value createCheckedIndex(OpBuilder &b, Location loc, Operation *op, Value raw,
                         int64_t dim, int64_t bound) {
  auto module = op->getParentOfType<ModuleOp>();
  StringRef classLoss = getClassTargetLoss(op->getLoc());
  bool isOneHot = isa<OneHotOp>(op);
  // PyTorch raises for a negative class target or one_hot class; the other
  // indexing ops wrap negative indices once, as ONNX (and torch.take) define
  // them.
  bool wraps = classLoss.empty() && !isOneHot;
  std::string where = describeLoc(op->getLoc());
  std::string message = (classLoss.empty() ? op->getName().getStringRef().str()
                                           : classLoss.str()) +
                        (where.empty() ? "" : " (" + where + ")") + ": ";
  if (!classLoss.empty())
    message += "target index {} is out of range for " + std::to_string(bound) +
               " classes (0 to " + std::to_string(bound - 1) + ")";
  else if (isOneHot)
    message += "index {} is out of range for depth " + std::to_string(bound) +
               " (valid indices are 0 to " + std::to_string(bound - 1) + ")";
  else
    message += "index {} is out of bounds for dimension " +
               std::to_string(dim) + " with size " + std::to_string(bound) +
               " (valid indices are " + std::to_string(-bound) + " to " +
               std::to_string(bound - 1) + ")";
  int64_t site = registerSite(module, message);
  declareErrorFunction(module);

  Type i64 = b.getI64Type();
  Value value = raw;
  if (value.getType().isIndex())
    value = b.create<arith::IndexCastOp>(loc, i64, value);
  else if (value.getType().getIntOrFloatBitWidth() < 64)
    value = b.create<arith::ExtSIOp>(loc, i64, value);
  Value zero = b.create<arith::ConstantIntOp>(loc, 0, 64);
  Value size = b.create<arith::ConstantIntOp>(loc, bound, 64);
  Value wrapped = value;
  if (wraps)
    wrapped = b.create<arith::SelectOp>(
        loc,
        b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::slt, value, zero),
        b.create<arith::AddIOp>(loc, value, size), value);
  // One unsigned compare: a negative index is a huge unsigned one.
  Value inRange =
      b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::ult, wrapped, size);
  Value outOfRange = b.create<arith::XOrIOp>(
      loc, inRange, b.create<arith::ConstantIntOp>(loc, 1, 1));
  b.create<scf::IfOp>(loc, outOfRange, [&](OpBuilder &then, Location l) {
    then.create<func::CallOp>(
        l, kErrorFunction, TypeRange{},
        ValueRange{then.create<arith::ConstantIntOp>(l, site, 64), value,
                   size});
    then.create<scf::YieldOp>(l);
  });
  Value safe = b.create<arith::SelectOp>(loc, inRange, wrapped, zero);
  return b.create<arith::IndexCastOp>(loc, b.getIndexType(), safe);
}

std::vector<std::string> readIndexChecks(ModuleOp module) {
  std::vector<std::string> checks;
  if (auto sites = module->getAttrOfType<ArrayAttr>(kIndexChecksAttrName))
    for (Attribute site : sites)
      checks.push_back(cast<StringAttr>(site).getValue().str());
  return checks;
}

} // namespace kiln
