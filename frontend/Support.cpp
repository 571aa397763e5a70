//===- Support.cpp - Shared helpers of the frontend -----------------------===//
//
/// Kept apart from Graph.cpp because loadModel() needs the same context and
/// diagnostic capture without a graph.
//
//===----------------------------------------------------------------------===//

#include "frontend/Support.h"

#include "codegen/ModelSignature.h"
#include "ir/KilnDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"

using namespace mlir;

namespace kiln {

std::shared_ptr<MLIRContext> createFrontendContext() {
  // Bufferization and the conversions to LLVM find their op interfaces
  // through the registry, as in the kiln tool.
  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registry.insert<KilnDialect>();
  auto context = std::make_shared<MLIRContext>(registry);
  context->loadDialect<KilnDialect, func::FuncDialect>();
  return context;
}

Type getElementType(MLIRContext *context, DType dtype) {
  switch (dtype) {
  case DType::Float32:
    return Float32Type::get(context);
  case DType::Float64:
    return Float64Type::get(context);
  case DType::Int64:
    return IntegerType::get(context, 64);
  case DType::Int32:
    return IntegerType::get(context, 32);
  case DType::Int16:
    return IntegerType::get(context, 16);
  case DType::Int8:
    return IntegerType::get(context, 8);
  case DType::UInt64:
    return IntegerType::get(context, 64, IntegerType::Unsigned);
  case DType::UInt32:
    return IntegerType::get(context, 32, IntegerType::Unsigned);
  case DType::UInt16:
    return IntegerType::get(context, 16, IntegerType::Unsigned);
  case DType::UInt8:
    return IntegerType::get(context, 8, IntegerType::Unsigned);
  case DType::Bool:
    return IntegerType::get(context, 1);
  }
  throw RuntimeError("unknown dtype");
}

DenseElementsAttr getElementsAttr(MLIRContext *context, const Tensor &value) {
  auto type = RankedTensorType::get(value.shape(),
                                    getElementType(context, value.dtype()));
  if (value.dtype() == DType::Bool) {
    // MLIR packs i1 elements; only the bool overload converts to that.
    const bool *data = value.data<bool>();
    SmallVector<bool> bits(data, data + value.numel());
    return DenseElementsAttr::get(type, ArrayRef<bool>(bits));
  }
  return DenseElementsAttr::getFromRawBuffer(
      type, ArrayRef<char>(static_cast<const char *>(value.data()),
                           value.nbytes()));
}

Operation *buildVerifiedOp(OpBuilder &builder, Location loc, StringRef name,
                           ValueRange operands,
                           ArrayRef<NamedAttribute> attributes,
                           TypeRange resultTypes) {
  MLIRContext *context = builder.getContext();
  std::optional<RegisteredOperationName> opName =
      RegisteredOperationName::lookup(name, context);
  if (!opName)
    throw RuntimeError("unknown op '" + name.str() + "'");

  DiagnosticCapture capture(*context);
  OperationState state(loc, *opName);
  state.addOperands(operands);
  state.addTypes(resultTypes);
  Operation *op = Operation::create(state);
  // setAttr puts inherent attributes into the op's properties.
  for (NamedAttribute attr : attributes)
    op->setAttr(attr.getName(), attr.getValue());

  if (resultTypes.empty()) {
    auto inference = dyn_cast<InferTypeOpInterface>(op);
    if (!inference) {
      op->destroy();
      throw RuntimeError("'" + name.str() +
                         "' does not infer its result type: give it");
    }
    SmallVector<Type> types;
    if (failed(inference.inferReturnTypes(
            context, op->getLoc(), op->getOperands(),
            op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
            op->getRegions(), types))) {
      op->destroy();
      capture.fail();
    }
    // The op was created without results: create it again with them.
    state.types.assign(types.begin(), types.end());
    Operation *typed = Operation::create(state);
    for (NamedAttribute attr : attributes)
      typed->setAttr(attr.getName(), attr.getValue());
    op->destroy();
    op = typed;
  }
  builder.insert(op);
  // The rest of the verifier: operand constraints and op-specific checks.
  if (failed(verify(op))) {
    op->erase();
    capture.fail();
  }
  return op;
}

DType getDType(Type element) {
  if (std::optional<DType> dtype = getRuntimeDType(element))
    return *dtype;
  std::string text;
  llvm::raw_string_ostream(text) << element;
  throw RuntimeError("element type " + text + " has no runtime dtype");
}

/// "file:line:col: " for a diagnostic from a parsed file, else nothing.
static std::string formatLocation(Location loc) {
  auto file = dyn_cast<FileLineColLoc>(loc);
  if (!file)
    return "";
  return file.getFilename().str() + ":" + std::to_string(file.getLine()) + ":" +
         std::to_string(file.getColumn()) + ": ";
}

/// The word a compiler puts before a message of this severity.
static const char *getSeverityName(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return "error: ";
  case DiagnosticSeverity::Warning:
    return "warning: ";
  case DiagnosticSeverity::Note:
    return "note: ";
  case DiagnosticSeverity::Remark:
    return "remark: ";
  }
  return "";
}

DiagnosticCapture::DiagnosticCapture(MLIRContext &context)
    : handler_(&context, [this](Diagnostic &diag) {
        messages_ += (messages_.empty() ? "" : "\n") +
                     formatLocation(diag.getLocation()) +
                     getSeverityName(diag.getSeverity()) + diag.str();
        for (Diagnostic &note : diag.getNotes())
          messages_ +=
              "\n" + formatLocation(note.getLocation()) + "note: " + note.str();
        return success();
      }) {}

void DiagnosticCapture::fail(const std::string &what) const {
  if (messages_.empty())
    throw RuntimeError(what.empty() ? "kiln: unknown error" : what);
  throw RuntimeError(what.empty() ? messages_ : what + "\n" + messages_);
}

} // namespace kiln
