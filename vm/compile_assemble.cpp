// From instruction graph to code object: CPython 3.11's assemble() and the
// passes it runs over the control-flow graph, in its order —
//   1. the implicit `return None`; MAKE_CELL / COPY_FREE_VARS up front;
//      cell and free variable numbers turned into localsplus indices;
//   2. peephole optimization of each block (constant conditions, constant
//      tuples, jump threading, PUSH_NULL folded into LOAD_GLOBAL), small
//      exit blocks copied into the blocks that jump to them, unreachable
//      blocks and redundant jumps removed;
//   3. line numbers: exits without one are duplicated per predecessor, then
//      artificial instructions inherit the location before them;
//   4. the maximum stack depth, by walking every path (the debug build
//      checks that no path underflows and that paths agree where they join);
//   5. the exception table: the pseudo-instructions SETUP_* / POP_BLOCK are
//      replayed along every path to give each instruction its innermost
//      handler, then removed;
//   6. layout: offsets, jump arguments, EXTENDED_ARG, inline caches, the
//      position of every code unit, and the code object itself.
#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

namespace coil::compiler {

namespace {

// CPython's MAX_COPY_SIZE: exit blocks up to this many instructions are
// copied rather than jumped to.
constexpr size_t kMaxCopySize = 4;

bool is_exit_block(const Block* b) {
  return !b->instrs.empty() && is_scope_exit(b->instrs.back().op);
}

bool has_no_fallthrough(const Block* b) {
  return !b->instrs.empty() && is_terminator(b->instrs.back().op);
}

bool has_target(const Instr& instr) { return is_jump_op(instr.op) || is_block_push(instr.op); }

// The first non-empty block from `b` on (following the layout).
Block* skip_empty(Block* b) {
  while (b != nullptr && b->instrs.empty()) b = b->next;
  return b;
}

void copy_loc(const Instr& from, Instr& to) { to.loc = from.loc; }

}  // namespace

// --- Peephole optimization --------------------------------------------------------------

namespace {

struct Optimizer {
  Compiler& c;
  Unit& u;

  Value const_value(uint32_t index) { return u.consts[index].value.get(); }

  // jump_thread: retargets `inst` to where `target` (the first instruction
  // of its target) jumps, with `op`, if they share a line.
  bool jump_thread(Instr& inst, const Instr& target, int op) {
    if (inst.loc.lineno == target.loc.lineno && inst.target != target.target) {
      inst.target = target.target;
      inst.op = op;
      return true;
    }
    return false;
  }

  // n LOAD_CONSTs then BUILD_TUPLE n: one LOAD_CONST of the tuple.
  void fold_tuple_on_constants(Block* b, size_t build_index, uint32_t n) {
    if (build_index < n) return;
    size_t first = build_index - n;
    for (size_t i = first; i < build_index; ++i)
      if (b->instrs[i].op != LOAD_CONST) return;
    Ref tuple = make_tuple(n);
    if (!tuple) {
      clear_exception();
      return;
    }
    for (size_t i = 0; i < n; ++i)
      tuple_set(tuple, i, ref(const_value(b->instrs[first + i].arg)));
    uint32_t index = c.add_const(tuple);
    for (size_t i = first; i < build_index; ++i) b->instrs[i].op = NOP;
    b->instrs[build_index].op = LOAD_CONST;
    b->instrs[build_index].arg = index;
  }

  // A run of SWAPs (and NOPs) replaced by the fewest SWAPs with the same
  // effect (CPython's swaptimize). `i` ends on the run's last instruction.
  void swaptimize(Block* b, size_t& i) {
    std::vector<Instr>& instrs = b->instrs;
    uint32_t depth = instrs[i].arg;
    size_t len = 0;
    bool more = false;
    size_t limit = instrs.size() - i;
    while (++len < limit) {
      int op = instrs[i + len].op;
      if (op == SWAP) {
        depth = std::max(depth, instrs[i + len].arg);
        more = true;
      } else if (op != NOP) {
        break;
      }
    }
    if (!more) return;
    // Run the SWAPs on a model stack, then rebuild the permutation from its
    // cycles with SWAPs written from the end of the run.
    constexpr int kVisited = -1;
    std::vector<int> stack(depth);
    for (uint32_t k = 0; k < depth; ++k) stack[k] = int(k);
    for (size_t k = 0; k < len; ++k) {
      if (instrs[i + k].op == SWAP) {
        uint32_t arg = instrs[i + k].arg;
        std::swap(stack[0], stack[arg - 1]);
      }
    }
    int64_t current = int64_t(len) - 1;
    for (uint32_t k = 0; k < depth; ++k) {
      if (stack[k] == kVisited || stack[k] == int(k)) continue;
      int j = int(k);
      while (true) {
        if (j) {
          instrs[i + size_t(current)].op = SWAP;
          instrs[i + size_t(current)].arg = uint32_t(j + 1);
          --current;
        }
        if (stack[j] == kVisited) break;
        int next_j = stack[j];
        stack[j] = kVisited;
        j = next_j;
      }
    }
    while (current >= 0) instrs[i + size_t(current--)].op = NOP;
    i += len - 1;
  }

  static bool swappable(int op) { return op == STORE_FAST || op == POP_TOP; }

  static int64_t next_swappable(Block* b, int64_t i, int lineno) {
    while (++i < int64_t(b->instrs.size())) {
      const Instr& instr = b->instrs[size_t(i)];
      if (lineno >= 0 && instr.loc.lineno != lineno) return -1;
      if (instr.op == NOP) continue;
      if (swappable(instr.op)) return i;
      return -1;
    }
    return -1;
  }

  // SWAP n followed by stores or pops: swap the instructions instead of the
  // stack items (CPython's apply_static_swaps).
  void apply_static_swaps(Block* b, size_t at) {
    for (int64_t i = int64_t(at); i >= 0; --i) {
      Instr& swap = b->instrs[size_t(i)];
      if (swap.op != SWAP) {
        if (swap.op == NOP || swappable(swap.op)) continue;
        return;
      }
      int64_t j = next_swappable(b, i, -1);
      if (j < 0) return;
      int64_t k = j;
      int lineno = b->instrs[size_t(j)].loc.lineno;
      for (uint32_t count = swap.arg - 1; count > 0; --count) {
        k = next_swappable(b, k, lineno);
        if (k < 0) return;
      }
      // Not if the two store to the same variable, or something between
      // stores to one of theirs.
      auto stores_to = [&](int64_t index) {
        const Instr& instr = b->instrs[size_t(index)];
        return instr.op == STORE_FAST ? int64_t(instr.arg) : int64_t(-1);
      };
      int64_t store_j = stores_to(j);
      int64_t store_k = stores_to(k);
      if (store_j >= 0 || store_k >= 0) {
        if (store_j == store_k) return;
        for (int64_t index = j + 1; index < k; ++index) {
          int64_t store = stores_to(index);
          if (store >= 0 && (store == store_j || store == store_k)) return;
        }
      }
      swap.op = NOP;
      std::swap(b->instrs[size_t(j)], b->instrs[size_t(k)]);
    }
  }

  void optimize_block(Block* b) {
    static Instr nop;
    for (size_t i = 0; i < b->instrs.size(); ++i) {
      Instr& inst = b->instrs[i];
      uint32_t oparg = inst.arg;
      int nextop = i + 1 < b->instrs.size() ? b->instrs[i + 1].op : -1;
      const Instr* target = &nop;
      if (has_target(inst)) {
        inst.target = skip_empty(inst.target);
        target = &inst.target->instrs[0];
      }
      switch (inst.op) {
        case LOAD_CONST: {
          // A constant condition: the jump is taken always or never.
          if (nextop == POP_JUMP_IF_FALSE || nextop == POP_JUMP_IF_TRUE) {
            int truth = is_true(const_value(oparg));
            if (truth < 0) {
              clear_exception();
              break;
            }
            inst.op = NOP;
            bool jump_if_true = nextop == POP_JUMP_IF_TRUE;
            b->instrs[i + 1].op = (truth != 0) == jump_if_true ? JUMP : NOP;
          } else if (nextop == JUMP_IF_FALSE_OR_POP || nextop == JUMP_IF_TRUE_OR_POP) {
            int truth = is_true(const_value(oparg));
            if (truth < 0) {
              clear_exception();
              break;
            }
            bool jump_if_true = nextop == JUMP_IF_TRUE_OR_POP;
            if ((truth != 0) == jump_if_true) {
              b->instrs[i + 1].op = JUMP;
            } else {
              inst.op = NOP;
              b->instrs[i + 1].op = NOP;
            }
          } else if (nextop == IS_OP && is_none(const_value(oparg)) && i + 2 < b->instrs.size()) {
            // x is None: POP_JUMP_IF_NONE.
            Instr& is_instr = b->instrs[i + 1];
            Instr& jump = b->instrs[i + 2];
            bool invert = is_instr.arg != 0;
            if (jump.op == POP_JUMP_IF_FALSE) {
              invert = !invert;
            } else if (jump.op != POP_JUMP_IF_TRUE) {
              break;
            }
            inst.op = NOP;
            is_instr.op = NOP;
            jump.op = invert ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
          }
          break;
        }
        case BUILD_TUPLE:
          if (nextop == UNPACK_SEQUENCE && oparg == b->instrs[i + 1].arg) {
            if (oparg == 1) {
              inst.op = NOP;
              b->instrs[i + 1].op = NOP;
              continue;
            }
            if (oparg == 2 || oparg == 3) {
              inst.op = NOP;
              b->instrs[i + 1].op = SWAP;
              continue;
            }
          }
          fold_tuple_on_constants(b, i, oparg);
          break;
        // a and b or c: a false `a` makes the `or` test its own value.
        case JUMP_IF_FALSE_OR_POP:
          switch (target->op) {
            case POP_JUMP_IF_FALSE:
              if (jump_thread(inst, *target, POP_JUMP_IF_FALSE)) --i;
              break;
            case JUMP:
            case JUMP_IF_FALSE_OR_POP:
              if (jump_thread(inst, *target, JUMP_IF_FALSE_OR_POP)) --i;
              break;
            case JUMP_IF_TRUE_OR_POP:
            case POP_JUMP_IF_TRUE:
              if (inst.loc.lineno == target->loc.lineno && inst.target->next != nullptr) {
                inst.op = POP_JUMP_IF_FALSE;
                inst.target = inst.target->next;
                --i;
              }
              break;
          }
          break;
        case JUMP_IF_TRUE_OR_POP:
          switch (target->op) {
            case POP_JUMP_IF_TRUE:
              if (jump_thread(inst, *target, POP_JUMP_IF_TRUE)) --i;
              break;
            case JUMP:
            case JUMP_IF_TRUE_OR_POP:
              if (jump_thread(inst, *target, JUMP_IF_TRUE_OR_POP)) --i;
              break;
            case JUMP_IF_FALSE_OR_POP:
            case POP_JUMP_IF_FALSE:
              if (inst.loc.lineno == target->loc.lineno && inst.target->next != nullptr) {
                inst.op = POP_JUMP_IF_TRUE;
                inst.target = inst.target->next;
                --i;
              }
              break;
          }
          break;
        case POP_JUMP_IF_NOT_NONE:
        case POP_JUMP_IF_NONE:
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE:
        case JUMP:
          if (target->op == JUMP && jump_thread(inst, *target, inst.op)) --i;
          break;
        case SWAP:
          if (oparg == 1) {
            inst.op = NOP;
            break;
          }
          swaptimize(b, i);
          apply_static_swaps(b, i);
          break;
        case PUSH_NULL:
          if (nextop == LOAD_GLOBAL && (b->instrs[i + 1].arg & 1) == 0) {
            inst.op = NOP;
            inst.arg = 0;
            b->instrs[i + 1].arg |= 1;
          }
          break;
        default:
          break;
      }
    }
  }
};

// CPython's clean_basic_block: drops NOPs unless one is the only
// instruction of its line.
void clean_block(Block* b) {
  std::vector<Instr>& instrs = b->instrs;
  size_t dest = 0;
  int prev_lineno = -1;
  for (size_t src = 0; src < instrs.size(); ++src) {
    int lineno = instrs[src].loc.lineno;
    if (instrs[src].op == NOP) {
      if (lineno < 0) continue;
      if (prev_lineno == lineno) continue;
      if (src + 1 < instrs.size()) {
        // The NOP's location passes to an artificial next instruction.
        int next_lineno = instrs[src + 1].loc.lineno;
        if (next_lineno < 0) {
          copy_loc(instrs[src], instrs[src + 1]);
          continue;
        }
        if (next_lineno == lineno) continue;
      } else {
        Block* next = skip_empty(b->next);
        if (next != nullptr && lineno == next->instrs[0].loc.lineno) continue;
      }
    }
    if (dest != src) instrs[dest] = instrs[src];
    ++dest;
    prev_lineno = lineno;
  }
  instrs.resize(dest);
}

// A block that ends with an unconditional jump to a small exit block gets
// a copy of that block instead (CPython's extend_block).
void extend_block(Block* b) {
  if (b->instrs.empty()) return;
  Instr& last = b->instrs.back();
  if (last.op != JUMP) return;
  Block* target = skip_empty(last.target);
  if (target == nullptr || !is_exit_block(target) || target->instrs.size() > kMaxCopySize) return;
  // Only blocks without a line (the implicit `return None`s) are copied.
  for (const Instr& instr : target->instrs)
    if (instr.loc.lineno >= 0) return;
  last.op = NOP;
  std::vector<Instr> copy = target->instrs;
  b->instrs.insert(b->instrs.end(), copy.begin(), copy.end());
}

void mark_reachable(Block* entry) {
  std::vector<Block*> stack;
  entry->predecessors = 1;
  stack.push_back(entry);
  while (!stack.empty()) {
    Block* b = stack.back();
    stack.pop_back();
    if (b->next != nullptr && !has_no_fallthrough(b)) {
      if (b->next->predecessors == 0) stack.push_back(b->next);
      b->next->predecessors++;
    }
    for (Instr& instr : b->instrs) {
      if (has_target(instr)) {
        Block* target = instr.target;
        if (target->predecessors == 0) stack.push_back(target);
        target->predecessors++;
      }
    }
  }
}

// Retargets jumps past empty blocks and unlinks the empty blocks.
void eliminate_empty_blocks(Block* entry) {
  for (Block* b = entry; b != nullptr; b = b->next) {
    while (b->next != nullptr && b->next->instrs.empty()) b->next = b->next->next;
  }
  for (Block* b = entry; b != nullptr; b = b->next) {
    for (Instr& instr : b->instrs)
      if (has_target(instr)) instr.target = skip_empty(instr.target);
  }
}

bool is_exit_without_lineno(const Block* b) {
  if (!is_exit_block(b)) return false;
  for (const Instr& instr : b->instrs)
    if (instr.loc.lineno >= 0) return false;
  return true;
}

}  // namespace

// --- Assembly ----------------------------------------------------------------------------

uint32_t Compiler::code_flags() const {
  const SymbolTableEntry& ste = *m_unit->ste;
  uint32_t flags = 0;
  if (ste.type == BlockType::Function) {
    flags |= kCodeNewLocals | kCodeOptimized;
    if (ste.nested) flags |= kCodeNested;
    if (ste.generator && !ste.coroutine) flags |= kCodeGenerator;
    if (!ste.generator && ste.coroutine) flags |= kCodeCoroutine;
    if (ste.generator && ste.coroutine) flags |= kCodeAsyncGenerator;
    if (ste.varargs) flags |= kCodeVarargs;
    if (ste.varkeywords) flags |= kCodeVarkeywords;
  }
  if (ste.type == BlockType::Module && m_unit->top_level_coroutine) flags |= kCodeTopLevelAwait;
  if (m_unit->cellvars.empty() && m_unit->freevars.empty()) flags |= kCodeNoFree;
  return flags;
}

Ref Compiler::assemble(bool add_none) {
  Unit& u = *m_unit;

  // 1. Falling off the end returns None (or, for a generator lambda, the
  // value on the stack).
  {
    Block* b = u.current;
    if (b->instrs.empty() || b->instrs.back().op != RETURN_VALUE) {
      unset_loc();
      if (add_none) emit_none();
      emit(RETURN_VALUE);
    }
  }

  // Small exits without a line are copied into the blocks that jump to
  // them, once now and once after the peephole pass (as CPython's assemble
  // and optimize_cfg both do). CPython visits blocks newest first here and
  // below (its block list is built by prepending); the order decides which
  // copies happen.
  for (size_t i = u.blocks.size(); i-- > 0;) extend_block(u.blocks[i].get());

  // Cells and free variables were numbered in "cell space" (cells, then
  // frees); now they get their localsplus slots: a cell that is also a
  // parameter lives in the parameter's slot, the other cells after the
  // locals, the free variables last.
  uint32_t nlocals = uint32_t(u.varnames.size());
  std::vector<uint32_t> cell_slot(u.cellvars.size() + u.freevars.size());
  uint32_t plain_cells = 0;
  for (uint32_t i = 0; i < u.cellvars.size(); ++i) {
    auto found = u.varname_index.find(u.cellvars[i]);
    if (found != u.varname_index.end()) {
      cell_slot[i] = found->second;
    } else {
      cell_slot[i] = nlocals + plain_cells++;
    }
  }
  for (uint32_t j = 0; j < u.freevars.size(); ++j)
    cell_slot[u.cellvars.size() + j] = nlocals + plain_cells + j;
  for (auto& block : u.blocks) {
    for (Instr& instr : block->instrs) {
      switch (instr.op) {
        case LOAD_DEREF:
        case STORE_DEREF:
        case DELETE_DEREF:
        case LOAD_CLASSDEREF:
        case LOAD_CLOSURE:
          instr.arg = cell_slot[instr.arg];
          break;
        default:
          break;
      }
    }
  }

  {
    // A module's RESUME has line 0.
    Instr resume;
    resume.op = kResume;
    resume.loc = Position{u.firstlineno, u.firstlineno, 0, 0};
    if (u.scope == ScopeType::Module) resume.loc.lineno = 0;
    u.entry->instrs.insert(u.entry->instrs.begin(), resume);
  }

  // The prologue, before the first instruction: COPY_FREE_VARS, then a
  // MAKE_CELL for each cell in slot order (CPython's insert_prefix_instructions).
  {
    std::vector<Instr> prologue;
    if (!u.freevars.empty()) {
      Instr copy;
      copy.op = COPY_FREE_VARS;
      copy.arg = uint32_t(u.freevars.size());
      prologue.push_back(copy);
    }
    std::vector<uint32_t> cells(cell_slot.begin(), cell_slot.begin() + u.cellvars.size());
    std::sort(cells.begin(), cells.end());
    for (uint32_t slot : cells) {
      Instr make;
      make.op = MAKE_CELL;
      make.arg = slot;
      prologue.push_back(make);
    }
    if (!prologue.empty()) {
      Block* first = new_block();
      first->instrs = std::move(prologue);
      first->next = u.entry;
      u.entry = first;
    }
  }

  // 2. Optimization.
  Optimizer optimizer{*this, u};
  for (Block* b = u.entry; b != nullptr; b = b->next) {
    optimizer.optimize_block(b);
    clean_block(b);
  }
  for (size_t i = u.blocks.size(); i-- > 0;) extend_block(u.blocks[i].get());
  for (Block* b = u.entry; b != nullptr; b = b->next) b->predecessors = 0;
  mark_reachable(u.entry);
  for (Block* b = u.entry; b != nullptr; b = b->next)
    if (b->predecessors == 0) b->instrs.clear();
  eliminate_empty_blocks(u.entry);
  for (Block* b = u.entry; b != nullptr; b = b->next) clean_block(b);
  // A jump to the block that follows anyway is dropped.
  bool maybe_empty = false;
  for (Block* b = u.entry; b != nullptr; b = b->next) {
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (last.op == JUMP && last.target == skip_empty(b->next)) {
      last.op = NOP;
      clean_block(b);
      maybe_empty = true;
    }
  }
  if (maybe_empty) eliminate_empty_blocks(u.entry);
  if (u.entry->instrs.empty()) {
    // Can only happen if everything was removed; keep a valid entry.
    Block* next = skip_empty(u.entry);
    if (next != nullptr) u.entry = next;
  }

  // 3. Line numbers. Exit blocks without a line that several blocks jump
  // to are copied, so that each copy inherits its predecessor's line.
  for (Block* b = u.entry; b != nullptr; b = b->next) b->predecessors = 0;
  mark_reachable(u.entry);
  for (size_t i = u.blocks.size(); i-- > 0;) {
    Block* b = u.blocks[i].get();
    if (b->instrs.empty() || !is_jump_op(b->instrs.back().op)) continue;
    Instr& last = b->instrs.back();
    Block* target = last.target;
    if (is_exit_without_lineno(target) && target->predecessors > 1) {
      Block* copy = new_block();
      copy->instrs = target->instrs;
      copy_loc(last, copy->instrs[0]);
      last.target = copy;
      target->predecessors--;
      copy->predecessors = 1;
      // Placed after the original: it is only ever jumped to.
      copy->next = target->next;
      target->next = copy;
    }
  }
  for (Block* b = u.entry; b != nullptr; b = b->next) {
    if (!has_no_fallthrough(b) && b->next != nullptr && !b->instrs.empty() &&
        is_exit_without_lineno(b->next))
      copy_loc(b->instrs.back(), b->next->instrs[0]);
  }
  // Artificial instructions take the location of the one before them, and
  // a block entered from one place only takes its predecessor's.
  for (Block* b = u.entry; b != nullptr; b = b->next) {
    if (b->instrs.empty()) continue;
    const Instr* prev = nullptr;
    for (Instr& instr : b->instrs) {
      if (instr.loc.lineno < 0) {
        if (prev != nullptr) instr.loc = prev->loc;
      } else {
        prev = &instr;
      }
    }
    if (prev == nullptr) continue;
    Position loc = prev->loc;
    if (!has_no_fallthrough(b) && b->next != nullptr && b->next->predecessors == 1 &&
        !b->next->instrs.empty() && b->next->instrs[0].loc.lineno < 0)
      b->next->instrs[0].loc = loc;
    Instr& last = b->instrs.back();
    if (is_jump_op(last.op) && last.target->predecessors == 1 && !last.target->instrs.empty() &&
        last.target->instrs[0].loc.lineno < 0)
      last.target->instrs[0].loc = loc;
  }
  // Every return has a line (CPython's guarantee_lineno_for_exits).
  {
    int lineno = u.firstlineno;
    for (Block* b = u.entry; b != nullptr; b = b->next) {
      if (b->instrs.empty()) continue;
      Instr& last = b->instrs.back();
      if (last.loc.lineno < 0) {
        if (last.op == RETURN_VALUE)
          for (Instr& instr : b->instrs)
            if (instr.loc.lineno < 0) instr.loc.lineno = lineno;
      } else {
        lineno = last.loc.lineno;
      }
    }
  }

  // 4. Stack depth.
  int max_depth = 0;
  {
    for (auto& block : u.blocks) block->start_depth = -1;
    std::vector<Block*> stack;
    auto push = [&](Block* b, int depth) {
#ifndef NDEBUG
      if (b->start_depth >= 0 && b->start_depth != depth) {
        std::fprintf(stderr, "coil: compiler bug: inconsistent stack depth (%d and %d) in %s\n",
                     b->start_depth, depth, u.qualname.c_str());
        std::abort();
      }
#endif
      if (b->start_depth < depth) {
        b->start_depth = depth;
        stack.push_back(b);
      }
    };
    push(u.entry, 0);
    while (!stack.empty()) {
      Block* b = stack.back();
      stack.pop_back();
      int depth = b->start_depth;
      Block* next = b->next;
      for (Instr& instr : b->instrs) {
        int effect = stack_effect(instr.op, instr.arg, false);
        int new_depth = depth + effect;
        max_depth = std::max(max_depth, new_depth);
        if (has_target(instr)) {
          int target_depth = depth + stack_effect(instr.op, instr.arg, true);
          max_depth = std::max(max_depth, target_depth);
#ifndef NDEBUG
          if (target_depth < 0) {
            std::fprintf(stderr, "coil: compiler bug: stack underflow in %s\n", u.qualname.c_str());
            std::abort();
          }
#endif
          push(instr.target, target_depth);
        }
        depth = new_depth;
#ifndef NDEBUG
        if (depth < 0) {
          std::fprintf(stderr, "coil: compiler bug: stack underflow in %s at %s\n",
                       u.qualname.c_str(),
                       instr.op < kOpcodeCount ? kOpcodeInfo[instr.op].name : "pseudo-op");
          std::abort();
        }
#endif
        if (is_terminator(instr.op)) {
          next = nullptr;
          break;
        }
      }
      if (next != nullptr) push(next, depth);
    }
  }

  // 5. The exception table: each instruction's innermost handler, replaying
  // the handler pushes and pops along every path (CPython's
  // label_exception_targets).
  {
    for (Block* b = u.entry; b != nullptr; b = b->next) {
      b->visited = false;
      b->except_stack.reset();
    }
    std::vector<Block*> todo;
    u.entry->except_stack = std::make_shared<std::vector<Block*>>();
    u.entry->visited = true;
    todo.push_back(u.entry);
    while (!todo.empty()) {
      Block* b = todo.back();
      todo.pop_back();
      std::shared_ptr<std::vector<Block*>> stack = std::move(b->except_stack);
      Block* handler = stack->empty() ? nullptr : stack->back();
      for (Instr& instr : b->instrs) {
        if (is_block_push(instr.op)) {
          if (!instr.target->visited) {
            instr.target->except_stack = std::make_shared<std::vector<Block*>>(*stack);
            instr.target->visited = true;
            todo.push_back(instr.target);
          }
          if (instr.op == kSetupWith || instr.op == kSetupCleanup)
            instr.target->preserve_lasti = true;
          stack->push_back(instr.target);
          handler = instr.target;
        } else if (instr.op == kPopBlock) {
          if (!stack->empty()) stack->pop_back();
          handler = stack->empty() ? nullptr : stack->back();
        } else if (is_jump_op(instr.op)) {
          instr.handler = handler;
          if (!instr.target->visited) {
            instr.target->except_stack = std::make_shared<std::vector<Block*>>(*stack);
            instr.target->visited = true;
            todo.push_back(instr.target);
          }
        } else {
          instr.handler = handler;
        }
      }
      if (!has_no_fallthrough(b) && b->next != nullptr && !b->next->visited) {
        b->next->except_stack = stack;
        b->next->visited = true;
        todo.push_back(b->next);
      }
    }
    // The pseudo-instructions become NOPs, which go unless they carry a line.
    for (Block* b = u.entry; b != nullptr; b = b->next) {
      for (Instr& instr : b->instrs) {
        if (is_block_push(instr.op) || instr.op == kPopBlock) {
          instr.op = NOP;
          instr.arg = 0;
          instr.target = nullptr;
        }
      }
    }
    for (Block* b = u.entry; b != nullptr; b = b->next) clean_block(b);
    eliminate_empty_blocks(u.entry);
  }

  // 6. Layout: offsets (with EXTENDED_ARG where an argument needs more than
  // 24 bits, which jump targets can only know once offsets are known, so
  // this iterates), then the code.
  auto needs_extended = [](uint32_t arg) { return arg > kMaxInlineArg; };
  std::vector<Block*> order;
  for (Block* b = u.entry; b != nullptr; b = b->next) order.push_back(b);
  while (true) {
    uint32_t offset = 0;
    for (Block* b : order) {
      b->offset = offset;
      for (Instr& instr : b->instrs) {
        if (instr.op == kResume) continue;
        offset += (needs_extended(instr.arg) ? 1 : 0) + 1 + kOpcodeInfo[instr.op].caches;
      }
    }
    bool changed = false;
    for (Block* b : order) {
      for (Instr& instr : b->instrs) {
        if (instr.target == nullptr) continue;
        uint32_t arg = instr.target->offset;
        if (needs_extended(arg) != needs_extended(instr.arg)) changed = true;
        instr.arg = arg;
      }
    }
    if (!changed) break;
  }

  Ref code_ref = make_code();
  if (!code_ref) return {};
  auto* code = code_ref.as<CodeObject>();
  for (Block* b : order) {
    for (Instr& instr : b->instrs) {
      if (instr.op == kResume) continue;
      // As CPython's location table records them: nothing without a line,
      // and a line without columns spans only that line.
      if (instr.loc.lineno < 0) {
        instr.loc = Position{};
      } else if (instr.loc.col < 0 || instr.loc.end_col < 0) {
        if (instr.loc.end_lineno == instr.loc.lineno || instr.loc.end_lineno < 0) {
          instr.loc.end_lineno = instr.loc.lineno;
          instr.loc.col = instr.loc.end_col = -1;
        }
      }
      uint32_t unit_start = uint32_t(code->m_code.size());
      if (needs_extended(instr.arg)) {
        code->m_code.push_back(make_unit(EXTENDED_ARG, instr.arg >> 24));
        code->m_positions.push_back(instr.loc);
      }
      code->m_code.push_back(make_unit(specialized_opcode(Opcode(instr.op), instr.arg), instr.arg & kMaxInlineArg));
      code->m_positions.push_back(instr.loc);
      for (uint8_t i = 0; i < kOpcodeInfo[instr.op].caches; ++i) {
        code->m_code.push_back(0);
        code->m_positions.push_back(instr.loc);
      }
      uint32_t unit_end = uint32_t(code->m_code.size());
      // The exception table, coalesced: consecutive instructions with the
      // same handler share one entry.
      Block* handler = instr.handler;
      auto& table = code->m_exception_table;
      if (handler != nullptr) {
        uint32_t depth = uint32_t(handler->start_depth - 1 - (handler->preserve_lasti ? 1 : 0));
        if (!table.empty() && table.back().end == unit_start &&
            table.back().handler == handler->offset && table.back().depth == depth &&
            table.back().push_lasti == handler->preserve_lasti) {
          table.back().end = unit_end;
        } else {
          table.push_back(ExceptionTableEntry{unit_start, unit_end, handler->offset, depth,
                                              handler->preserve_lasti});
        }
      }
    }
  }

  // Trailing constants nothing loads are dropped (the first stays: it may
  // be the docstring).
  size_t max_const = 0;
  for (Block* b : order)
    for (Instr& instr : b->instrs)
      if ((instr.op == LOAD_CONST || instr.op == KW_NAMES) && instr.arg > max_const)
        max_const = instr.arg;
  size_t nconsts = std::min(u.consts.size(), max_const + 1);
  for (size_t i = 0; i < nconsts; ++i) code->m_consts.push_back(u.consts[i].value);

  for (const std::string& name : u.names) {
    Ref s = intern(name);
    if (!s) return {};
    code->m_names.push_back(std::move(s));
  }
  // localsplus: variables, cells that are not parameters, free variables.
  for (uint32_t i = 0; i < nlocals; ++i) {
    Ref s = intern(u.varnames[i]);
    if (!s) return {};
    code->m_localsplus_names.push_back(std::move(s));
    code->m_localsplus_kinds.push_back(u.cellvar_index.count(u.varnames[i]) ? kLocalCellArg
                                                                            : kLocalPlain);
  }
  for (const std::string& name : u.cellvars) {
    if (u.varname_index.count(name)) continue;
    Ref s = intern(name);
    if (!s) return {};
    code->m_localsplus_names.push_back(std::move(s));
    code->m_localsplus_kinds.push_back(kLocalCell);
  }
  for (const std::string& name : u.freevars) {
    Ref s = intern(name);
    if (!s) return {};
    code->m_localsplus_names.push_back(std::move(s));
    code->m_localsplus_kinds.push_back(kLocalFree);
  }
  code->m_argcount = u.posonlyargcount + u.argcount;
  code->m_posonlyargcount = u.posonlyargcount;
  code->m_kwonlyargcount = u.kwonlyargcount;
  code->m_flags = code_flags();
  code->m_stacksize = uint32_t(max_depth);
  code->m_nlocals = nlocals;
  code->m_ncellvars = uint32_t(u.cellvars.size());
  code->m_nfreevars = uint32_t(u.freevars.size());
  code->m_firstlineno = u.firstlineno;
  code->m_name = intern(u.name);
  code->m_qualname = make_str(u.qualname);
  code->m_filename = m_filename_object;
  if (!code->m_name || !code->m_qualname) return {};
  return code_ref;
}

}  // namespace coil::compiler
