// `match` statements (PEP 634), as CPython 3.11's compile.c compiles them.
//
// Every pattern routine consumes the subject on top of the stack and, when
// it does not match, jumps to a "fail_pop" block that pops whatever the
// pattern still has on the stack. `on_top` counts those items. A name a
// pattern captures is not stored at once: its value is rotated underneath
// the items in use, and all captures are stored together once the whole
// pattern has matched, so that a failed match binds nothing.
#include <algorithm>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

namespace coil::compiler {

using namespace ast;

struct Compiler::PatternContext {
  std::vector<std::string_view> stores;  // captured names, in capture order
  bool allow_irrefutable = false;
  std::vector<Block*> fail_pop;
  int on_top = 0;
};

namespace {

using PatternContext = Compiler::PatternContext;

bool is_wildcard(const PatternNode* p) {
  return p->node_kind == PatternKind::MatchAs && static_cast<const MatchAs*>(p)->pattern == nullptr &&
         static_cast<const MatchAs*>(p)->name.empty();
}

bool is_wildcard_star(const PatternNode* p) {
  return p->node_kind == PatternKind::MatchStar && static_cast<const MatchStar*>(p)->name.empty();
}

std::string quoted(std::string_view name) {
  Ref text = make_str(name);
  if (text) {
    Ref r = repr(text);
    if (r) return std::string(str_view(r));
  }
  clear_exception();
  return "'" + std::string(name) + "'";
}

class PatternCompiler {
 public:
  explicit PatternCompiler(Compiler& c) : c(c) {}

  bool match(Match* s) {
    PatternContext pc;
    if (!c.visit_expr(s->subject)) return false;
    Block* end = c.new_block();
    uint32_t cases = s->cases.size;
    MatchCase* m = s->cases[cases - 1];
    bool has_default = is_wildcard(m->pattern) && cases > 1;
    uint32_t loop_cases = cases - (has_default ? 1 : 0);
    for (uint32_t i = 0; i < loop_cases; ++i) {
      m = s->cases[i];
      c.set_loc(m->pattern->loc);
      // The subject is copied for every case but the last.
      if (i != loop_cases - 1) c.emit(COPY, 1);
      pc.stores.clear();
      // Irrefutable cases must be guarded, last, or both.
      pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
      pc.fail_pop.clear();
      pc.on_top = 0;
      if (!pattern(m->pattern, pc)) return false;
      // A match: store the captured names (their values are on the stack).
      for (std::string_view name : pc.stores)
        if (!c.name_op(name, ExprContext::Store)) return false;
      if (m->guard != nullptr) {
        ensure_fail_pop(pc, 0);
        if (!c.compile_jump_if(m->guard, pc.fail_pop[0], false)) return false;
      }
      // Done with the subject.
      if (i != loop_cases - 1) c.emit(POP_TOP);
      if (!c.visit_stmts(m->body)) return false;
      c.emit_jump_noline(JUMP, end);
      // The cleanup of a failed match has the pattern's line, not the body's.
      c.set_loc(m->pattern->loc);
      emit_and_reset_fail_pop(pc);
    }
    if (has_default) {
      // A trailing `case _:` needs no copy of the subject.
      m = s->cases[cases - 1];
      c.set_loc(m->pattern->loc);
      if (cases == 1) {
        c.emit(POP_TOP);
      } else {
        c.emit(NOP);  // line coverage for the default case
      }
      if (m->guard != nullptr && !c.compile_jump_if(m->guard, end, false)) return false;
      if (!c.visit_stmts(m->body)) return false;
    }
    c.use_block(end);
    return true;
  }

 private:
  Compiler& c;

  void ensure_fail_pop(PatternContext& pc, size_t n) {
    while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(c.new_block());
  }

  // Jumps (with `op`) to the block that pops what is on top plus the
  // captures made so far.
  void jump_to_fail_pop(PatternContext& pc, int op) {
    size_t pops = size_t(pc.on_top) + pc.stores.size();
    ensure_fail_pop(pc, pops);
    c.emit_jump(op, pc.fail_pop[pops]);
  }

  // The fail_pop blocks: fail_pop[n] pops one item and falls into
  // fail_pop[n-1]; fail_pop[0] is where matching goes on.
  void emit_and_reset_fail_pop(PatternContext& pc) {
    if (pc.fail_pop.empty()) return;
    for (size_t n = pc.fail_pop.size() - 1; n > 0; --n) {
      c.use_block(pc.fail_pop[n]);
      c.emit(POP_TOP);
    }
    c.use_block(pc.fail_pop[0]);
    pc.fail_pop.clear();
  }

  // 3.10's ROT_N as SWAPs: the top item moves `count` places down.
  void rotate(int count) {
    while (count > 1) c.emit(SWAP, uint32_t(count--));
  }

  bool store_name(std::string_view name, PatternContext& pc) {
    if (name.empty()) {
      c.emit(POP_TOP);
      return true;
    }
    if (c.forbidden_name(name, ExprContext::Store)) return false;
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
      return c.error("multiple assignments to name " + quoted(name) + " in pattern");
    // Under the items still in use and the earlier captures.
    rotate(pc.on_top + int(pc.stores.size()) + 1);
    pc.stores.push_back(name);
    return true;
  }

  bool unpack(const Seq<PatternNode*>& elts) {
    uint32_t n = elts.size;
    bool seen_star = false;
    for (uint32_t i = 0; i < n; ++i) {
      if (elts[i]->node_kind != PatternKind::MatchStar) continue;
      if (seen_star) return c.error("multiple starred expressions in sequence pattern");
      if (i >= (1u << 8) || n - i - 1 >= (uint32_t(INT32_MAX) >> 8))
        return c.error("too many expressions in star-unpacking sequence pattern");
      c.emit(UNPACK_EX, i + ((n - i - 1) << 8));
      seen_star = true;
    }
    if (!seen_star) c.emit(UNPACK_SEQUENCE, n);
    return true;
  }

  bool sequence_unpack(const Seq<PatternNode*>& patterns, PatternContext& pc) {
    if (!unpack(patterns)) return false;
    uint32_t size = patterns.size;
    // The unpacked items stay on the stack while each is matched in turn.
    pc.on_top += int(size);
    for (uint32_t i = 0; i < size; ++i) {
      pc.on_top--;
      if (!subpattern(patterns[i], pc)) return false;
    }
    return true;
  }

  // With a starred wildcard ([first, *_, last]), items are fetched by index
  // instead of unpacking the whole subject.
  bool sequence_subscript(const Seq<PatternNode*>& patterns, int64_t star, PatternContext& pc) {
    pc.on_top++;  // the subject stays for the indexing
    uint32_t size = patterns.size;
    for (uint32_t i = 0; i < size; ++i) {
      PatternNode* p = patterns[i];
      if (is_wildcard(p) || int64_t(i) == star) continue;
      c.emit(COPY, 1);
      if (int64_t(i) < star) {
        c.emit_const_new(make_int(int64_t(i)));
      } else {
        // The subject may not support negative indices: len(subject) - k.
        c.emit(GET_LEN);
        c.emit_const_new(make_int(int64_t(size - i)));
        c.emit(BINARY_OP, uint32_t(BinaryOp::Subtract));
      }
      c.emit(BINARY_SUBSCR);
      if (!subpattern(p, pc)) return false;
    }
    pc.on_top--;
    c.emit(POP_TOP);
    return true;
  }

  bool subpattern(PatternNode* p, PatternContext& pc) {
    bool allow = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    if (!pattern(p, pc)) return false;
    pc.allow_irrefutable = allow;
    return true;
  }

  bool pattern(PatternNode* p, PatternContext& pc) {
    c.set_loc(p->loc);
    switch (p->node_kind) {
      case PatternKind::MatchValue: return value(static_cast<MatchValue*>(p), pc);
      case PatternKind::MatchSingleton: {
        Ref constant = c.make_constant(static_cast<MatchSingleton*>(p)->value);
        if (!constant) return false;
        c.emit_const(constant);
        c.emit_compare(CmpOperator::Is);
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        return true;
      }
      case PatternKind::MatchSequence: return sequence(static_cast<MatchSequence*>(p), pc);
      case PatternKind::MatchMapping: return mapping(static_cast<MatchMapping*>(p), pc);
      case PatternKind::MatchClass: return class_pattern(static_cast<MatchClass*>(p), pc);
      case PatternKind::MatchStar: return store_name(static_cast<MatchStar*>(p)->name, pc);
      case PatternKind::MatchAs: return as_pattern(static_cast<MatchAs*>(p), pc);
      case PatternKind::MatchOr: return or_pattern(static_cast<MatchOr*>(p), pc);
    }
    return c.error("invalid match pattern node in AST");
  }

  bool value(MatchValue* p, PatternContext& pc) {
    ExprNode* v = p->value;
    if (!c.is_constant(v) && v->node_kind != ExprKind::Attribute)
      return c.error("patterns may only match literals and attribute lookups");
    if (!c.visit_expr(v)) return false;
    c.emit_compare(CmpOperator::Eq);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    return true;
  }

  bool as_pattern(MatchAs* p, PatternContext& pc) {
    if (p->pattern == nullptr) {
      // Irrefutable.
      if (!pc.allow_irrefutable) {
        if (!p->name.empty())
          return c.error("name capture " + quoted(p->name) +
                         " makes remaining patterns unreachable");
        return c.error("wildcard makes remaining patterns unreachable");
      }
      return store_name(p->name, pc);
    }
    // A copy to store if the inner pattern matches.
    pc.on_top++;
    c.emit(COPY, 1);
    if (!pattern(p->pattern, pc)) return false;
    pc.on_top--;
    return store_name(p->name, pc);
  }

  bool sequence(MatchSequence* p, PatternContext& pc) {
    const Seq<PatternNode*>& patterns = p->patterns;
    uint32_t size = patterns.size;
    int64_t star = -1;
    bool only_wildcard = true;
    bool star_wildcard = false;
    for (uint32_t i = 0; i < size; ++i) {
      PatternNode* elt = patterns[i];
      if (elt->node_kind == PatternKind::MatchStar) {
        if (star >= 0) return c.error("multiple starred names in sequence pattern");
        star_wildcard = is_wildcard_star(elt);
        only_wildcard = only_wildcard && star_wildcard;
        star = i;
        continue;
      }
      only_wildcard = only_wildcard && is_wildcard(elt);
    }
    // The subject stays on top for the type and length checks.
    pc.on_top++;
    c.emit(MATCH_SEQUENCE);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    if (star < 0) {
      c.emit(GET_LEN);
      c.emit_const_new(make_int(int64_t(size)));
      c.emit_compare(CmpOperator::Eq);
      jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    } else if (size > 1) {
      c.emit(GET_LEN);
      c.emit_const_new(make_int(int64_t(size - 1)));
      c.emit_compare(CmpOperator::GtE);
      jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    }
    // What follows consumes the subject.
    pc.on_top--;
    if (only_wildcard) {
      c.emit(POP_TOP);
      return true;
    }
    if (star_wildcard) return sequence_subscript(patterns, star, pc);
    return sequence_unpack(patterns, pc);
  }

  bool mapping(MatchMapping* p, PatternContext& pc) {
    const Seq<ExprNode*>& keys = p->keys;
    const Seq<PatternNode*>& patterns = p->patterns;
    uint32_t size = keys.size;
    if (size != patterns.size)
      return c.error("keys / patterns length mismatch in mapping pattern");
    bool has_rest = !p->rest.empty();
    pc.on_top++;
    c.emit(MATCH_MAPPING);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    if (size == 0 && !has_rest) {
      // `{}`: any mapping.
      pc.on_top--;
      c.emit(POP_TOP);
      return true;
    }
    if (size > 0) {
      c.emit(GET_LEN);
      c.emit_const_new(make_int(int64_t(size)));
      c.emit_compare(CmpOperator::GtE);
      jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    }
    // The keys, literals or attribute lookups, into a tuple for MATCH_KEYS;
    // a literal key given twice is an error.
    std::vector<Ref> seen;
    for (uint32_t i = 0; i < size; ++i) {
      ExprNode* key = keys[i];
      if (key == nullptr) {
        c.set_loc(patterns[i]->loc);
        return c.error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
      }
      if (Ref constant = c.fold(key)) {
        for (const Ref& other : seen) {
          int same = equal(other, constant);
          if (same < 0) {
            clear_exception();
            continue;
          }
          if (same) {
            Ref text = repr(constant);
            if (!text) return false;
            return c.error("mapping pattern checks duplicate key (" + std::string(str_view(text)) +
                           ")");
          }
        }
        seen.push_back(constant);
      } else if (key->node_kind != ExprKind::Attribute) {
        return c.error("mapping pattern keys may only match literals and attribute lookups");
      }
      if (!c.visit_expr(key)) return false;
    }
    c.emit(BUILD_TUPLE, size);
    c.emit(MATCH_KEYS);
    // A tuple of keys and a tuple of values (or None) on the subject.
    pc.on_top += 2;
    c.emit(COPY, 1);
    c.emit_none();
    c.emit_compare(CmpOperator::IsNot);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    c.emit(UNPACK_SEQUENCE, size);
    pc.on_top += int(size) - 1;
    for (uint32_t i = 0; i < size; ++i) {
      pc.on_top--;
      if (!subpattern(patterns[i], pc)) return false;
    }
    // A match: what follows consumes the tuple of keys and the subject.
    pc.on_top -= 2;
    if (has_rest) {
      // rest = dict(subject); for key in keys: del rest[key]
      c.emit(BUILD_MAP, 0);           // [subject, keys, empty]
      c.emit(SWAP, 3);                // [empty, keys, subject]
      c.emit(DICT_UPDATE, 2);         // [copy, keys]
      c.emit(UNPACK_SEQUENCE, size);  // [copy, keys...]
      for (uint32_t remaining = size; remaining > 0; --remaining) {
        c.emit(COPY, 1 + remaining);  // [copy, keys..., copy]
        c.emit(SWAP, 2);              // [copy, keys..., copy, key]
        c.emit(DELETE_SUBSCR);        // [copy, keys...]
      }
      return store_name(p->rest, pc);
    }
    c.emit(POP_TOP);  // the keys
    c.emit(POP_TOP);  // the subject
    return true;
  }

  bool class_pattern(MatchClass* p, PatternContext& pc) {
    const Seq<PatternNode*>& patterns = p->patterns;
    const Seq<Identifier>& attrs = p->kwd_attrs;
    const Seq<PatternNode*>& kwd_patterns = p->kwd_patterns;
    uint32_t nargs = patterns.size;
    uint32_t nattrs = attrs.size;
    if (nattrs != kwd_patterns.size)
      return c.error("kwd_attrs / kwd_patterns length mismatch in class pattern");
    if (nattrs) {
      for (uint32_t i = 0; i < nattrs; ++i) {
        c.set_loc(kwd_patterns[i]->loc);
        if (c.forbidden_name(attrs[i], ExprContext::Store)) return false;
        for (uint32_t j = i + 1; j < nattrs; ++j) {
          if (attrs[i] == attrs[j]) {
            c.set_loc(kwd_patterns[j]->loc);
            return c.error("attribute name repeated in class pattern: " + std::string(attrs[i]));
          }
        }
      }
      c.set_loc(p->loc);
    }
    if (!c.visit_expr(p->cls)) return false;
    std::vector<Ref> names;
    std::vector<Value> values;
    for (Identifier attr : attrs) {
      names.push_back(intern(attr));
      if (!names.back()) return false;
      values.push_back(names.back().get());
    }
    Ref tuple = make_tuple(values.data(), values.size());
    if (!tuple) return false;
    c.emit_const(tuple);
    c.emit(MATCH_CLASS, nargs);
    c.emit(COPY, 1);
    c.emit_none();
    c.emit_compare(CmpOperator::IsNot);
    // A tuple of the nargs + nattrs attributes (or None).
    pc.on_top++;
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    c.emit(UNPACK_SEQUENCE, nargs + nattrs);
    pc.on_top += int(nargs + nattrs) - 1;
    for (uint32_t i = 0; i < nargs + nattrs; ++i) {
      pc.on_top--;
      PatternNode* sub = i < nargs ? patterns[i] : kwd_patterns[i - nargs];
      if (is_wildcard(sub)) {
        c.emit(POP_TOP);
        continue;
      }
      if (!subpattern(sub, pc)) return false;
    }
    return true;
  }

  bool or_pattern(MatchOr* p, PatternContext& pc) {
    Block* end = c.new_block();
    uint32_t size = p->patterns.size;
    PatternContext old = pc;
    // The names the first alternative binds: the others must bind the same
    // ones, and their values are reordered to match.
    std::vector<std::string_view> control;
    for (uint32_t i = 0; i < size; ++i) {
      PatternNode* alt = p->patterns[i];
      c.set_loc(alt->loc);
      pc.stores.clear();
      pc.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
      pc.fail_pop.clear();
      pc.on_top = 0;
      c.emit(COPY, 1);
      if (!pattern(alt, pc)) return false;
      size_t nstores = pc.stores.size();
      if (i == 0) {
        control = pc.stores;
      } else if (nstores != control.size()) {
        return c.error("alternative patterns bind different names");
      } else if (nstores) {
        for (size_t icontrol = nstores; icontrol-- > 0;) {
          std::string_view name = control[icontrol];
          auto found = std::find(pc.stores.begin(), pc.stores.end(), name);
          if (found == pc.stores.end())
            return c.error("alternative patterns bind different names");
          size_t istores = size_t(found - pc.stores.begin());
          if (icontrol != istores) {
            // Rotate the values (and names) into the control's order.
            size_t rotations = istores + 1;
            std::vector<std::string_view> rotated(pc.stores.begin(),
                                                  pc.stores.begin() + long(rotations));
            pc.stores.erase(pc.stores.begin(), pc.stores.begin() + long(rotations));
            pc.stores.insert(pc.stores.begin() + long(icontrol - istores), rotated.begin(),
                             rotated.end());
            while (rotations--) rotate(int(icontrol) + 1);
          }
        }
      }
      c.emit_jump(JUMP, end);
      emit_and_reset_fail_pop(pc);
    }
    pc = old;
    // No alternative matched: pop the remaining copy of the subject and fail.
    c.emit(POP_TOP);
    jump_to_fail_pop(pc, JUMP);
    c.use_block(end);
    size_t nstores = control.size();
    // Between the new captures and their place: the other new captures, the
    // copy of the subject, what is on top, and the earlier captures.
    int nrots = int(nstores) + 1 + pc.on_top + int(pc.stores.size());
    for (size_t i = 0; i < nstores; ++i) {
      rotate(nrots);
      std::string_view name = control[i];
      if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
        return c.error("multiple assignments to name " + quoted(name) + " in pattern");
      pc.stores.push_back(name);
    }
    c.emit(POP_TOP);  // the copy of the subject
    return true;
  }
};

}  // namespace

bool Compiler::compile_match(Match* s) { return PatternCompiler(*this).match(s); }

}  // namespace coil::compiler
