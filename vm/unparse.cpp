// Expressions back to source text, as CPython's Python/ast_unparse.c writes
// them: the strings that annotations become under
// `from __future__ import annotations` (PEP 563). Parentheses are added by
// precedence, not copied from the source, so `(a)` becomes `a`.
#include <string>

#include "runtime/repr.h"
#include "vm/compiler_internal.h"

namespace coil::compiler {

using namespace ast;

namespace {

// ast_unparse.c's precedence levels, loosest first.
enum Precedence {
  kTuple,
  kTest,  // if-else, lambda
  kOr,
  kAnd,
  kNot,
  kCmp,
  kExpr,
  kBor = kExpr,
  kBxor,
  kBand,
  kShift,
  kArith,
  kTerm,
  kFactor,
  kPower,
  kAwait,
  kAtom,
};

// Infinite floats print as 1e309 so that the text reads back as infinity.
std::string replace_inf(std::string text) {
  size_t pos = 0;
  while ((pos = text.find("inf", pos)) != std::string::npos) {
    text.replace(pos, 3, "1e309");
    pos += 5;
  }
  return text;
}

class Unparser {
 public:
  std::string out;

  void expr(const ExprNode* e, int level) {
    switch (e->node_kind) {
      case ExprKind::BoolOp: {
        auto* b = static_cast<const BoolOp*>(e);
        int pr = b->op == BoolOperator::And ? kAnd : kOr;
        open(level > pr);
        for (uint32_t i = 0; i < b->values.size; ++i) {
          if (i > 0) out += b->op == BoolOperator::And ? " and " : " or ";
          expr(b->values[i], pr + 1);
        }
        close(level > pr);
        return;
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        const char* op = "";
        int pr = kArith;
        bool right_assoc = false;
        switch (b->op) {
          case Operator::Add: op = " + ", pr = kArith; break;
          case Operator::Sub: op = " - ", pr = kArith; break;
          case Operator::Mult: op = " * ", pr = kTerm; break;
          case Operator::MatMult: op = " @ ", pr = kTerm; break;
          case Operator::Div: op = " / ", pr = kTerm; break;
          case Operator::Mod: op = " % ", pr = kTerm; break;
          case Operator::LShift: op = " << ", pr = kShift; break;
          case Operator::RShift: op = " >> ", pr = kShift; break;
          case Operator::BitOr: op = " | ", pr = kBor; break;
          case Operator::BitXor: op = " ^ ", pr = kBxor; break;
          case Operator::BitAnd: op = " & ", pr = kBand; break;
          case Operator::FloorDiv: op = " // ", pr = kTerm; break;
          case Operator::Pow: op = " ** ", pr = kPower, right_assoc = true; break;
        }
        open(level > pr);
        expr(b->left, pr + (right_assoc ? 1 : 0));
        out += op;
        expr(b->right, pr + (right_assoc ? 0 : 1));
        close(level > pr);
        return;
      }
      case ExprKind::UnaryOp: {
        auto* u = static_cast<const UnaryOp*>(e);
        const char* op = "";
        int pr = kFactor;
        switch (u->op) {
          case UnaryOperator::Invert: op = "~"; break;
          case UnaryOperator::Not: op = "not ", pr = kNot; break;
          case UnaryOperator::UAdd: op = "+"; break;
          case UnaryOperator::USub: op = "-"; break;
        }
        open(level > pr);
        out += op;
        expr(u->operand, pr);
        close(level > pr);
        return;
      }
      case ExprKind::Lambda: {
        auto* l = static_cast<const Lambda*>(e);
        open(level > kTest);
        uint32_t positional = l->args->args.size + l->args->posonlyargs.size;
        out += positional ? "lambda " : "lambda";
        arguments(l->args);
        out += ": ";
        expr(l->body, kTest);
        close(level > kTest);
        return;
      }
      case ExprKind::IfExp: {
        auto* i = static_cast<const IfExp*>(e);
        open(level > kTest);
        expr(i->body, kTest + 1);
        out += " if ";
        expr(i->test, kTest + 1);
        out += " else ";
        expr(i->orelse, kTest);
        close(level > kTest);
        return;
      }
      case ExprKind::Dict: {
        auto* d = static_cast<const Dict*>(e);
        out += '{';
        for (uint32_t i = 0; i < d->values.size; ++i) {
          if (i > 0) out += ", ";
          if (d->keys[i] != nullptr) {
            expr(d->keys[i], kTest);
            out += ": ";
            expr(d->values[i], kTest);
          } else {
            out += "**";
            expr(d->values[i], kExpr);
          }
        }
        out += '}';
        return;
      }
      case ExprKind::Set:
        sequence("{", static_cast<const Set*>(e)->elts, "}");
        return;
      case ExprKind::ListComp: {
        auto* c = static_cast<const ListComp*>(e);
        out += '[';
        expr(c->elt, kTest);
        comprehensions(c->generators);
        out += ']';
        return;
      }
      case ExprKind::SetComp: {
        auto* c = static_cast<const SetComp*>(e);
        out += '{';
        expr(c->elt, kTest);
        comprehensions(c->generators);
        out += '}';
        return;
      }
      case ExprKind::DictComp: {
        auto* c = static_cast<const DictComp*>(e);
        out += '{';
        expr(c->key, kTest);
        out += ": ";
        expr(c->value, kTest);
        comprehensions(c->generators);
        out += '}';
        return;
      }
      case ExprKind::GeneratorExp: {
        auto* c = static_cast<const GeneratorExp*>(e);
        out += '(';
        expr(c->elt, kTest);
        comprehensions(c->generators);
        out += ')';
        return;
      }
      case ExprKind::Await: {
        open(level > kAwait);
        out += "await ";
        expr(static_cast<const Await*>(e)->value, kAtom);
        close(level > kAwait);
        return;
      }
      case ExprKind::Yield: {
        auto* y = static_cast<const Yield*>(e);
        if (y->value == nullptr) {
          out += "(yield)";
          return;
        }
        out += "(yield ";
        expr(y->value, kTest);
        out += ')';
        return;
      }
      case ExprKind::YieldFrom:
        out += "(yield from ";
        expr(static_cast<const YieldFrom*>(e)->value, kTest);
        out += ')';
        return;
      case ExprKind::Compare: {
        auto* c = static_cast<const Compare*>(e);
        open(level > kCmp);
        expr(c->left, kCmp + 1);
        for (uint32_t i = 0; i < c->ops.size; ++i) {
          switch (c->ops[i]) {
            case CmpOperator::Eq: out += " == "; break;
            case CmpOperator::NotEq: out += " != "; break;
            case CmpOperator::Lt: out += " < "; break;
            case CmpOperator::LtE: out += " <= "; break;
            case CmpOperator::Gt: out += " > "; break;
            case CmpOperator::GtE: out += " >= "; break;
            case CmpOperator::Is: out += " is "; break;
            case CmpOperator::IsNot: out += " is not "; break;
            case CmpOperator::In: out += " in "; break;
            case CmpOperator::NotIn: out += " not in "; break;
          }
          expr(c->comparators[i], kCmp + 1);
        }
        close(level > kCmp);
        return;
      }
      case ExprKind::Call: {
        auto* c = static_cast<const Call*>(e);
        expr(c->func, kAtom);
        if (c->args.size == 1 && c->keywords.size == 0 &&
            c->args[0]->node_kind == ExprKind::GeneratorExp) {
          expr(c->args[0], kTest);  // f(x for x in y): the generator's parentheses
          return;
        }
        out += '(';
        bool first = true;
        for (ExprNode* arg : c->args) {
          if (!first) out += ", ";
          first = false;
          expr(arg, kTest);
        }
        for (Keyword* keyword : c->keywords) {
          if (!first) out += ", ";
          first = false;
          if (keyword->arg.empty()) {
            out += "**";
          } else {
            out += keyword->arg;
            out += '=';
          }
          expr(keyword->value, kTest);
        }
        out += ')';
        return;
      }
      case ExprKind::FormattedValue:
        formatted_value(static_cast<const FormattedValue*>(e));
        return;
      case ExprKind::JoinedStr:
        joined_str(static_cast<const JoinedStr*>(e), false);
        return;
      case ExprKind::Constant: {
        auto* c = static_cast<const ast::Constant*>(e);
        if (c->value.kind == ConstantValue::Kind::Ellipsis) {
          out += "...";
          return;
        }
        out += c->kind;
        constant(c->value);
        return;
      }
      case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(e);
        expr(a->value, kAtom);
        // An int needs a space before the period: `1 .real`.
        bool is_int = a->value->node_kind == ExprKind::Constant &&
                      static_cast<const ast::Constant*>(a->value)->value.kind ==
                          ConstantValue::Kind::Int;
        out += is_int ? " ." : ".";
        out += a->attr;
        return;
      }
      case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(e);
        expr(s->value, kAtom);
        out += '[';
        expr(s->slice, kTuple);
        out += ']';
        return;
      }
      case ExprKind::Starred:
        out += '*';
        expr(static_cast<const Starred*>(e)->value, kExpr);
        return;
      case ExprKind::Name:
        out += static_cast<const Name*>(e)->id;
        return;
      case ExprKind::List:
        sequence("[", static_cast<const List*>(e)->elts, "]");
        return;
      case ExprKind::Tuple: {
        auto* t = static_cast<const Tuple*>(e);
        if (t->elts.empty()) {
          out += "()";
          return;
        }
        open(level > kTuple);
        for (uint32_t i = 0; i < t->elts.size; ++i) {
          if (i > 0) out += ", ";
          expr(t->elts[i], kTest);
        }
        if (t->elts.size == 1) out += ',';
        close(level > kTuple);
        return;
      }
      case ExprKind::Slice: {
        auto* s = static_cast<const Slice*>(e);
        if (s->lower != nullptr) expr(s->lower, kTest);
        out += ':';
        if (s->upper != nullptr) expr(s->upper, kTest);
        if (s->step != nullptr) {
          out += ':';
          expr(s->step, kTest);
        }
        return;
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        open(level > kTuple);
        expr(n->target, kAtom);
        out += " := ";
        expr(n->value, kAtom);
        close(level > kTuple);
        return;
      }
    }
  }

 private:
  void open(bool yes) {
    if (yes) out += '(';
  }
  void close(bool yes) {
    if (yes) out += ')';
  }

  void sequence(const char* begin, const Seq<ExprNode*>& elts, const char* end) {
    out += begin;
    for (uint32_t i = 0; i < elts.size; ++i) {
      if (i > 0) out += ", ";
      expr(elts[i], kTest);
    }
    out += end;
  }

  void comprehensions(const Seq<Comprehension*>& generators) {
    for (Comprehension* g : generators) {
      out += g->is_async ? " async for " : " for ";
      expr(g->target, kTuple);
      out += " in ";
      expr(g->iter, kTest + 1);
      for (ExprNode* condition : g->ifs) {
        out += " if ";
        expr(condition, kTest + 1);
      }
    }
  }

  void argument(const Arg* arg) {
    out += arg->arg;
    if (arg->annotation != nullptr) {
      out += ": ";
      expr(arg->annotation, kTest);
    }
  }

  void arguments(const Arguments* args) {
    bool first = true;
    auto separator = [&]() {
      if (!first) out += ", ";
      first = false;
    };
    uint32_t posonly = args->posonlyargs.size;
    uint32_t count = args->args.size;
    uint32_t defaults = args->defaults.size;
    for (uint32_t i = 0; i < posonly + count; ++i) {
      separator();
      argument(i < posonly ? args->posonlyargs[i] : args->args[i - posonly]);
      int64_t di = int64_t(i) - posonly - count + defaults;
      if (di >= 0) {
        out += '=';
        expr(args->defaults[uint32_t(di)], kTest);
      }
      if (posonly && i + 1 == posonly) out += ", /";
    }
    if (args->vararg != nullptr || !args->kwonlyargs.empty()) {
      separator();
      out += '*';
      if (args->vararg != nullptr) argument(args->vararg);
    }
    uint32_t kwcount = args->kwonlyargs.size;
    uint32_t kwdefaults = args->kw_defaults.size;
    for (uint32_t i = 0; i < kwcount; ++i) {
      separator();
      argument(args->kwonlyargs[i]);
      int64_t di = int64_t(i) - kwcount + kwdefaults;
      if (di >= 0 && args->kw_defaults[uint32_t(di)] != nullptr) {
        out += '=';
        expr(args->kw_defaults[uint32_t(di)], kTest);
      }
    }
    if (args->kwarg != nullptr) {
      separator();
      out += "**";
      argument(args->kwarg);
    }
  }

  void constant(const ConstantValue& value) {
    switch (value.kind) {
      case ConstantValue::Kind::None: out += "None"; break;
      case ConstantValue::Kind::True: out += "True"; break;
      case ConstantValue::Kind::False: out += "False"; break;
      case ConstantValue::Kind::Ellipsis: out += "Ellipsis"; break;
      case ConstantValue::Kind::Int:
        out += value.text.empty() ? std::string_view("0") : value.text;
        break;
      case ConstantValue::Kind::Float: out += replace_inf(float_repr(value.number)); break;
      case ConstantValue::Kind::Complex: out += replace_inf(imaginary_repr(value.number)); break;
      case ConstantValue::Kind::Str: out += str_repr(value.text); break;
      case ConstantValue::Kind::Bytes: out += bytes_repr(value.text); break;
    }
  }

  // The body of an f-string: text with its braces doubled, fields.
  static std::string fstring_body(const Seq<ExprNode*>& values, bool is_format_spec) {
    Unparser body;
    for (ExprNode* value : values) body.fstring_element(value, is_format_spec);
    return body.out;
  }

  void fstring_element(const ExprNode* e, bool is_format_spec) {
    switch (e->node_kind) {
      case ExprKind::Constant: {
        std::string_view text = static_cast<const ast::Constant*>(e)->value.text;
        for (char c : text) {
          out += c;
          if (c == '{' || c == '}') out += c;
        }
        return;
      }
      case ExprKind::JoinedStr:
        joined_str(static_cast<const JoinedStr*>(e), is_format_spec);
        return;
      case ExprKind::FormattedValue:
        formatted_value(static_cast<const FormattedValue*>(e));
        return;
      default:
        return;
    }
  }

  void joined_str(const JoinedStr* e, bool is_format_spec) {
    std::string body = fstring_body(e->values, is_format_spec);
    if (is_format_spec) {
      out += body;
    } else {
      out += 'f';
      out += str_repr(body);
    }
  }

  void formatted_value(const FormattedValue* e) {
    Unparser value;
    // kTest + 1: a lambda's ':' needs parentheses here.
    value.expr(e->value, kTest + 1);
    out += !value.out.empty() && value.out[0] == '{' ? "{ " : "{";
    out += value.out;
    switch (e->conversion) {
      case 'a': out += "!a"; break;
      case 'r': out += "!r"; break;
      case 's': out += "!s"; break;
      default: break;
    }
    if (e->format_spec != nullptr) {
      out += ':';
      fstring_element(e->format_spec, true);
    }
    out += '}';
  }
};

}  // namespace

std::string unparse_expression(const ExprNode* e) {
  Unparser unparser;
  unparser.expr(e, kTest);
  return unparser.out;
}

}  // namespace coil::compiler
