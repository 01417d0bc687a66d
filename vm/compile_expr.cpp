// Expressions: CPython 3.11's compiler_visit_expr and its helpers (calls,
// displays, comparisons, comprehensions, f-strings, yield and await), and the
// constant folding CPython's ast_opt.c applies to the tree before compiling.
#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

namespace coil::compiler {

using namespace ast;

// --- Constants ----------------------------------------------------------------------

Ref Compiler::make_constant(const ConstantValue& value) {
  switch (value.kind) {
    case ConstantValue::Kind::None: return new_none();
    case ConstantValue::Kind::True: return new_bool(true);
    case ConstantValue::Kind::False: return new_bool(false);
    case ConstantValue::Kind::Ellipsis: return ref(ellipsis());
    case ConstantValue::Kind::Int: {
      // Decimal digits without sign or leading zeros: small ones directly.
      if (value.text.size() <= 18) {
        int64_t n = 0;
        for (char c : value.text) n = n * 10 + (c - '0');
        return make_int(n);
      }
      return int_from_literal(value.text);
    }
    case ConstantValue::Kind::Float: return make_float(value.number);
    case ConstantValue::Kind::Complex: return make_complex(0.0, value.number);
    case ConstantValue::Kind::Str: {
      // Strings that look like identifiers are interned, as CPython's
      // intern_string_constants does.
      bool name_like = !value.text.empty();
      for (char c : value.text) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_')) {
          name_like = false;
          break;
        }
      }
      return name_like ? intern(value.text) : make_str(value.text);
    }
    case ConstantValue::Kind::Bytes: return make_bytes(value.text);
  }
  return new_none();
}

namespace {

// A frozenset constant as CPython's compiler leaves it: built from the
// items, then built again from its own iteration order when the constant is
// registered (merge_consts_recursive), which is the order it iterates in.
Ref make_constant_frozenset(Value items) {
  Ref first = make_frozenset(items);
  if (!first) return {};
  Ref in_order = tuple_from_iterable(first);
  if (!in_order) return {};
  return make_frozenset(in_order);
}

}  // namespace

namespace {

void append_key_length(std::string& key, size_t n) {
  key += std::to_string(n);
  key += ':';
}

}  // namespace

// A key that two constants share exactly when CPython's compiler would merge
// them (_PyCode_ConstantKey): same type and equal value, with 0.0 and -0.0
// apart. Empty for values that are not constants.
std::string Compiler::constant_key(Value value) {
  std::string key;
  if (value.is_small_int()) {
    key = "i";
    key += std::to_string(value.as_small_int());
    return key;
  }
  if (value.is(none())) return "N";
  if (value.is(ellipsis())) return "E";
  if (value.is(py_bool(true))) return "T";
  if (value.is(py_bool(false))) return "F";
  Type* type = value.type();
  if (type == &int_type) {
    const IntObject* i = value.as<IntObject>();
    char* digits = mpz_get_str(nullptr, 10, i->m_value);
    key = "i";
    key += digits;
    void (*free_function)(void*, size_t);
    mp_get_memory_functions(nullptr, nullptr, &free_function);
    free_function(digits, std::strlen(digits) + 1);
    return key;
  }
  if (type == &float_type) {
    double d = float_value(value);
    key = "f";
    key.append(reinterpret_cast<const char*>(&d), sizeof d);
    return key;
  }
  if (type == &complex_type) {
    const ComplexObject* c = value.as<ComplexObject>();
    key = "c";
    key.append(reinterpret_cast<const char*>(&c->m_real), sizeof c->m_real);
    key.append(reinterpret_cast<const char*>(&c->m_imag), sizeof c->m_imag);
    return key;
  }
  if (type == &str_type) {
    key = "s";
    key += str_view(value);
    return key;
  }
  if (type == &bytes_type) {
    key = "b";
    key += bytes_view(value);
    return key;
  }
  if (type == &tuple_type) {
    key = "t";
    size_t n = tuple_size(value);
    append_key_length(key, n);
    for (size_t i = 0; i < n; ++i) {
      std::string item = constant_key(tuple_item(value, i));
      if (item.empty()) return {};
      append_key_length(key, item.size());
      key += item;
    }
    return key;
  }
  if (type == &frozenset_type) {
    // Equal frozensets share a key whatever their iteration order.
    std::vector<std::string> items;
    size_t position = 0;
    Value item;
    int64_t hash;
    while (set_next(value, position, item, hash)) {
      std::string k = constant_key(item);
      if (k.empty()) return {};
      items.push_back(std::move(k));
    }
    std::sort(items.begin(), items.end());
    key = "z";
    append_key_length(key, items.size());
    for (const std::string& k : items) {
      append_key_length(key, k.size());
      key += k;
    }
    return key;
  }
  if (type == &code_type) {
    // Code objects are merged only with themselves.
    key = "o";
    uintptr_t p = reinterpret_cast<uintptr_t>(value.as_object());
    key.append(reinterpret_cast<const char*>(&p), sizeof p);
    return key;
  }
  return {};
}

// --- Constant folding (CPython's Python/ast_opt.c) ------------------------------------

namespace {

// ast_opt.c's limits on what folding may build: folding must not turn a
// small expression into a huge constant.
constexpr size_t kMaxIntSize = 128;        // bits
constexpr size_t kMaxCollectionSize = 256;  // items
constexpr size_t kMaxStrSize = 4096;        // characters
constexpr size_t kMaxTotalItems = 1024;     // including nested collections

// The number of bits of an int's absolute value (0 for 0).
size_t int_bits(Value v) {
  if (v.is_small_int()) {
    int64_t n = v.as_small_int();
    uint64_t magnitude = n < 0 ? uint64_t(-(n + 1)) + 1 : uint64_t(n);
    size_t bits = 0;
    while (magnitude) {
      ++bits;
      magnitude >>= 1;
    }
    return bits;
  }
  const IntObject* i = v.as<IntObject>();
  if (mpz_sgn(i->m_value) == 0) return 0;
  return mpz_sizeinbase(i->m_value, 2);
}

int sign_of(Value v) {
  if (v.is_small_int()) {
    int64_t n = v.as_small_int();
    return n < 0 ? -1 : n > 0 ? 1 : 0;
  }
  return mpz_sgn(v.as<IntObject>()->m_value);
}

bool int_value(Value v, int64_t& out) { return int_fits_int64(v, out); }

// check_complexity: the items of nested tuples, up to `limit`; -1 past it.
long check_complexity(Value v, long limit) {
  if (is_tuple(v)) {
    size_t n = tuple_size(v);
    limit -= long(n);
    for (size_t i = 0; limit >= 0 && i < n; ++i) limit = check_complexity(tuple_item(v, i), limit);
  }
  return limit;
}

Ref safe_multiply(Value v, Value w) {
  if (is_int(v) && is_int(w) && sign_of(v) != 0 && sign_of(w) != 0) {
    if (int_bits(v) + int_bits(w) > kMaxIntSize) return {};
  } else if (is_int(v) && is_tuple(w)) {
    size_t size = tuple_size(w);
    if (size) {
      int64_t n;
      if (!int_value(v, n) || n < 0 || uint64_t(n) > kMaxCollectionSize / size) return {};
      if (n && check_complexity(w, long(kMaxTotalItems / n)) < 0) return {};
    }
  } else if (is_int(v) && (is_str(w) || is_bytes(w))) {
    size_t size = is_str(w) ? w.as<StrObject>()->m_length : bytes_view(w).size();
    if (size) {
      int64_t n;
      if (!int_value(v, n) || n < 0 || uint64_t(n) > kMaxStrSize / size) return {};
    }
  } else if (is_int(w) && (is_tuple(v) || is_str(v) || is_bytes(v))) {
    return safe_multiply(w, v);
  }
  return binary_op(v, w, BinaryOp::Multiply);
}

Ref safe_power(Value v, Value w) {
  if (is_int(v) && is_int(w) && sign_of(v) != 0 && sign_of(w) > 0) {
    size_t vbits = int_bits(v);
    int64_t wbits;
    if (!int_value(w, wbits)) return {};
    if (vbits > kMaxIntSize / uint64_t(wbits)) return {};
  }
  return power(v, w, none());
}

Ref safe_lshift(Value v, Value w) {
  if (is_int(v) && is_int(w) && sign_of(v) != 0 && sign_of(w) != 0) {
    size_t vbits = int_bits(v);
    int64_t wbits;
    if (!int_value(w, wbits) || wbits < 0) return {};
    if (uint64_t(wbits) > kMaxIntSize || vbits > kMaxIntSize - uint64_t(wbits)) return {};
  }
  return binary_op(v, w, BinaryOp::LShift);
}

Ref safe_mod(Value v, Value w) {
  // `str % x` is formatting, left for run time.
  if (is_str(v) || is_bytes(v)) return {};
  return binary_op(v, w, BinaryOp::Remainder);
}

}  // namespace

Ref Compiler::fold(ExprNode* e) {
  auto found = m_folded.find(e);
  if (found != m_folded.end()) return found->second;
  Ref result;
  switch (e->node_kind) {
    case ExprKind::Constant:
      result = make_constant(static_cast<ast::Constant*>(e)->value);
      break;
    case ExprKind::Name: {
      auto* name = static_cast<Name*>(e);
      if (name->ctx == ExprContext::Load && name->id == "__debug__") result = new_bool(true);
      break;
    }
    case ExprKind::UnaryOp: {
      auto* unary = static_cast<UnaryOp*>(e);
      Ref operand = fold(unary->operand);
      if (!operand) break;
      switch (unary->op) {
        case UnaryOperator::Invert: result = invert(operand); break;
        case UnaryOperator::Not: {
          int truth = is_true(operand);
          if (truth >= 0) result = new_bool(truth == 0);
          break;
        }
        case UnaryOperator::UAdd: result = positive(operand); break;
        case UnaryOperator::USub: result = negative(operand); break;
      }
      break;
    }
    case ExprKind::BinOp: {
      auto* binary = static_cast<BinOp*>(e);
      Ref left = fold(binary->left);
      if (!left) break;
      Ref right = fold(binary->right);
      if (!right) break;
      switch (binary->op) {
        case Operator::Add: result = binary_op(left, right, BinaryOp::Add); break;
        case Operator::Sub: result = binary_op(left, right, BinaryOp::Subtract); break;
        case Operator::Mult: result = safe_multiply(left, right); break;
        case Operator::Div: result = binary_op(left, right, BinaryOp::TrueDivide); break;
        case Operator::FloorDiv: result = binary_op(left, right, BinaryOp::FloorDivide); break;
        case Operator::Mod: result = safe_mod(left, right); break;
        case Operator::Pow: result = safe_power(left, right); break;
        case Operator::LShift: result = safe_lshift(left, right); break;
        case Operator::RShift: result = binary_op(left, right, BinaryOp::RShift); break;
        case Operator::BitOr: result = binary_op(left, right, BinaryOp::Or); break;
        case Operator::BitXor: result = binary_op(left, right, BinaryOp::Xor); break;
        case Operator::BitAnd: result = binary_op(left, right, BinaryOp::And); break;
        case Operator::MatMult: break;
      }
      break;
    }
    case ExprKind::Tuple: {
      auto* tuple = static_cast<Tuple*>(e);
      if (tuple->ctx != ExprContext::Load) break;
      std::vector<Ref> items;
      bool ok = true;
      for (ExprNode* elt : tuple->elts) {
        if (elt->node_kind == ExprKind::Starred) {
          ok = false;
          break;
        }
        Ref item = fold(elt);
        if (!item) {
          ok = false;
          break;
        }
        items.push_back(std::move(item));
      }
      if (!ok) break;
      std::vector<Value> values;
      for (const Ref& item : items) values.push_back(item.get());
      result = make_tuple(values.data(), values.size());
      break;
    }
    case ExprKind::List:
    case ExprKind::Set: {
      if (!is_iterable_display(e)) break;
      const Seq<ExprNode*>& elts = e->node_kind == ExprKind::List
                                       ? static_cast<List*>(e)->elts
                                       : static_cast<Set*>(e)->elts;
      if (e->node_kind == ExprKind::List && static_cast<List*>(e)->ctx != ExprContext::Load) break;
      std::vector<Ref> items;
      bool ok = true;
      for (ExprNode* elt : elts) {
        Ref item = elt->node_kind == ExprKind::Starred ? Ref() : fold(elt);
        if (!item) {
          ok = false;
          break;
        }
        items.push_back(std::move(item));
      }
      if (!ok) break;
      std::vector<Value> values;
      for (const Ref& item : items) values.push_back(item.get());
      result = make_tuple(values.data(), values.size());
      if (result && e->node_kind == ExprKind::Set) result = make_constant_frozenset(result);
      break;
    }
    case ExprKind::Subscript: {
      auto* subscript = static_cast<Subscript*>(e);
      if (subscript->ctx != ExprContext::Load) break;
      Ref value = fold(subscript->value);
      if (!value) break;
      Ref index = fold(subscript->slice);
      if (!index) break;
      result = getitem(value, index);
      break;
    }
    default:
      break;
  }
  // A fold that raises (1/0) or makes something that is no constant is
  // left to run time.
  if (!result) {
    if (error_pending()) clear_exception();
  } else if (constant_key(result).empty()) {
    result.reset();
  }
  m_folded.emplace(e, result);
  return result;
}

// --- Compile-time warnings ----------------------------------------------------------------

const char* Compiler::inferred_type_name(ExprNode* e) {
  switch (e->node_kind) {
    case ExprKind::Tuple: return is_constant(e) ? type_name(fold(e).type()).data() : "tuple";
    case ExprKind::List:
    case ExprKind::ListComp: return "list";
    case ExprKind::Dict:
    case ExprKind::DictComp: return "dict";
    case ExprKind::Set:
    case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "str";
    default: break;
  }
  if (Ref value = fold(e)) return type_name(value.type()).data();
  return nullptr;
}

// Calling a literal: `(1, 2)(3)` where a comma was surely meant.
bool Compiler::check_caller(ExprNode* func) {
  switch (func->node_kind) {
    case ExprKind::Constant:
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::ListComp:
    case ExprKind::Dict:
    case ExprKind::DictComp:
    case ExprKind::Set:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      break;
    default:
      if (!is_constant(func)) return true;
      break;
  }
  const char* type = inferred_type_name(func);
  if (type == nullptr) return true;
  return warn(std::string("'") + type + "' object is not callable; perhaps you missed a comma?");
}

bool Compiler::check_subscripter(ExprNode* e) {
  bool warn_it = false;
  if (Ref value = fold(e)) {
    warn_it = is_none(value) || value.get().is(ellipsis()) || is_int(value) || is_float(value) ||
              is_complex(value) || is_anyset(value);
  } else {
    switch (e->node_kind) {
      case ExprKind::Set:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp:
      case ExprKind::Lambda:
        warn_it = true;
        break;
      default:
        break;
    }
  }
  if (!warn_it) return true;
  return warn(std::string("'") + inferred_type_name(e) +
              "' object is not subscriptable; perhaps you missed a comma?");
}

bool Compiler::check_index(ExprNode* e, ExprNode* index) {
  const char* index_type = inferred_type_name(index);
  if (index_type == nullptr) return true;
  if (Ref value = fold(index)) {
    if (is_int(value)) return true;
  }
  bool warn_it = false;
  if (Ref value = fold(e)) {
    warn_it = is_str(value) || is_bytes(value) || is_tuple(value);
  } else {
    switch (e->node_kind) {
      case ExprKind::Tuple:
      case ExprKind::List:
      case ExprKind::ListComp:
      case ExprKind::JoinedStr:
      case ExprKind::FormattedValue:
        warn_it = true;
        break;
      default:
        break;
    }
  }
  if (!warn_it) return true;
  return warn(std::string(inferred_type_name(e)) + " indices must be integers or slices, not " +
              index_type + "; perhaps you missed a comma?");
}

// `x is 1`: identity with a literal (other than None, True, False, ...).
// `inverted` checks `not a is b` as the `a is not b` it compiles to.
bool Compiler::check_compare(Compare* e, bool inverted) {
  auto is_arg_ok = [&](ExprNode* operand) {
    Ref value = fold(operand);
    if (!value) return true;
    return is_none(value) || value.get().is(py_bool(true)) || value.get().is(py_bool(false)) ||
           value.get().is(ellipsis());
  };
  bool left = is_arg_ok(e->left);
  for (uint32_t i = 0; i < e->ops.size; ++i) {
    CmpOperator op = e->ops[i];
    if (inverted) op = op == CmpOperator::Is ? CmpOperator::IsNot
                       : op == CmpOperator::IsNot ? CmpOperator::Is : op;
    bool right = is_arg_ok(e->comparators[i]);
    if ((op == CmpOperator::Is || op == CmpOperator::IsNot) && (!right || !left)) {
      return warn(op == CmpOperator::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                        : "\"is not\" with a literal. Did you mean \"!=\"?");
    }
    left = right;
  }
  return true;
}

// --- Expressions -----------------------------------------------------------------------

bool Compiler::visit_exprs(const Seq<ExprNode*>& exprs) {
  for (ExprNode* e : exprs)
    if (!visit_expr(e)) return false;
  return true;
}

bool Compiler::visit_expr(ExprNode* e) {
  if (m_failed) return false;
  Position saved = m_unit->loc;
  set_loc(e);
  bool ok;
  Ref constant;
  switch (e->node_kind) {
    case ExprKind::Constant:
    case ExprKind::UnaryOp:
    case ExprKind::BinOp:
    case ExprKind::Tuple:
    case ExprKind::Subscript:
    case ExprKind::Name:
    case ExprKind::List:
    case ExprKind::Set:
      constant = fold(e);
      break;
    default:
      break;
  }
  if (constant) {
    emit_const(constant);
    ok = true;
  } else {
    ok = visit_expr_inner(e);
  }
  m_unit->loc = saved;
  return ok;
}

namespace {

// `not (a is b)` is compiled as `a is not b` (and likewise for `in`), as
// CPython's ast_opt rewrites it. Returns the inverted operator, or false.
bool inverted_compare(ExprNode* operand, CmpOperator& inverted) {
  if (operand->node_kind != ExprKind::Compare) return false;
  auto* compare = static_cast<Compare*>(operand);
  if (compare->ops.size != 1) return false;
  switch (compare->ops[0]) {
    case CmpOperator::Is: inverted = CmpOperator::IsNot; return true;
    case CmpOperator::IsNot: inverted = CmpOperator::Is; return true;
    case CmpOperator::In: inverted = CmpOperator::NotIn; return true;
    case CmpOperator::NotIn: inverted = CmpOperator::In; return true;
    default: return false;
  }
}

}  // namespace

// In `x in [a, b]` the list is only searched: it is built as a tuple.
static void mark_searched_display(Compiler& c, Compare* e) {
  CmpOperator last = e->ops[e->ops.size - 1];
  if (last == CmpOperator::In || last == CmpOperator::NotIn)
    c.mark_iterable(e->comparators[e->comparators.size - 1]);
}

void Compiler::emit_compare(CmpOperator op) {
  switch (op) {
    case CmpOperator::Eq: emit(COMPARE_OP, uint32_t(CompareOp::Eq)); break;
    case CmpOperator::NotEq: emit(COMPARE_OP, uint32_t(CompareOp::Ne)); break;
    case CmpOperator::Lt: emit(COMPARE_OP, uint32_t(CompareOp::Lt)); break;
    case CmpOperator::LtE: emit(COMPARE_OP, uint32_t(CompareOp::Le)); break;
    case CmpOperator::Gt: emit(COMPARE_OP, uint32_t(CompareOp::Gt)); break;
    case CmpOperator::GtE: emit(COMPARE_OP, uint32_t(CompareOp::Ge)); break;
    case CmpOperator::Is: emit(IS_OP, 0); break;
    case CmpOperator::IsNot: emit(IS_OP, 1); break;
    case CmpOperator::In: emit(CONTAINS_OP, 0); break;
    case CmpOperator::NotIn: emit(CONTAINS_OP, 1); break;
  }
}

void Compiler::emit_yield() {
  if (m_unit->ste->coroutine && m_unit->ste->generator) emit(ASYNC_GEN_WRAP);
  emit(YIELD_VALUE);
}

// The delegation loop of `yield from` and `await`, with the receiver and
// the value to send on the stack:
//   start: SEND exit        (the receiver returned: its result replaces it)
//          YIELD_VALUE      (it yielded: pass the value out, the sent value in)
//          JUMP start
//   exit:
// A YIELD_VALUE that directly follows a SEND is such a delegating yield:
// throw() and close() go to the receiver below it on the stack.
void Compiler::emit_yield_from() {
  Block* start = new_block();
  Block* resume = new_block();
  Block* exit = new_block();
  use_block(start);
  emit_jump(SEND, exit);
  use_block(resume);
  emit(YIELD_VALUE);
  emit_jump(JUMP, start);
  use_block(exit);
}

// A multi-line attribute chain (`a\n.b\n.c`) reports each attribute at the
// line where its name is, so tracebacks point there.
void Compiler::update_start_location_to_match_attr(Attribute* attr) {
  Position& loc = m_unit->loc;
  if (loc.lineno != attr->loc.end_lineno) {
    loc.lineno = attr->loc.end_lineno;
    // As CPython: the name's length in characters, taken from the end's
    // byte offset (the two agree for ASCII names).
    int length = 0;
    for (char c : attr->attr)
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++length;
    if (length <= attr->loc.end_col_offset) {
      loc.col = attr->loc.end_col_offset - length;
    } else {
      loc.col = -1;
      loc.end_col = -1;
    }
    if (loc.end_lineno < loc.lineno) loc.end_lineno = loc.lineno;
    if (loc.lineno == loc.end_lineno && loc.end_col < loc.col) loc.end_col = loc.col;
  }
}

bool Compiler::is_import_originated(ExprNode* e) const {
  // Whether `e` is a name the module imports (such names are called with
  // LOAD_ATTR + CALL rather than LOAD_METHOD, as CPython does).
  if (e->node_kind != ExprKind::Name) return false;
  return (m_symbols.top->flags_of(static_cast<Name*>(e)->id) & kDefImport) != 0;
}

bool Compiler::visit_expr_inner(ExprNode* e) {
  switch (e->node_kind) {
    case ExprKind::NamedExpr: {
      auto* named = static_cast<NamedExpr*>(e);
      if (!visit_expr(named->value)) return false;
      emit(COPY, 1);
      return visit_expr(named->target);
    }
    case ExprKind::BoolOp: return compile_boolop(static_cast<BoolOp*>(e));
    case ExprKind::BinOp: {
      auto* binary = static_cast<BinOp*>(e);
      bool done = false;
      if (!compile_percent_format(binary, done)) return false;
      if (done) return true;
      if (!visit_expr(binary->left) || !visit_expr(binary->right)) return false;
      emit(BINARY_OP, uint32_t(binary_op_of(binary->op, false)));
      return true;
    }
    case ExprKind::UnaryOp: {
      auto* unary = static_cast<UnaryOp*>(e);
      CmpOperator inverted;
      if (unary->op == UnaryOperator::Not && inverted_compare(unary->operand, inverted)) {
        auto* compare = static_cast<Compare*>(unary->operand);
        set_loc(compare);
        mark_searched_display(*this, compare);
        if (!check_compare(compare, true)) return false;
        if (!visit_expr(compare->left) || !visit_expr(compare->comparators[0])) return false;
        emit_compare(inverted);
        return true;
      }
      if (!visit_expr(unary->operand)) return false;
      switch (unary->op) {
        case UnaryOperator::Invert: emit(UNARY_INVERT); break;
        case UnaryOperator::Not: emit(UNARY_NOT); break;
        case UnaryOperator::UAdd: emit(UNARY_POSITIVE); break;
        case UnaryOperator::USub: emit(UNARY_NEGATIVE); break;
      }
      return true;
    }
    case ExprKind::Lambda: return compile_lambda(static_cast<Lambda*>(e));
    case ExprKind::IfExp: {
      auto* ifexp = static_cast<IfExp*>(e);
      Block* end = new_block();
      Block* next = new_block();
      if (!compile_jump_if(ifexp->test, next, false)) return false;
      if (!visit_expr(ifexp->body)) return false;
      emit_jump_noline(JUMP, end);
      use_block(next);
      if (!visit_expr(ifexp->orelse)) return false;
      use_block(end);
      return true;
    }
    case ExprKind::Dict: return compile_dict(static_cast<Dict*>(e));
    case ExprKind::Set:
      return starunpack_helper(static_cast<Set*>(e)->elts, 0, BUILD_SET, SET_ADD, SET_UPDATE,
                               false);
    case ExprKind::GeneratorExp: {
      auto* g = static_cast<GeneratorExp*>(e);
      return compile_comprehension(e, ComprehensionType::Generator, g->generators, g->elt, nullptr);
    }
    case ExprKind::ListComp: {
      auto* l = static_cast<ListComp*>(e);
      return compile_comprehension(e, ComprehensionType::List, l->generators, l->elt, nullptr);
    }
    case ExprKind::SetComp: {
      auto* s = static_cast<SetComp*>(e);
      return compile_comprehension(e, ComprehensionType::Set, s->generators, s->elt, nullptr);
    }
    case ExprKind::DictComp: {
      auto* d = static_cast<DictComp*>(e);
      return compile_comprehension(e, ComprehensionType::Dict, d->generators, d->key, d->value);
    }
    case ExprKind::Yield: {
      if (m_unit->ste->type != BlockType::Function) return error("'yield' outside function");
      auto* y = static_cast<Yield*>(e);
      if (y->value != nullptr) {
        if (!visit_expr(y->value)) return false;
      } else {
        emit_none();
      }
      emit_yield();
      return true;
    }
    case ExprKind::YieldFrom: {
      if (m_unit->ste->type != BlockType::Function) return error("'yield' outside function");
      if (m_unit->scope == ScopeType::AsyncFunction)
        return error("'yield from' inside async function");
      if (!visit_expr(static_cast<YieldFrom*>(e)->value)) return false;
      emit(GET_YIELD_FROM_ITER);
      emit_none();
      emit_yield_from();
      return true;
    }
    case ExprKind::Await: {
      bool top_level = m_top_level_await && m_unit->ste->type == BlockType::Module;
      if (top_level) {
        m_unit->top_level_coroutine = true;
      } else {
        if (m_unit->ste->type != BlockType::Function) return error("'await' outside function");
        if (m_unit->scope != ScopeType::AsyncFunction && m_unit->scope != ScopeType::Comprehension)
          return error("'await' outside async function");
      }
      if (!visit_expr(static_cast<Await*>(e)->value)) return false;
      emit(GET_AWAITABLE, 0);
      emit_none();
      emit_yield_from();
      return true;
    }
    case ExprKind::Compare: return compile_compare(static_cast<Compare*>(e));
    case ExprKind::Call: return compile_call(static_cast<Call*>(e));
    case ExprKind::FormattedValue:
      return compile_formatted_value(static_cast<FormattedValue*>(e));
    case ExprKind::JoinedStr: return compile_joined_str(static_cast<JoinedStr*>(e));
    case ExprKind::Constant: {
      Ref value = make_constant(static_cast<ast::Constant*>(e)->value);
      if (!value) return false;
      emit_const(value);
      return true;
    }
    case ExprKind::Attribute: {
      auto* attribute = static_cast<Attribute*>(e);
      if (!visit_expr(attribute->value)) return false;
      update_start_location_to_match_attr(attribute);
      switch (attribute->ctx) {
        case ExprContext::Load: emit_name(LOAD_ATTR, attribute->attr); break;
        case ExprContext::Store:
          if (forbidden_name(attribute->attr, ExprContext::Store)) return false;
          emit_name(STORE_ATTR, attribute->attr);
          break;
        case ExprContext::Del: emit_name(DELETE_ATTR, attribute->attr); break;
      }
      return true;
    }
    case ExprKind::Subscript: {
      auto* subscript = static_cast<Subscript*>(e);
      if (subscript->ctx == ExprContext::Load &&
          (!check_subscripter(subscript->value) || !check_index(subscript->value, subscript->slice)))
        return false;
      if (!visit_expr(subscript->value) || !visit_expr(subscript->slice)) return false;
      switch (subscript->ctx) {
        case ExprContext::Load: emit(BINARY_SUBSCR); break;
        case ExprContext::Store: emit(STORE_SUBSCR); break;
        case ExprContext::Del: emit(DELETE_SUBSCR); break;
      }
      return true;
    }
    case ExprKind::Starred:
      if (static_cast<Starred*>(e)->ctx == ExprContext::Store)
        return error("starred assignment target must be in a list or tuple");
      return error("can't use starred expression here");
    case ExprKind::Slice: return compile_slice(static_cast<Slice*>(e));
    case ExprKind::Name: {
      auto* name = static_cast<Name*>(e);
      return name_op(name->id, name->ctx);
    }
    case ExprKind::List: {
      auto* list = static_cast<List*>(e);
      if (list->ctx == ExprContext::Store) return assignment_helper(list->elts);
      if (list->ctx == ExprContext::Load) {
        // An iterated list becomes a tuple, unless it unpacks something.
        bool as_tuple = is_iterable_display(list);
        for (ExprNode* elt : list->elts)
          if (elt->node_kind == ExprKind::Starred) as_tuple = false;
        return starunpack_helper(list->elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, as_tuple);
      }
      return visit_exprs(list->elts);
    }
    case ExprKind::Tuple: {
      auto* tuple = static_cast<Tuple*>(e);
      if (tuple->ctx == ExprContext::Store) return assignment_helper(tuple->elts);
      if (tuple->ctx == ExprContext::Load)
        return starunpack_helper(tuple->elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true);
      return visit_exprs(tuple->elts);
    }
  }
  return true;
}

bool Compiler::compile_slice(Slice* e) {
  uint32_t n = 2;
  if (e->lower != nullptr) {
    if (!visit_expr(e->lower)) return false;
  } else {
    emit_none();
  }
  if (e->upper != nullptr) {
    if (!visit_expr(e->upper)) return false;
  } else {
    emit_none();
  }
  if (e->step != nullptr) {
    ++n;
    if (!visit_expr(e->step)) return false;
  }
  emit(BUILD_SLICE, n);
  return true;
}

// --- Conditions ----------------------------------------------------------------------------

bool Compiler::compile_boolop(BoolOp* e) {
  int jump = e->op == BoolOperator::And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
  Block* end = new_block();
  uint32_t n = e->values.size - 1;
  for (uint32_t i = 0; i < n; ++i) {
    if (!visit_expr(e->values[i])) return false;
    emit_jump(jump, end);
    use_block(new_block());
  }
  if (!visit_expr(e->values[n])) return false;
  use_block(end);
  return true;
}

// Jumps to `next` if `e` is true (cond) or false (!cond), without
// materializing a bool where the shape of `e` allows (CPython's
// compiler_jump_if).
//
// As in CPython, the jump of the general case carries the location current
// when the condition began (the statement's), while a chained comparison's
// instructions carry the comparison's.
bool Compiler::compile_jump_if(ExprNode* e, Block* next, bool cond) {
  bool handled = true;
  bool ok = true;
  switch (e->node_kind) {
    case ExprKind::UnaryOp: {
      auto* unary = static_cast<UnaryOp*>(e);
      CmpOperator inverted;
      if (unary->op == UnaryOperator::Not && !is_constant(e)) {
        if (inverted_compare(unary->operand, inverted)) {
          // `not a is b` is `a is not b`, with the comparison's location.
          auto* compare = static_cast<Compare*>(unary->operand);
          set_loc(compare);
          mark_searched_display(*this, compare);
          if (!check_compare(compare, true)) return false;
          if (!visit_expr(compare->left) || !visit_expr(compare->comparators[0])) return false;
          emit_compare(inverted);
          emit_jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
          return true;
        }
        ok = compile_jump_if(unary->operand, next, !cond);
      } else {
        handled = false;
      }
      break;
    }
    case ExprKind::BoolOp: {
      auto* boolop = static_cast<BoolOp*>(e);
      uint32_t n = boolop->values.size - 1;
      bool cond2 = boolop->op == BoolOperator::Or;
      Block* next2 = next;
      if (cond2 != cond) next2 = new_block();
      for (uint32_t i = 0; ok && i < n; ++i) ok = compile_jump_if(boolop->values[i], next2, cond2);
      if (ok) ok = compile_jump_if(boolop->values[n], next, cond);
      if (ok && next2 != next) use_block(next2);
      break;
    }
    case ExprKind::IfExp: {
      auto* ifexp = static_cast<IfExp*>(e);
      Block* end = new_block();
      Block* next2 = new_block();
      ok = compile_jump_if(ifexp->test, next2, false) && compile_jump_if(ifexp->body, next, cond);
      if (!ok) break;
      emit_jump_noline(JUMP, end);
      use_block(next2);
      ok = compile_jump_if(ifexp->orelse, next, cond);
      if (ok) use_block(end);
      break;
    }
    case ExprKind::Compare: {
      auto* compare = static_cast<Compare*>(e);
      uint32_t n = compare->ops.size - 1;
      // A comparison's jump carries the comparison's location.
      set_loc(e);
      mark_searched_display(*this, compare);
      if (n == 0) {
        handled = false;
        break;
      }
      if (!check_compare(compare)) return false;
      Block* cleanup = new_block();
      if (!visit_expr(compare->left)) return false;
      for (uint32_t i = 0; i < n; ++i) {
        if (!visit_expr(compare->comparators[i])) return false;
        emit(SWAP, 2);
        emit(COPY, 2);
        emit_compare(compare->ops[i]);
        emit_jump(POP_JUMP_IF_FALSE, cleanup);
      }
      if (!visit_expr(compare->comparators[n])) return false;
      emit_compare(compare->ops[n]);
      emit_jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
      Block* end = new_block();
      emit_jump_noline(JUMP, end);
      use_block(cleanup);
      emit(POP_TOP);
      if (!cond) emit_jump_noline(JUMP, next);
      use_block(end);
      break;
    }
    default:
      handled = false;
      break;
  }
  if (!handled) {
    ok = visit_expr(e);
    if (ok) emit_jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
  }
  return ok;
}

bool Compiler::compile_compare(Compare* e) {
  mark_searched_display(*this, e);
  if (!check_compare(e)) return false;
  if (!visit_expr(e->left)) return false;
  uint32_t n = e->ops.size - 1;
  if (n == 0) {
    if (!visit_expr(e->comparators[0])) return false;
    emit_compare(e->ops[0]);
    return true;
  }
  // a < b < c: each middle operand is kept for the next comparison; the
  // first false result short-circuits.
  Block* cleanup = new_block();
  for (uint32_t i = 0; i < n; ++i) {
    if (!visit_expr(e->comparators[i])) return false;
    emit(SWAP, 2);
    emit(COPY, 2);
    emit_compare(e->ops[i]);
    emit_jump(JUMP_IF_FALSE_OR_POP, cleanup);
  }
  if (!visit_expr(e->comparators[n])) return false;
  emit_compare(e->ops[n]);
  Block* end = new_block();
  emit_jump_noline(JUMP, end);
  use_block(cleanup);
  emit(SWAP, 2);
  emit(POP_TOP);
  use_block(end);
  return true;
}

// --- Displays ------------------------------------------------------------------------------

// A list, set or tuple display, or the positional arguments of a call with
// `*`: items pushed and built at once when they are few and plain; built
// incrementally (BUILD_x then x_APPEND / x_EXTEND) when there are starred
// items or too many for the stack; a constant tuple extended into the
// container when all items are constants. `pushed` items are on the stack
// already. With `tuple`, the result is made a tuple.
bool Compiler::starunpack_helper(const Seq<ExprNode*>& elts, int pushed, int build, int add,
                                 int extend, bool tuple) {
  uint32_t n = elts.size;
  if (n > 2) {
    bool all_constant = true;
    for (ExprNode* elt : elts) {
      if (elt->node_kind == ExprKind::Starred || !is_constant(elt)) {
        all_constant = false;
        break;
      }
    }
    if (all_constant) {
      std::vector<Value> values;
      std::vector<Ref> refs;
      for (ExprNode* elt : elts) {
        refs.push_back(fold(elt));
        values.push_back(refs.back().get());
      }
      Ref folded = make_tuple(values.data(), values.size());
      if (!folded) return false;
      if (tuple && pushed == 0) {
        emit_const(folded);
      } else {
        if (add == SET_ADD) {
          folded = make_constant_frozenset(folded);
          if (!folded) return false;
        }
        emit(build, uint32_t(pushed));
        emit_const(folded);
        emit(extend, 1);
        if (tuple) emit(LIST_TO_TUPLE);
      }
      return true;
    }
  }
  bool big = int(n) + pushed > kStackUseGuideline;
  bool seen_star = false;
  for (ExprNode* elt : elts)
    if (elt->node_kind == ExprKind::Starred) seen_star = true;
  if (!seen_star && !big) {
    if (!visit_exprs(elts)) return false;
    emit(tuple ? BUILD_TUPLE : build, n + uint32_t(pushed));
    return true;
  }
  bool built = false;
  if (big) {
    emit(build, uint32_t(pushed));
    built = true;
  }
  for (uint32_t i = 0; i < n; ++i) {
    ExprNode* elt = elts[i];
    if (elt->node_kind == ExprKind::Starred) {
      if (!built) {
        emit(build, i + uint32_t(pushed));
        built = true;
      }
      if (!visit_expr(static_cast<Starred*>(elt)->value)) return false;
      emit(extend, 1);
    } else {
      if (!visit_expr(elt)) return false;
      if (built) emit(add, 1);
    }
  }
  if (tuple) emit(LIST_TO_TUPLE);
  return true;
}

bool Compiler::unpack_helper(const Seq<ExprNode*>& elts) {
  uint32_t n = elts.size;
  bool seen_star = false;
  for (uint32_t i = 0; i < n; ++i) {
    ExprNode* elt = elts[i];
    if (elt->node_kind == ExprKind::Starred && !seen_star) {
      if (i >= (1u << 8) || n - i - 1 >= (uint32_t(INT32_MAX) >> 8))
        return error("too many expressions in star-unpacking assignment");
      emit(UNPACK_EX, i + ((n - i - 1) << 8));
      seen_star = true;
    } else if (elt->node_kind == ExprKind::Starred) {
      return error("multiple starred expressions in assignment");
    }
  }
  if (!seen_star) emit(UNPACK_SEQUENCE, n);
  return true;
}

bool Compiler::assignment_helper(const Seq<ExprNode*>& elts) {
  if (!unpack_helper(elts)) return false;
  for (ExprNode* elt : elts) {
    ExprNode* target = elt->node_kind == ExprKind::Starred ? static_cast<Starred*>(elt)->value : elt;
    if (!visit_expr(target)) return false;
  }
  return true;
}

// Keys begin…end of a dict display with no `**`: BUILD_CONST_KEY_MAP when
// the keys are constants, else BUILD_MAP (incrementally if many).
bool Compiler::compile_subdict(Dict* e, uint32_t begin, uint32_t end) {
  uint32_t n = end - begin;
  bool big = int(n) * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    bool constant_keys = true;
    for (uint32_t i = begin; i < end; ++i) {
      if (!is_constant(e->keys[i])) {
        constant_keys = false;
        break;
      }
    }
    if (constant_keys) {
      std::vector<Ref> keys;
      std::vector<Value> values;
      for (uint32_t i = begin; i < end; ++i) {
        keys.push_back(fold(e->keys[i]));
        values.push_back(keys.back().get());
      }
      for (uint32_t i = begin; i < end; ++i)
        if (!visit_expr(e->values[i])) return false;
      Ref tuple = make_tuple(values.data(), values.size());
      if (!tuple) return false;
      emit_const(tuple);
      emit(BUILD_CONST_KEY_MAP, n);
      return true;
    }
  }
  if (big) emit(BUILD_MAP, 0);
  for (uint32_t i = begin; i < end; ++i) {
    if (!visit_expr(e->keys[i]) || !visit_expr(e->values[i])) return false;
    if (big) emit(MAP_ADD, 1);
  }
  if (!big) emit(BUILD_MAP, n);
  return true;
}

bool Compiler::compile_dict(Dict* e) {
  uint32_t n = e->values.size;
  uint32_t elements = 0;
  bool have_dict = false;
  for (uint32_t i = 0; i < n; ++i) {
    bool is_unpacking = e->keys[i] == nullptr;
    if (is_unpacking) {
      if (elements) {
        if (!compile_subdict(e, i - elements, i)) return false;
        if (have_dict) emit(DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(BUILD_MAP, 0);
        have_dict = true;
      }
      if (!visit_expr(e->values[i])) return false;
      emit(DICT_UPDATE, 1);
    } else if (int(elements) * 2 > kStackUseGuideline) {
      if (!compile_subdict(e, i - elements, i + 1)) return false;
      if (have_dict) emit(DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements) {
    if (!compile_subdict(e, n - elements, n)) return false;
    if (have_dict) emit(DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(BUILD_MAP, 0);
  return true;
}

// --- Calls ---------------------------------------------------------------------------------

bool Compiler::validate_keywords(const Seq<Keyword*>& keywords) {
  for (uint32_t i = 0; i < keywords.size; ++i) {
    Keyword* keyword = keywords[i];
    if (keyword->arg.empty()) continue;
    if (forbidden_name(keyword->arg, ExprContext::Store)) return false;
    for (uint32_t j = i + 1; j < keywords.size; ++j) {
      Keyword* other = keywords[j];
      if (!other->arg.empty() && other->arg == keyword->arg) {
        set_loc(other->loc);
        return error("keyword argument repeated: " + std::string(keyword->arg));
      }
    }
  }
  return true;
}

// obj.method(args) without * or **: LOAD_METHOD + CALL, which skips making
// a bound method. `done` is false when the call does not qualify.
bool Compiler::maybe_method_call(Call* e, bool& done) {
  done = false;
  ExprNode* func = e->func;
  if (func->node_kind != ExprKind::Attribute) return true;
  auto* method = static_cast<Attribute*>(func);
  if (method->ctx != ExprContext::Load) return true;
  if (is_import_originated(method->value)) return true;
  uint32_t nargs = e->args.size;
  uint32_t nkeywords = e->keywords.size;
  if (int(nargs + nkeywords + (nkeywords != 0)) >= kStackUseGuideline) return true;
  for (ExprNode* arg : e->args)
    if (arg->node_kind == ExprKind::Starred) return true;
  for (Keyword* keyword : e->keywords)
    if (keyword->arg.empty()) return true;
  done = true;
  if (!visit_expr(method->value)) return false;
  // LOAD_METHOD carries the attribute's location, CALL the call's, both
  // starting where the method's name is.
  set_loc(method);
  update_start_location_to_match_attr(method);
  emit_name(LOAD_METHOD, method->attr);
  if (!visit_exprs(e->args)) return false;
  if (nkeywords) {
    std::vector<Ref> names;
    std::vector<Value> values;
    for (Keyword* keyword : e->keywords) {
      if (!visit_expr(keyword->value)) return false;
      names.push_back(intern(keyword->arg));
      if (!names.back()) return false;
      values.push_back(names.back().get());
    }
    Ref tuple = make_tuple(values.data(), values.size());
    if (!tuple) return false;
    emit(KW_NAMES, add_const(tuple));
  }
  set_loc(e);
  update_start_location_to_match_attr(method);
  emit(CALL, nargs + nkeywords);
  return true;
}

bool Compiler::compile_call(Call* e) {
  if (!validate_keywords(e->keywords)) return false;
  bool done = false;
  if (!maybe_method_call(e, done)) return false;
  if (done) return true;
  if (!check_caller(e->func)) return false;
  set_loc(e->func);
  emit(PUSH_NULL);
  set_loc(e);
  if (!visit_expr(e->func)) return false;
  return compile_call_helper(0, e->args, e->keywords);
}

// Keyword arguments begin…end (none `**`) as a dict, for CALL_FUNCTION_EX.
bool Compiler::compile_subkwargs(const Seq<Keyword*>& keywords, uint32_t begin, uint32_t end) {
  uint32_t n = end - begin;
  bool big = int(n) * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    std::vector<Ref> names;
    std::vector<Value> values;
    for (uint32_t i = begin; i < end; ++i) {
      if (!visit_expr(keywords[i]->value)) return false;
      names.push_back(intern(keywords[i]->arg));
      if (!names.back()) return false;
      values.push_back(names.back().get());
    }
    Ref tuple = make_tuple(values.data(), values.size());
    if (!tuple) return false;
    emit_const(tuple);
    emit(BUILD_CONST_KEY_MAP, n);
    return true;
  }
  if (big) emit_noline(BUILD_MAP, 0);
  for (uint32_t i = begin; i < end; ++i) {
    Ref name = intern(keywords[i]->arg);
    if (!name) return false;
    emit_const(name);
    if (!visit_expr(keywords[i]->value)) return false;
    if (big) emit_noline(MAP_ADD, 1);
  }
  if (!big) emit(BUILD_MAP, n);
  return true;
}

// The arguments of a call whose callable (and `pushed` arguments) are on the
// stack: CALL when they are plain, else CALL_FUNCTION_EX with a tuple of
// positional arguments and, if there are keywords, a dict of them.
bool Compiler::compile_call_helper(int pushed, const Seq<ExprNode*>& args,
                                   const Seq<Keyword*>& keywords) {
  if (!validate_keywords(keywords)) return false;
  uint32_t nargs = args.size;
  uint32_t nkeywords = keywords.size;
  bool ex_call = int(nargs + nkeywords * 2) > kStackUseGuideline;
  for (ExprNode* arg : args)
    if (arg->node_kind == ExprKind::Starred) ex_call = true;
  for (Keyword* keyword : keywords)
    if (keyword->arg.empty()) ex_call = true;

  if (!ex_call) {
    if (!visit_exprs(args)) return false;
    if (nkeywords) {
      std::vector<Ref> names;
      std::vector<Value> values;
      for (Keyword* keyword : keywords) {
        if (!visit_expr(keyword->value)) return false;
        names.push_back(intern(keyword->arg));
        if (!names.back()) return false;
        values.push_back(names.back().get());
      }
      Ref tuple = make_tuple(values.data(), values.size());
      if (!tuple) return false;
      emit(KW_NAMES, add_const(tuple));
    }
    emit(CALL, uint32_t(pushed) + nargs + nkeywords);
    return true;
  }

  // Positional arguments: `f(*a)` passes `a` itself (CALL_FUNCTION_EX makes
  // it a tuple if it is not one); otherwise a list made a tuple.
  if (pushed == 0 && nargs == 1 && args[0]->node_kind == ExprKind::Starred) {
    if (!visit_expr(static_cast<Starred*>(args[0])->value)) return false;
  } else if (!starunpack_helper(args, pushed, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)) {
    return false;
  }
  // Keyword arguments: runs of plain ones become dicts merged with each `**`.
  if (nkeywords) {
    bool have_dict = false;
    uint32_t seen = 0;
    for (uint32_t i = 0; i < nkeywords; ++i) {
      Keyword* keyword = keywords[i];
      if (keyword->arg.empty()) {
        if (seen) {
          if (!compile_subkwargs(keywords, i - seen, i)) return false;
          if (have_dict) emit(DICT_MERGE, 1);
          have_dict = true;
          seen = 0;
        }
        if (!have_dict) {
          emit(BUILD_MAP, 0);
          have_dict = true;
        }
        if (!visit_expr(keyword->value)) return false;
        emit(DICT_MERGE, 1);
      } else {
        ++seen;
      }
    }
    if (seen) {
      if (!compile_subkwargs(keywords, nkeywords - seen, nkeywords)) return false;
      if (have_dict) emit(DICT_MERGE, 1);
    }
  }
  emit(CALL_FUNCTION_EX, nkeywords > 0 ? 1 : 0);
  return true;
}

// --- Functions ----------------------------------------------------------------------------

bool Compiler::compile_lambda(Lambda* e) {
  Arguments* args = e->args;
  if (!check_debug_args(args)) return false;
  int flags = compile_default_arguments(args);
  if (flags < 0) return false;
  if (!enter_scope("<lambda>", ScopeType::Lambda, e, e->loc.lineno)) return false;
  // None first, so that a lambda has no docstring.
  add_const(none());
  m_unit->argcount = args->args.size;
  m_unit->posonlyargcount = args->posonlyargs.size;
  m_unit->kwonlyargcount = args->kwonlyargs.size;
  if (!visit_expr(e->body)) return false;
  Ref code;
  if (m_unit->ste->generator) {
    // A generator lambda returns its body's value as StopIteration.value.
    code = assemble(false);
  } else {
    emit(RETURN_VALUE);
    code = assemble(true);
  }
  exit_scope();
  if (!code) return false;
  return make_closure(code, uint32_t(flags));
}

// --- Comprehensions -------------------------------------------------------------------------

// A comprehension is a nested function called with the iterator of its
// outermost iterable (CPython 3.11 does not inline them).
bool Compiler::compile_comprehension(ExprNode* e, ComprehensionType type,
                                     const Seq<Comprehension*>& generators, ExprNode* element,
                                     ExprNode* value) {
  ScopeType outer_scope = m_unit->scope;
  bool top_level_await = m_top_level_await && m_unit->ste->type == BlockType::Module;
  Comprehension* outermost = generators[0];
  const char* name = type == ComprehensionType::Generator ? "<genexpr>"
                     : type == ComprehensionType::List    ? "<listcomp>"
                     : type == ComprehensionType::Set     ? "<setcomp>"
                                                          : "<dictcomp>";
  for (Comprehension* generator : generators) mark_iterable(generator->iter);
  if (!enter_scope(name, ScopeType::Comprehension, e, e->loc.lineno)) return false;
  set_loc(e);
  bool is_async_generator = m_unit->ste->coroutine;
  if (is_async_generator && type != ComprehensionType::Generator &&
      outer_scope != ScopeType::AsyncFunction && outer_scope != ScopeType::Comprehension &&
      !top_level_await)
    return error("asynchronous comprehension outside of an asynchronous function");
  if (type != ComprehensionType::Generator) {
    emit(type == ComprehensionType::List ? BUILD_LIST
         : type == ComprehensionType::Set ? BUILD_SET
                                          : BUILD_MAP,
         0);
  }
  if (!compile_comprehension_generator(generators, 0, 0, element, value, type)) return false;
  if (type != ComprehensionType::Generator) emit(RETURN_VALUE);
  Ref code = assemble(true);
  exit_scope();
  if (!code) return false;
  if (top_level_await && is_async_generator) m_unit->top_level_coroutine = true;
  if (!make_closure(code, 0)) return false;
  if (!visit_expr(outermost->iter)) return false;
  emit(outermost->is_async ? GET_AITER : GET_ITER);
  emit(CALL, 0);
  if (is_async_generator && type != ComprehensionType::Generator) {
    emit(GET_AWAITABLE, 0);
    emit_none();
    emit_yield_from();
  }
  return true;
}

bool Compiler::compile_comprehension_generator(const Seq<Comprehension*>& generators,
                                               uint32_t index, int depth, ExprNode* element,
                                               ExprNode* value, ComprehensionType type) {
  if (generators[index]->is_async)
    return compile_async_comprehension_generator(generators, index, depth, element, value, type);
  return compile_sync_comprehension_generator(generators, index, depth, element, value, type);
}

bool Compiler::compile_comprehension_element(ExprNode* element, ExprNode* value,
                                             ComprehensionType type, int depth) {
  switch (type) {
    case ComprehensionType::Generator:
      if (!visit_expr(element)) return false;
      emit_yield();
      emit(POP_TOP);
      return true;
    case ComprehensionType::List:
      if (!visit_expr(element)) return false;
      emit(LIST_APPEND, uint32_t(depth + 1));
      return true;
    case ComprehensionType::Set:
      if (!visit_expr(element)) return false;
      emit(SET_ADD, uint32_t(depth + 1));
      return true;
    case ComprehensionType::Dict:
      // With '{k: v}', k is evaluated before v.
      if (!visit_expr(element) || !visit_expr(value)) return false;
      emit(MAP_ADD, uint32_t(depth + 1));
      return true;
    case ComprehensionType::None:
      break;
  }
  return true;
}

bool Compiler::compile_sync_comprehension_generator(const Seq<Comprehension*>& generators,
                                                    uint32_t index, int depth,
                                                    ExprNode* element, ExprNode* value,
                                                    ComprehensionType type) {
  Block* start = new_block();
  Block* if_cleanup = new_block();
  Block* anchor = new_block();
  Comprehension* generator = generators[index];
  if (index == 0) {
    // The outermost iterator arrives as the implicit argument `.0`.
    m_unit->argcount = 1;
    emit(LOAD_FAST, 0);
  } else {
    // `for y in [f(x)]` binds y without a loop.
    const Seq<ExprNode*>* elts = nullptr;
    if (is_constant(generator->iter)) {
      // A constant tuple: iterated like any other.
    } else if (generator->iter->node_kind == ExprKind::List)
      elts = &static_cast<List*>(generator->iter)->elts;
    else if (generator->iter->node_kind == ExprKind::Tuple)
      elts = &static_cast<Tuple*>(generator->iter)->elts;
    if (elts != nullptr && elts->size == 1 && (*elts)[0]->node_kind != ExprKind::Starred) {
      if (!visit_expr((*elts)[0])) return false;
      start = nullptr;
    }
    if (start != nullptr) {
      if (!visit_expr(generator->iter)) return false;
      emit(GET_ITER);
    }
  }
  if (start != nullptr) {
    ++depth;
    use_block(start);
    emit_jump(FOR_ITER, anchor);
  }
  if (!visit_expr(generator->target)) return false;
  for (ExprNode* condition : generator->ifs)
    if (!compile_jump_if(condition, if_cleanup, false)) return false;
  if (index + 1 < generators.size) {
    if (!compile_comprehension_generator(generators, index + 1, depth, element, value, type))
      return false;
  } else if (!compile_comprehension_element(element, value, type, depth)) {
    return false;
  }
  use_block(if_cleanup);
  if (start != nullptr) {
    emit_jump(JUMP, start);
    use_block(anchor);
  }
  return true;
}

bool Compiler::compile_async_comprehension_generator(const Seq<Comprehension*>& generators,
                                                     uint32_t index, int depth,
                                                     ExprNode* element, ExprNode* value,
                                                     ComprehensionType type) {
  Block* start = new_block();
  Block* except = new_block();
  Block* if_cleanup = new_block();
  Comprehension* generator = generators[index];
  if (index == 0) {
    m_unit->argcount = 1;
    emit(LOAD_FAST, 0);
  } else {
    if (!visit_expr(generator->iter)) return false;
    emit(GET_AITER);
  }
  use_block(start);
  if (!push_frame_block(FrameBlock{FrameBlockType::AsyncComprehensionGenerator, start}))
    return false;
  emit_jump(kSetupFinally, except);
  emit(GET_ANEXT);
  emit_none();
  emit_yield_from();
  emit(kPopBlock);
  if (!visit_expr(generator->target)) return false;
  for (ExprNode* condition : generator->ifs)
    if (!compile_jump_if(condition, if_cleanup, false)) return false;
  ++depth;
  if (index + 1 < generators.size) {
    if (!compile_comprehension_generator(generators, index + 1, depth, element, value, type))
      return false;
  } else if (!compile_comprehension_element(element, value, type, depth)) {
    return false;
  }
  use_block(if_cleanup);
  emit_jump(JUMP, start);
  pop_frame_block();
  use_block(except);
  emit(END_ASYNC_FOR);
  return true;
}

// --- f-strings ------------------------------------------------------------------------------

namespace {

// One piece of a `'…' % (…)` turned into an f-string: literal text, or an
// argument with its conversion and format spec.
struct FormatPiece {
  bool literal = true;
  std::string text;       // the literal, or the format spec
  bool has_spec = false;
  ExprNode* arg = nullptr;
  char conversion = 0;
};

// CPython's simple_format_arg_parse: flags, a width and a precision of at
// most two digits each, and the conversion character.
bool parse_format_unit(std::string_view fmt, size_t& pos, char& spec, bool& left_justify,
                       int& width, int& precision) {
  char ch = 0;
  auto next = [&]() {
    if (pos >= fmt.size()) return false;
    ch = fmt[pos++];
    return true;
  };
  left_justify = false;
  while (true) {
    if (!next()) return false;
    if (ch == '-') {
      left_justify = true;
      continue;
    }
    if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') continue;
    break;
  }
  if (ch >= '0' && ch <= '9') {
    width = 0;
    int digits = 0;
    while (ch >= '0' && ch <= '9') {
      width = width * 10 + (ch - '0');
      if (!next()) return false;
      if (++digits >= 3) return false;
    }
  }
  if (ch == '.') {
    if (!next()) return false;
    precision = 0;
    int digits = 0;
    while (ch >= '0' && ch <= '9') {
      precision = precision * 10 + (ch - '0');
      if (!next()) return false;
      if (++digits >= 3) return false;
    }
  }
  spec = ch;
  return true;
}

}  // namespace

// `'%s: %r' % (a, b)` is compiled as f'{a!s}: {b!r}', as CPython's ast_opt
// (optimize_format) rewrites it: when the format uses only %s, %r and %a
// with simple widths and the items are a tuple display matching them one
// for one; anything else is left to str.__mod__ at run time.
bool Compiler::compile_percent_format(BinOp* e, bool& done) {
  done = false;
  if (e->op != Operator::Mod || e->right->node_kind != ExprKind::Tuple) return true;
  Ref left = fold(e->left);
  if (!left || !is_str(left) || fold(e->right)) return true;
  auto* tuple = static_cast<Tuple*>(e->right);
  for (ExprNode* elt : tuple->elts)
    if (elt->node_kind == ExprKind::Starred) return true;
  std::string_view fmt = str_view(left);
  std::vector<FormatPiece> pieces;
  size_t pos = 0;
  uint32_t count = 0;
  while (true) {
    // Literal text up to the next lone '%' ("%%" is a '%').
    size_t start = pos;
    std::string text;
    while (pos < fmt.size()) {
      if (fmt[pos] != '%') {
        text += fmt[pos++];
      } else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
        text += '%';
        pos += 2;
      } else {
        break;
      }
    }
    if (pos != start) pieces.push_back(FormatPiece{true, std::move(text)});
    if (pos >= fmt.size()) break;
    if (count >= tuple->elts.size) return true;  // more units than items
    ++pos;  // the '%'
    char spec = 0;
    bool left_justify = false;
    int width = -1;
    int precision = -1;
    if (!parse_format_unit(fmt, pos, spec, left_justify, width, precision)) return true;
    if (spec != 's' && spec != 'r' && spec != 'a') return true;
    FormatPiece piece;
    piece.literal = false;
    piece.arg = tuple->elts[count++];
    piece.conversion = spec;
    if (!left_justify && width > 0) piece.text += '>';
    if (width >= 0) piece.text += std::to_string(width);
    if (precision >= 0) piece.text += "." + std::to_string(precision);
    piece.has_spec = !piece.text.empty();
    pieces.push_back(std::move(piece));
  }
  if (count < tuple->elts.size) return true;  // more items than units
  done = true;
  // The literal pieces have no location of their own.
  auto emit_text = [&](const std::string& text) -> bool {
    Position saved = m_unit->loc;
    m_unit->loc = Position{};
    Ref value = make_str(text);
    if (!value) return false;
    emit_const(value);
    m_unit->loc = saved;
    return true;
  };
  uint32_t n = uint32_t(pieces.size());
  bool big = int(n) > kStackUseGuideline;
  if (big) {
    emit_const(intern_static(""));
    emit_name_unmangled(LOAD_METHOD, "join");
    emit(BUILD_LIST, 0);
  }
  for (const FormatPiece& piece : pieces) {
    if (piece.literal) {
      if (!emit_text(piece.text)) return false;
    } else {
      Position saved = m_unit->loc;
      set_loc(piece.arg);
      if (!visit_expr(piece.arg)) return false;
      uint32_t arg = piece.conversion == 's' ? 1 : piece.conversion == 'r' ? 2 : 3;
      if (piece.has_spec) {
        if (!emit_text(piece.text)) return false;
        arg |= 4;
      }
      emit(FORMAT_VALUE, arg);
      m_unit->loc = saved;
    }
    if (big) emit(LIST_APPEND, 1);
  }
  if (big) {
    emit(CALL, 1);
  } else if (n != 1) {
    emit(BUILD_STRING, n);
  }
  return true;
}

bool Compiler::compile_joined_str(JoinedStr* e) {
  uint32_t n = e->values.size;
  if (int(n) > kStackUseGuideline) {
    // ''.join([...]) for very long f-strings.
    emit_const(intern_static(""));
    emit_name_unmangled(LOAD_METHOD, "join");
    emit(BUILD_LIST, 0);
    for (ExprNode* value : e->values) {
      if (!visit_expr(value)) return false;
      emit(LIST_APPEND, 1);
    }
    emit(CALL, 1);
    return true;
  }
  if (!visit_exprs(e->values)) return false;
  if (n != 1) emit(BUILD_STRING, n);
  return true;
}

// FORMAT_VALUE's argument: the conversion in the low two bits (0 none,
// 1 !s, 2 !r, 3 !a), 4 when a format spec is on the stack.
bool Compiler::compile_formatted_value(FormattedValue* e) {
  if (!visit_expr(e->value)) return false;
  uint32_t arg = 0;
  switch (e->conversion) {
    case 's': arg = 1; break;
    case 'r': arg = 2; break;
    case 'a': arg = 3; break;
    default: arg = 0; break;
  }
  if (e->format_spec != nullptr) {
    if (!visit_expr(e->format_spec)) return false;
    arg |= 4;
  }
  emit(FORMAT_VALUE, arg);
  return true;
}

}  // namespace coil::compiler
