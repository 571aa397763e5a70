//===- ModelSignature.cpp - A model's arguments and results ---------------===//

#include "codegen/ModelSignature.h"

#include "ir/ModelFormat.h"

using namespace mlir;

namespace kiln {

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

std::optional<DType> getRuntimeDType(Type element) {
  if (element.isF32())
    return DType::Float32;
  if (element.isF64())
    return DType::Float64;
  if (element.isUnsignedInteger(64))
    return DType::UInt64;
  if (element.isUnsignedInteger(32))
    return DType::UInt32;
  if (element.isUnsignedInteger(16))
    return DType::UInt16;
  if (element.isUnsignedInteger(8))
    return DType::UInt8;
  if (element.isInteger(64))
    return DType::Int64;
  if (element.isInteger(32))
    return DType::Int32;
  if (element.isInteger(16))
    return DType::Int16;
  if (element.isInteger(8))
    return DType::Int8;
  if (element.isInteger(1))
    return DType::Bool;
  return std::nullopt;
}

static llvm::Expected<TensorSpec> getSpec(Type type, TensorSpec::Role role,
                                          std::string name) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  std::optional<DType> dtype =
      tensor ? getRuntimeDType(tensor.getElementType()) : std::nullopt;
  if (!dtype || !tensor.hasStaticShape()) {
    std::string typeText;
    llvm::raw_string_ostream(typeText) << type;
    return makeError("'" + name + "' has type " + typeText +
                     ", which is not a statically shaped tensor of a "
                     "supported dtype");
  }
  return TensorSpec{
      role, std::move(name), *dtype,
      std::vector<int64_t>(tensor.getShape().begin(), tensor.getShape().end())};
}

llvm::Expected<func::FuncOp> getModelFunction(ModuleOp module) {
  SmallVector<func::FuncOp> candidates;
  for (auto func : module.getOps<func::FuncOp>())
    if (func.isPublic() && !func.isExternal())
      candidates.push_back(func);
  if (candidates.size() != 1)
    return makeError("a model has exactly one public function, found " +
                     llvm::Twine(candidates.size()));
  return candidates.front();
}

llvm::Expected<ModelSignature> getModelSignature(func::FuncOp func) {
  ModelSignature signature;
  signature.functionName = func.getSymName().str();
  if (auto seed = func->getAttrOfType<IntegerAttr>(kSeedAttr))
    signature.seed = seed.getInt();
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
    TensorSpec::Role role = TensorSpec::Role::Input;
    std::string name = "arg" + std::to_string(i);
    for (auto [key, keyRole] :
         {std::pair{kInputAttr, TensorSpec::Role::Input},
          std::pair{kParamAttr, TensorSpec::Role::Param},
          std::pair{kStateAttr, TensorSpec::Role::State}})
      if (auto attr = func.getArgAttrOfType<StringAttr>(i, key)) {
        role = keyRole;
        name = attr.str();
      }
    auto spec = getSpec(func.getArgumentTypes()[i], role, name);
    if (!spec)
      return spec.takeError();
    if (auto init = func.getArgAttrOfType<StringAttr>(i, kInitAttr))
      spec->init = init.str();
    if (auto fanIn = func.getArgAttrOfType<IntegerAttr>(i, kFanInAttr))
      spec->fanIn = fanIn.getInt();
    spec->buffer = static_cast<bool>(func.getArgAttr(i, kBufferAttr));
    if (auto initValue = func.getArgAttrOfType<FloatAttr>(i, kInitValueAttr))
      spec->initValue = initValue.getValueAsDouble();
    signature.arguments.push_back(std::move(*spec));
  }
  for (unsigned i = 0, e = func.getNumResults(); i < e; ++i) {
    auto output = func.getResultAttrOfType<StringAttr>(i, kOutputAttr);
    auto update = func.getResultAttrOfType<StringAttr>(i, kUpdateAttr);
    auto spec = getSpec(func.getResultTypes()[i],
                        update ? TensorSpec::Role::Update
                               : TensorSpec::Role::Output,
                        update   ? update.str()
                        : output ? output.str()
                                 : "output" + std::to_string(i));
    if (!spec)
      return spec.takeError();
    signature.results.push_back(std::move(*spec));
  }
  return signature;
}

llvm::Expected<ModelSignature> getModelSignature(ModuleOp module) {
  auto func = getModelFunction(module);
  if (!func)
    return func.takeError();
  return getModelSignature(*func);
}

} // namespace kiln
