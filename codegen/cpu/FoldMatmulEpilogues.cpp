//===- FoldMatmulEpilogues.cpp - Element-wise epilogues as post-ops -------===//
//
/// The `kiln-fold-matmul-epilogues` pass. A kernel matmul whose only user is
/// an element-wise generic computing a chain oneDNN has post-ops for (a
/// bias or residual add, a product, an activation whose post-op keeps
/// PyTorch's NaN and rounding: tanh, sigmoid, sqrt, abs) becomes one kernel
/// matmul that writes the generic's result: the product never goes to
/// memory. The chain is read from the generic's body, starting at the
/// matmul's element and following single-use ops, so both a generic fused
/// by upstream element-wise fusion (bias add and tanh in one body) and a
/// chain of unfused generics (folded one at a time) are recognized.
///
/// The folded op stays truthful for the loop lowering: its body computes the
/// contraction and, on the contraction's last step, the epilogue. The
/// kernel gets the steps from `kiln_cpu.post_ops` (see MatmulKernels.h).
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/MatmulKernels.h"
#include "codegen/cpu/Passes.h"
#include "runtime/cpu/Kernels.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;
using kiln::MatmulPostOp;

namespace kiln {
#define GEN_PASS_DEF_KILNFOLDMATMULEPILOGUES
#include "codegen/cpu/Passes.h.inc"
} // namespace kiln

namespace {

/// The epilogue found in an element-wise body: its steps in order, the
/// block argument each binary step reads, and the body ops it covers.
struct Epilogue {
  std::vector<MatmulPostOp> steps;
  SmallVector<BlockArgument> operands;
  SmallPtrSet<Operation *, 8> ops;
};

/// Reads the chain of post-ops in `body` that starts at `product`.
class EpilogueMatcher {
public:
  EpilogueMatcher(Block &body, unsigned numInputs)
      : body_(body), numInputs_(numInputs) {}

  /// The whole body as an epilogue of `product`, or nothing when some op in
  /// it is not a step (or feeds something other than the next step).
  std::optional<Epilogue> match(Value product) {
    Epilogue epilogue;
    Value value = product;
    while (value.hasOneUse() && !isa<linalg::YieldOp>(*value.user_begin())) {
      value = matchStep(*value.user_begin(), value, epilogue);
      if (!value)
        return std::nullopt;
    }
    // Constants (sigmoid's 1) are the only other ops allowed.
    bool covered = llvm::all_of(body_.without_terminator(), [&](Operation &op) {
      return epilogue.ops.contains(&op) || matchPattern(&op, m_Constant());
    });
    if (!value.hasOneUse() || epilogue.steps.empty() || !covered ||
        !llvm::all_of(epilogue.operands,
                      [](BlockArgument arg) { return arg.hasOneUse(); }))
      return std::nullopt;
    return epilogue;
  }

private:
  /// The step at `op`, which reads the running result `value`: records it
  /// and returns its result, or returns null when `op` is no step.
  Value matchStep(Operation *op, Value value, Epilogue &epilogue) {
    auto record = [&](MatmulPostOp step, Operation *last) {
      epilogue.steps.push_back(step);
      epilogue.ops.insert(op);
      epilogue.ops.insert(last);
      return last->getResult(0);
    };
    if (isa<math::TanhOp>(op))
      return record(MatmulPostOp::Tanh, op);
    if (isa<math::SqrtOp>(op))
      return record(MatmulPostOp::Sqrt, op);
    if (isa<math::AbsFOp>(op))
      return record(MatmulPostOp::Abs, op);
    if (isa<arith::NegFOp>(op))
      if (Operation *division = matchSigmoid(op, epilogue))
        return record(MatmulPostOp::Sigmoid, division);
    // Binary steps read an input of the generic; `x - r` has no post-op.
    BlockArgument operand = getOperandArgument(getOther(op, value));
    if (!operand || (isa<arith::SubFOp>(op) && op->getOperand(0) != value))
      return nullptr;
    std::optional<MatmulPostOp> step =
        isa<arith::AddFOp>(op)   ? MatmulPostOp::Add
        : isa<arith::SubFOp>(op) ? MatmulPostOp::Sub
        : isa<arith::MulFOp>(op) ? std::optional(MatmulPostOp::Mul)
                                 : std::nullopt;
    if (!step)
      return nullptr;
    epilogue.operands.push_back(operand);
    return record(*step, op);
  }

  /// The operand of binary `op` that is not `value`.
  static Value getOther(Operation *op, Value value) {
    if (op->getNumOperands() != 2)
      return nullptr;
    return op->getOperand(op->getOperand(0) == value ? 1 : 0);
  }

  BlockArgument getOperandArgument(Value value) {
    auto argument = dyn_cast_or_null<BlockArgument>(value);
    if (!argument || argument.getOwner() != &body_ ||
        argument.getArgNumber() >= numInputs_)
      return nullptr;
    return argument;
  }

  /// sigmoid as kiln lowers it, 1 / (1 + exp(-x)), from its negation:
  /// records the ops between and returns the division.
  static Operation *matchSigmoid(Operation *negation, Epilogue &epilogue) {
    auto singleUser = [](Operation *op) -> Operation * {
      return op->getResult(0).hasOneUse() ? *op->getUsers().begin() : nullptr;
    };
    Operation *exp = singleUser(negation);
    if (!isa_and_nonnull<math::ExpOp>(exp))
      return nullptr;
    Operation *sum = singleUser(exp);
    if (!isa_and_nonnull<arith::AddFOp>(sum) ||
        !matchPattern(getOther(sum, exp->getResult(0)), m_OneFloat()))
      return nullptr;
    Operation *division = singleUser(sum);
    if (!isa_and_nonnull<arith::DivFOp>(division) ||
        division->getOperand(1) != sum->getResult(0) ||
        !matchPattern(division->getOperand(0), m_OneFloat()))
      return nullptr;
    epilogue.ops.insert(exp);
    epilogue.ops.insert(sum);
    return division;
  }

  Block &body_;
  unsigned numInputs_;
};

/// The map, over the output's dims, that reads a post-op operand (of
/// `shape`, read by `map`) once it is left-padded with size-1 dims to the
/// output's rank, when oneDNN's optimized kernels take it: the output's
/// shape (a residual), all ones (a scalar), or all ones but the output's
/// last dim (a bias). oneDNN 2.6 accepts other broadcasts and permuted
/// operands too, but then drops from its JIT kernel (brgemm) to its scalar
/// reference one for the whole product.
std::optional<AffineMap> getPaddedOperandMap(AffineMap map,
                                             ArrayRef<int64_t> shape,
                                             ArrayRef<int64_t> outShape) {
  size_t rank = outShape.size();
  if (shape.size() > rank)
    return std::nullopt;
  size_t padding = rank - shape.size();
  SmallVector<AffineExpr> exprs(padding,
                                getAffineConstantExpr(0, map.getContext()));
  llvm::append_range(exprs, map.getResults());
  bool full = true, scalar = true, bias = true;
  for (auto [dim, expr] : llvm::enumerate(exprs)) {
    int64_t size = dim < padding ? 1 : shape[dim - padding];
    auto loop = dyn_cast<AffineDimExpr>(expr);
    auto constant = dyn_cast<AffineConstantExpr>(expr);
    bool inPlace = loop && loop.getPosition() == dim;
    bool broadcast = size == 1 && constant && constant.getValue() == 0;
    if (!inPlace && !broadcast)
      return std::nullopt;
    full &= inPlace;
    scalar &= size == 1;
    bias &= dim + 1 == rank ? inPlace : size == 1;
  }
  if (!full && !scalar && !bias)
    return std::nullopt;
  return AffineMap::get(rank, 0, exprs, map.getContext());
}

/// `value` with `padding` leading size-1 dims.
Value padWithOnes(OpBuilder &builder, Location loc, Value value,
                  size_t padding) {
  auto type = cast<RankedTensorType>(value.getType());
  if (padding == 0)
    return value;
  SmallVector<int64_t> shape(padding, 1);
  llvm::append_range(shape, type.getShape());
  // The new leading dims join the first old one; a 0-d tensor needs no
  // groups at all.
  SmallVector<ReassociationIndices> groups;
  for (int64_t dim = 0; dim < type.getRank(); ++dim) {
    groups.emplace_back();
    if (dim == 0)
      for (size_t one = 0; one < padding; ++one)
        groups.back().push_back(one);
    groups.back().push_back(padding + dim);
  }
  return builder.create<tensor::ExpandShapeOp>(loc, type.clone(shape), value,
                                               groups);
}

struct FoldEpilogue : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp epilogue,
                                PatternRewriter &rewriter) const override {
    if (epilogue.getLibraryCallAttr() || !epilogue.hasPureTensorSemantics() ||
        epilogue.getNumDpsInits() != 1 ||
        epilogue.getNumReductionLoops() != 0 ||
        !epilogue.getIndexingMapsArray().back().isIdentity())
      return failure();
    auto resultType = cast<RankedTensorType>(epilogue.getResultTypes()[0]);
    Block &body = epilogue.getRegion().front();
    if (!resultType.getElementType().isF32() ||
        !body.getArguments().back().use_empty())
      return failure();

    // The input that a kernel matmul writes for this generic alone.
    linalg::GenericOp matmul;
    OpOperand *product = nullptr;
    for (OpOperand *input : epilogue.getDpsInputOperands()) {
      auto producer = input->get().getDefiningOp<linalg::GenericOp>();
      if (producer && kiln::isMatmulKernel(producer) &&
          producer->getResult(0).hasOneUse() &&
          epilogue.getMatchingIndexingMap(input).isIdentity()) {
        matmul = producer;
        product = input;
        break;
      }
    }
    if (!matmul)
      return failure();
    std::optional<Epilogue> chain =
        EpilogueMatcher(body, epilogue.getNumDpsInputs())
            .match(body.getArgument(product->getOperandNumber()));
    if (!chain)
      return failure();

    std::optional<std::vector<MatmulPostOp>> steps = kiln::getPostOps(matmul);
    if (!steps)
      return failure();
    llvm::append_range(*steps, chain->steps);
    size_t numOperands = matmul.getNumDpsInputs() - 2 + chain->operands.size();
    if (steps->size() > kiln::kMaxMatmulPostOps ||
        numOperands > kiln::kMaxMatmulPostOpOperands)
      return failure();
    SmallVector<AffineMap> operandMaps;
    for (BlockArgument argument : chain->operands) {
      OpOperand &input = epilogue->getOpOperand(argument.getArgNumber());
      auto type = cast<RankedTensorType>(input.get().getType());
      std::optional<AffineMap> map =
          getPaddedOperandMap(epilogue.getMatchingIndexingMap(&input),
                              type.getShape(), resultType.getShape());
      if (!type.getElementType().isF32() || !map)
        return failure();
      operandMaps.push_back(*map);
    }
    int64_t reduction = getReductionLoop(matmul);
    if (matmul.getStaticLoopRanges()[reduction] <= 0)
      return failure();

    // The folded op: the matmul's operands and maps, then the new post-op
    // operands, writing the epilogue's (zero-filled) output.
    Location loc = epilogue.getLoc();
    SmallVector<Value> inputs(matmul.getDpsInputs());
    SmallVector<AffineMap> maps = matmul.getIndexingMapsArray();
    AffineMap outputMap = maps.pop_back_val();
    for (auto [argument, map] : llvm::zip(chain->operands, operandMaps)) {
      Value operand = epilogue->getOperand(argument.getArgNumber());
      inputs.push_back(
          padWithOnes(rewriter, loc, operand,
                      resultType.getRank() -
                          cast<RankedTensorType>(operand.getType()).getRank()));
      maps.push_back(map.compose(outputMap));
    }
    maps.push_back(outputMap);
    Value zero =
        rewriter.create<arith::ConstantOp>(loc, rewriter.getF32FloatAttr(0.0f));
    Value init =
        rewriter.create<linalg::FillOp>(loc, zero, epilogue.getDpsInits()[0])
            .getResult(0);
    auto folded = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{resultType}, inputs, ValueRange{init}, maps,
        matmul.getIteratorTypesArray(),
        [&](OpBuilder &builder, Location nested, ValueRange arguments) {
          buildBody(builder, nested, arguments, matmul, epilogue,
                    body.getArgument(product->getOperandNumber()),
                    chain->operands);
        });
    auto rank = [](Value value) {
      return static_cast<int>(cast<ShapedType>(value.getType()).getRank());
    };
    folded.setLibraryCallAttr(
        rewriter.getStringAttr(kiln::getMatmulEpilogueKernelName(
            rank(inputs[0]), rank(inputs[1]), numOperands)));
    SmallVector<Attribute> names;
    for (MatmulPostOp step : *steps)
      names.push_back(
          rewriter.getStringAttr(std::string(kiln::getMatmulPostOpName(step))));
    folded->setAttr(kiln::kPostOpsAttrName, rewriter.getArrayAttr(names));
    rewriter.replaceOp(epilogue, folded.getResults());
    rewriter.eraseOp(matmul);
    return success();
  }

private:
  static int64_t getReductionLoop(linalg::GenericOp matmul) {
    SmallVector<utils::IteratorType> iterators = matmul.getIteratorTypesArray();
    return llvm::find(iterators, utils::IteratorType::reduction) -
           iterators.begin();
  }

  /// The folded body: the matmul's body (its contraction, and the epilogue
  /// it already has) with the new epilogue applied to the product on the
  /// contraction's last step.
  static void buildBody(OpBuilder &builder, Location loc, ValueRange arguments,
                        linalg::GenericOp matmul, linalg::GenericOp epilogue,
                        BlockArgument product,
                        ArrayRef<BlockArgument> operands) {
    Block &matmulBody = matmul.getRegion().front();
    Value yielded = matmulBody.getTerminator()->getOperand(0);
    // A matmul with an epilogue yields `select(last, epilogue, sum)`.
    auto select = matmul->hasAttr(kiln::kPostOpsAttrName)
                      ? yielded.getDefiningOp<arith::SelectOp>()
                      : arith::SelectOp();
    IRMapping mapping;
    unsigned numInputs = matmul.getNumDpsInputs();
    for (unsigned input = 0; input < numInputs; ++input)
      mapping.map(matmulBody.getArgument(input), arguments[input]);
    mapping.map(matmulBody.getArguments().back(), arguments.back());
    for (Operation &op : matmulBody.without_terminator())
      if (&op != select.getOperation())
        builder.clone(op, mapping);

    Value sum, result, last;
    if (select) {
      sum = mapping.lookup(select.getFalseValue());
      result = mapping.lookup(select.getTrueValue());
      last = mapping.lookup(select.getCondition());
    } else {
      sum = result = mapping.lookup(yielded);
      int64_t reduction = getReductionLoop(matmul);
      Value index = builder.create<linalg::IndexOp>(loc, reduction);
      Value lastIndex = builder.create<arith::ConstantIndexOp>(
          loc, matmul.getStaticLoopRanges()[reduction] - 1);
      last = builder.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, index,
                                           lastIndex);
    }

    Block &epilogueBody = epilogue.getRegion().front();
    mapping.map(product, result);
    for (auto [index, operand] : llvm::enumerate(operands))
      mapping.map(operand, arguments[numInputs + index]);
    for (Operation &op : epilogueBody.without_terminator())
      builder.clone(op, mapping);
    Value epilogueResult =
        mapping.lookup(epilogueBody.getTerminator()->getOperand(0));
    builder.create<linalg::YieldOp>(
        loc, builder.create<arith::SelectOp>(loc, last, epilogueResult, sum)
                 .getResult());
  }
};

struct FoldMatmulEpiloguesPass
    : kiln::impl::KilnFoldMatmulEpiloguesBase<FoldMatmulEpiloguesPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldEpilogue>(&getContext());
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
