// The symbol table pass, following CPython 3.11's Python/symtable.c rule for
// rule, because the scopes it decides are visible to programs (closures,
// `locals()`, UnboundLocalError vs NameError) and its errors are CPython's.
#include "vm/symtable.h"

#include <algorithm>
#include <unordered_set>

namespace coil {

using namespace ast;

uint32_t SymbolTableEntry::flags_of(std::string_view name) const {
  auto found = index.find(std::string(name));
  return found == index.end() ? 0 : symbols[found->second].second;
}

std::string mangle(std::string_view class_name, std::string_view name) {
  // As CPython's _Py_Mangle: only names that start with two underscores, do
  // not end with two, and hold no dot; a class named only of underscores
  // mangles nothing.
  if (class_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_')
    return std::string(name);
  if (name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return std::string(name);
  if (name.find('.') != std::string_view::npos) return std::string(name);
  size_t skip = class_name.find_first_not_of('_');
  if (skip == std::string_view::npos) return std::string(name);
  std::string out = "_";
  out += class_name.substr(skip);
  out += name;
  return out;
}

namespace {

class Builder {
 public:
  Builder(SymbolTable& table, std::string_view source, SyntaxErrorInfo& error)
      : m_table(table), m_source(source), m_error(error) {}

  bool build(const Module& module) {
    if (!parse_future(module)) return false;
    enter_block("top", BlockType::Module, &module, Location{0, 0, 0, 0});
    for (StmtNode* stmt : module.body)
      if (!visit(stmt)) return false;
    exit_block();
    return analyze();
  }

 private:
  using Names = std::unordered_set<std::string>;

  // --- Errors ---------------------------------------------------------------

  bool fail(std::string message, const Location& loc) {
    m_error = SyntaxErrorInfo{};
    m_error.after_parse = true;
    m_error.message = std::move(message);
    set_error_location(m_error, m_source, loc.lineno, loc.col_offset, loc.end_lineno,
                       loc.end_col_offset);
    if (loc.end_col_offset < 0) {
      // CPython's future-import errors give a line but no end column.
      m_error.end_lineno = loc.lineno;
      m_error.end_offset = 0;
      m_error.no_end_offset = true;
    }
    return false;
  }

  static std::string quoted(const char* before, std::string_view name, const char* after) {
    std::string out = before;
    out += name;
    out += after;
    return out;
  }

  // --- Blocks and definitions ------------------------------------------------

  // The __future__ imports at the top of the module (after a docstring), as
  // CPython's future.c reads them: unknown features are errors, and so is a
  // future import on the same line as, but after, an ordinary statement.
  bool parse_future(const Module& module) {
    static const char* const kFeatures[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"};
    uint32_t i = 0;
    if (module.body.size > 0 && module.body[0]->node_kind == StmtKind::Expr) {
      auto* value = static_cast<Expr*>(module.body[0])->value;
      if (value->node_kind == ExprKind::Constant &&
          static_cast<Constant*>(value)->value.kind == ConstantValue::Kind::Str)
        i = 1;
    }
    bool done = false;
    int previous_line = 0;
    for (; i < module.body.size; ++i) {
      StmtNode* stmt = module.body[i];
      if (done && stmt->loc.lineno > previous_line) return true;
      previous_line = stmt->loc.lineno;
      auto* import = stmt->node_kind == StmtKind::ImportFrom ? static_cast<ImportFrom*>(stmt) : nullptr;
      if (import == nullptr || import->module != "__future__") {
        done = true;
        continue;
      }
      Location at{stmt->loc.lineno, stmt->loc.col_offset, stmt->loc.lineno, -1};
      if (done) {
        // CPython reports this one a column to the left of the statement.
        at.col_offset -= 1;
        return fail("from __future__ imports must occur at the beginning of the file", at);
      }
      for (Alias* alias : import->names) {
        if (alias->name == "braces") return fail("not a chance", at);
        bool known = false;
        for (const char* feature : kFeatures) known = known || alias->name == feature;
        if (!known) return fail(quoted("future feature ", alias->name, " is not defined"), at);
        if (alias->name == "annotations") m_table.future_annotations = true;
      }
      m_table.future_lineno = stmt->loc.lineno;
    }
    return true;
  }

  void enter_block(std::string name, BlockType type, const void* node, const Location& loc) {
    auto entry = std::make_unique<SymbolTableEntry>();
    entry->type = type;
    entry->name = std::move(name);
    entry->lineno = loc.lineno;
    entry->col_offset = loc.col_offset;
    entry->node = node;
    SymbolTableEntry* raw = entry.get();
    if (!m_stack.empty()) {
      SymbolTableEntry* parent = m_stack.back();
      raw->nested = parent->nested || parent->type == BlockType::Function;
      parent->children.push_back(std::move(entry));
    } else {
      m_table.top = std::move(entry);
    }
    m_table.by_node[node] = raw;
    m_stack.push_back(raw);
  }

  void exit_block() { m_stack.pop_back(); }

  SymbolTableEntry& current() { return *m_stack.back(); }
  SymbolTableEntry& global_entry() { return *m_table.top; }

  static uint32_t& symbol(SymbolTableEntry& entry, const std::string& name) {
    auto found = entry.index.find(name);
    if (found != entry.index.end()) return entry.symbols[found->second].second;
    entry.index.emplace(name, entry.symbols.size());
    entry.symbols.emplace_back(name, 0);
    return entry.symbols.back().second;
  }

  bool add_def(std::string_view name, uint32_t flag, const Location& loc) {
    return add_def_in(current(), name, flag, loc);
  }

  // CPython's symtable_add_def_helper.
  bool add_def_in(SymbolTableEntry& entry, std::string_view raw_name, uint32_t flag,
                  const Location& loc) {
    std::string name = mangle(m_private, raw_name);
    uint32_t& flags = symbol(entry, name);
    if ((flag & kDefParam) && (flags & kDefParam))
      return fail(quoted("duplicate argument '", name, "' in function definition"), loc);
    flags |= flag;
    if (entry.comp_iter_target) {
      // An iteration variable may not also be an assignment expression's target.
      if (flags & (kDefGlobal | kDefNonlocal))
        return fail(quoted("comprehension inner loop cannot rebind assignment expression target '",
                           name, "'"),
                    loc);
      flags |= kDefCompIter;
    }
    if (flag & kDefParam) {
      entry.varnames.push_back(name);
    } else if (flag & kDefGlobal) {
      symbol(global_entry(), name) |= flag;
    }
    return true;
  }

  void record_directive(std::string_view name, const Location& loc) {
    current().directives.emplace(mangle(m_private, name), loc);
  }

  // --- Statements -----------------------------------------------------------

  template <class T>
  bool visit_all(const Seq<T*>& nodes) {
    for (T* node : nodes)
      if (node != nullptr && !visit(node)) return false;
    return true;
  }

  bool visit_function(StmtNode* stmt, Identifier name, Arguments* args, const Seq<StmtNode*>& body,
                      const Seq<ExprNode*>& decorators, ExprNode* returns, bool is_async) {
    if (!add_def(name, kDefLocal, stmt->loc)) return false;
    if (!visit_all(args->defaults) || !visit_all(args->kw_defaults)) return false;
    if (!visit_annotations(args, returns)) return false;
    if (!visit_all(decorators)) return false;
    enter_block(std::string(name), BlockType::Function, stmt, stmt->loc);
    if (is_async) current().coroutine = true;
    if (!visit_arguments(args) || !visit_all(body)) return false;
    exit_block();
    return true;
  }

  bool visit(StmtNode* stmt) {
    switch (stmt->node_kind) {
      case StmtKind::FunctionDef: {
        auto* s = static_cast<FunctionDef*>(stmt);
        return visit_function(stmt, s->name, s->args, s->body, s->decorator_list, s->returns, false);
      }
      case StmtKind::AsyncFunctionDef: {
        auto* s = static_cast<AsyncFunctionDef*>(stmt);
        return visit_function(stmt, s->name, s->args, s->body, s->decorator_list, s->returns, true);
      }
      case StmtKind::ClassDef: {
        auto* s = static_cast<ClassDef*>(stmt);
        if (!add_def(s->name, kDefLocal, stmt->loc)) return false;
        if (!visit_all(s->bases)) return false;
        for (Keyword* keyword : s->keywords)
          if (!visit(keyword->value)) return false;
        if (!visit_all(s->decorator_list)) return false;
        enter_block(std::string(s->name), BlockType::Class, stmt, stmt->loc);
        std::string saved = std::move(m_private);
        m_private = std::string(s->name);
        bool ok = visit_all(s->body);
        m_private = std::move(saved);
        if (!ok) return false;
        exit_block();
        return true;
      }
      case StmtKind::Return: {
        auto* s = static_cast<Return*>(stmt);
        if (s->value != nullptr) {
          if (!visit(s->value)) return false;
          current().returns_value = true;
        }
        return true;
      }
      case StmtKind::Delete:
        return visit_all(static_cast<Delete*>(stmt)->targets);
      case StmtKind::Assign: {
        auto* s = static_cast<Assign*>(stmt);
        return visit_all(s->targets) && visit(s->value);
      }
      case StmtKind::AnnAssign:
        return visit_annotated_assignment(static_cast<AnnAssign*>(stmt));
      case StmtKind::AugAssign: {
        auto* s = static_cast<AugAssign*>(stmt);
        return visit(s->target) && visit(s->value);
      }
      case StmtKind::For: {
        auto* s = static_cast<For*>(stmt);
        return visit(s->target) && visit(s->iter) && visit_all(s->body) && visit_all(s->orelse);
      }
      case StmtKind::AsyncFor: {
        auto* s = static_cast<AsyncFor*>(stmt);
        return visit(s->target) && visit(s->iter) && visit_all(s->body) && visit_all(s->orelse);
      }
      case StmtKind::While: {
        auto* s = static_cast<While*>(stmt);
        return visit(s->test) && visit_all(s->body) && visit_all(s->orelse);
      }
      case StmtKind::If: {
        auto* s = static_cast<If*>(stmt);
        return visit(s->test) && visit_all(s->body) && visit_all(s->orelse);
      }
      case StmtKind::Match: {
        auto* s = static_cast<Match*>(stmt);
        if (!visit(s->subject)) return false;
        for (MatchCase* match_case : s->cases) {
          if (!visit(match_case->pattern)) return false;
          if (match_case->guard != nullptr && !visit(match_case->guard)) return false;
          if (!visit_all(match_case->body)) return false;
        }
        return true;
      }
      case StmtKind::Raise: {
        auto* s = static_cast<Raise*>(stmt);
        return (s->exc == nullptr || visit(s->exc)) && (s->cause == nullptr || visit(s->cause));
      }
      case StmtKind::Try: {
        auto* s = static_cast<Try*>(stmt);
        return visit_all(s->body) && visit_all(s->orelse) && visit_handlers(s->handlers) &&
               visit_all(s->finalbody);
      }
      case StmtKind::TryStar: {
        auto* s = static_cast<TryStar*>(stmt);
        return visit_all(s->body) && visit_all(s->orelse) && visit_handlers(s->handlers) &&
               visit_all(s->finalbody);
      }
      case StmtKind::Assert: {
        auto* s = static_cast<Assert*>(stmt);
        return visit(s->test) && (s->msg == nullptr || visit(s->msg));
      }
      case StmtKind::Import:
        return visit_aliases(static_cast<Import*>(stmt)->names, stmt);
      case StmtKind::ImportFrom:
        return visit_aliases(static_cast<ImportFrom*>(stmt)->names, stmt);
      case StmtKind::Global:
        return visit_declarations(static_cast<Global*>(stmt)->names, stmt, true);
      case StmtKind::Nonlocal:
        return visit_declarations(static_cast<Nonlocal*>(stmt)->names, stmt, false);
      case StmtKind::Expr:
        return visit(static_cast<Expr*>(stmt)->value);
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        return true;
      case StmtKind::With:
        return visit_with(static_cast<With*>(stmt)->items, static_cast<With*>(stmt)->body);
      case StmtKind::AsyncWith:
        return visit_with(static_cast<AsyncWith*>(stmt)->items,
                          static_cast<AsyncWith*>(stmt)->body);
    }
    return true;
  }

  bool visit_annotated_assignment(AnnAssign* s) {
    if (s->target->node_kind == ExprKind::Name) {
      auto* target = static_cast<Name*>(s->target);
      uint32_t flags = current().flags_of(mangle(m_private, target->id));
      if ((flags & (kDefGlobal | kDefNonlocal)) && &current() != &global_entry() && s->simple)
        return fail(quoted("annotated name '", target->id,
                           (flags & kDefGlobal) ? "' can't be global" : "' can't be nonlocal"),
                    s->loc);
      if (s->simple) {
        if (!add_def(target->id, kDefAnnot | kDefLocal, target->loc)) return false;
      } else if (s->value != nullptr) {
        if (!add_def(target->id, kDefLocal, target->loc)) return false;
      }
    } else if (!visit(s->target)) {
      return false;
    }
    if (!visit_annotation(s->annotation)) return false;
    return s->value == nullptr || visit(s->value);
  }

  bool visit_handlers(const Seq<ExceptHandler*>& handlers) {
    for (ExceptHandler* handler : handlers) {
      if (handler->type != nullptr && !visit(handler->type)) return false;
      if (!handler->name.empty() && !add_def(handler->name, kDefLocal, handler->loc)) return false;
      if (!visit_all(handler->body)) return false;
    }
    return true;
  }

  bool visit_with(const Seq<WithItem*>& items, const Seq<StmtNode*>& body) {
    for (WithItem* item : items) {
      if (!visit(item->context_expr)) return false;
      if (item->optional_vars != nullptr && !visit(item->optional_vars)) return false;
    }
    return visit_all(body);
  }

  bool visit_aliases(const Seq<Alias*>& names, StmtNode* stmt) {
    for (Alias* alias : names) {
      // `import a.b` binds `a`; `import a.b as c` binds `c`.
      Identifier bound = !alias->asname.empty() ? alias->asname : alias->name;
      if (bound == "*") {
        if (current().type != BlockType::Module)
          return fail("import * only allowed at module level", alias->loc);
        continue;
      }
      size_t dot = bound.find('.');
      if (dot != Identifier::npos) bound = bound.substr(0, dot);
      if (!add_def(bound, kDefImport, alias->loc)) return false;
    }
    return true;
  }

  bool visit_declarations(const Seq<Identifier>& names, StmtNode* stmt, bool global) {
    const char* kind = global ? "global" : "nonlocal";
    for (Identifier name : names) {
      uint32_t flags = current().flags_of(mangle(m_private, name));
      if (flags & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
        std::string message = "name '";
        message += name;
        if (flags & kDefParam) {
          message += "' is parameter and ";
          message += kind;
        } else if (flags & kUse) {
          message += "' is used prior to ";
          message += kind;
          message += " declaration";
        } else if (flags & kDefAnnot) {
          message = std::string("annotated name '") + std::string(name) + "' can't be " + kind;
        } else {
          message += "' is assigned to before ";
          message += kind;
          message += " declaration";
        }
        return fail(message, stmt->loc);
      }
      if (!add_def(name, global ? kDefGlobal : kDefNonlocal, stmt->loc)) return false;
      record_directive(name, stmt->loc);
    }
    return true;
  }

  // --- Parameters and annotations ---------------------------------------------

  bool visit_arguments(Arguments* args) {
    for (const Seq<Arg*>* params : {&args->posonlyargs, &args->args, &args->kwonlyargs})
      for (Arg* arg : *params)
        if (!add_def(arg->arg, kDefParam, arg->loc)) return false;
    if (args->vararg != nullptr) {
      if (!add_def(args->vararg->arg, kDefParam, args->vararg->loc)) return false;
      current().varargs = true;
    }
    if (args->kwarg != nullptr) {
      if (!add_def(args->kwarg->arg, kDefParam, args->kwarg->loc)) return false;
      current().varkeywords = true;
    }
    return true;
  }

  // Under `from __future__ import annotations` annotations are strings
  // never evaluated, so the names in them are not uses.
  bool visit_annotation(ExprNode* annotation) {
    if (m_table.future_annotations) return true;
    return visit(annotation);
  }

  bool visit_annotations(Arguments* args, ExprNode* returns) {
    for (const Seq<Arg*>* params : {&args->posonlyargs, &args->args})
      for (Arg* arg : *params)
        if (arg->annotation != nullptr && !visit_annotation(arg->annotation)) return false;
    if (args->vararg != nullptr && args->vararg->annotation != nullptr &&
        !visit_annotation(args->vararg->annotation))
      return false;
    if (args->kwarg != nullptr && args->kwarg->annotation != nullptr &&
        !visit_annotation(args->kwarg->annotation))
      return false;
    for (Arg* arg : args->kwonlyargs)
      if (arg->annotation != nullptr && !visit_annotation(arg->annotation)) return false;
    return returns == nullptr || visit_annotation(returns);
  }

  // --- Expressions ------------------------------------------------------------

  bool visit(ExprNode* expr) {
    switch (expr->node_kind) {
      case ExprKind::NamedExpr:
        return visit_named_expr(static_cast<NamedExpr*>(expr));
      case ExprKind::BoolOp:
        return visit_all(static_cast<BoolOp*>(expr)->values);
      case ExprKind::BinOp:
        return visit(static_cast<BinOp*>(expr)->left) && visit(static_cast<BinOp*>(expr)->right);
      case ExprKind::UnaryOp:
        return visit(static_cast<UnaryOp*>(expr)->operand);
      case ExprKind::Lambda: {
        auto* e = static_cast<Lambda*>(expr);
        if (!visit_all(e->args->defaults) || !visit_all(e->args->kw_defaults)) return false;
        enter_block("lambda", BlockType::Function, expr, expr->loc);
        if (!visit_arguments(e->args) || !visit(e->body)) return false;
        exit_block();
        return true;
      }
      case ExprKind::IfExp: {
        auto* e = static_cast<IfExp*>(expr);
        return visit(e->test) && visit(e->body) && visit(e->orelse);
      }
      case ExprKind::Dict:
        return visit_all(static_cast<Dict*>(expr)->keys) &&
               visit_all(static_cast<Dict*>(expr)->values);
      case ExprKind::Set:
        return visit_all(static_cast<Set*>(expr)->elts);
      case ExprKind::GeneratorExp: {
        auto* e = static_cast<GeneratorExp*>(expr);
        return visit_comprehension(expr, "genexpr", ComprehensionType::Generator, e->generators,
                                   e->elt, nullptr);
      }
      case ExprKind::ListComp: {
        auto* e = static_cast<ListComp*>(expr);
        return visit_comprehension(expr, "listcomp", ComprehensionType::List, e->generators, e->elt,
                                   nullptr);
      }
      case ExprKind::SetComp: {
        auto* e = static_cast<SetComp*>(expr);
        return visit_comprehension(expr, "setcomp", ComprehensionType::Set, e->generators, e->elt,
                                   nullptr);
      }
      case ExprKind::DictComp: {
        auto* e = static_cast<DictComp*>(expr);
        return visit_comprehension(expr, "dictcomp", ComprehensionType::Dict, e->generators, e->key,
                                   e->value);
      }
      case ExprKind::Yield: {
        auto* e = static_cast<Yield*>(expr);
        if (e->value != nullptr && !visit(e->value)) return false;
        return mark_generator(expr);
      }
      case ExprKind::YieldFrom:
        if (!visit(static_cast<YieldFrom*>(expr)->value)) return false;
        return mark_generator(expr);
      case ExprKind::Await:
        if (!visit(static_cast<Await*>(expr)->value)) return false;
        current().coroutine = true;
        return true;
      case ExprKind::Compare:
        return visit(static_cast<Compare*>(expr)->left) &&
               visit_all(static_cast<Compare*>(expr)->comparators);
      case ExprKind::Call: {
        auto* e = static_cast<Call*>(expr);
        if (!visit(e->func) || !visit_all(e->args)) return false;
        for (Keyword* keyword : e->keywords)
          if (!visit(keyword->value)) return false;
        return true;
      }
      case ExprKind::FormattedValue: {
        auto* e = static_cast<FormattedValue*>(expr);
        return visit(e->value) && (e->format_spec == nullptr || visit(e->format_spec));
      }
      case ExprKind::JoinedStr:
        return visit_all(static_cast<JoinedStr*>(expr)->values);
      case ExprKind::Constant:
        return true;
      case ExprKind::Attribute:
        return visit(static_cast<Attribute*>(expr)->value);
      case ExprKind::Subscript:
        return visit(static_cast<Subscript*>(expr)->value) &&
               visit(static_cast<Subscript*>(expr)->slice);
      case ExprKind::Starred:
        return visit(static_cast<Starred*>(expr)->value);
      case ExprKind::Slice: {
        auto* e = static_cast<Slice*>(expr);
        return (e->lower == nullptr || visit(e->lower)) &&
               (e->upper == nullptr || visit(e->upper)) && (e->step == nullptr || visit(e->step));
      }
      case ExprKind::Name: {
        auto* e = static_cast<Name*>(expr);
        if (!add_def(e->id, e->ctx == ExprContext::Load ? kUse : kDefLocal, expr->loc))
          return false;
        // `super()` needs the enclosing class: it counts as a use of __class__.
        if (e->ctx == ExprContext::Load && current().type == BlockType::Function &&
            e->id == "super")
          return add_def("__class__", kUse, expr->loc);
        return true;
      }
      case ExprKind::List:
        return visit_all(static_cast<List*>(expr)->elts);
      case ExprKind::Tuple:
        return visit_all(static_cast<Tuple*>(expr)->elts);
    }
    return true;
  }

  bool mark_generator(ExprNode* expr) {
    current().generator = true;
    switch (current().comprehension) {
      case ComprehensionType::None: return true;
      case ComprehensionType::List: return fail("'yield' inside list comprehension", expr->loc);
      case ComprehensionType::Set: return fail("'yield' inside set comprehension", expr->loc);
      case ComprehensionType::Dict: return fail("'yield' inside dict comprehension", expr->loc);
      case ComprehensionType::Generator:
        return fail("'yield' inside generator expression", expr->loc);
    }
    return true;
  }

  bool visit_comprehension(ExprNode* expr, const char* name, ComprehensionType type,
                           const Seq<Comprehension*>& generators, ExprNode* element,
                           ExprNode* value) {
    Comprehension* outermost = generators[0];
    // The outermost iterable is evaluated in the enclosing scope.
    current().comp_iter_expr++;
    if (!visit(outermost->iter)) return false;
    current().comp_iter_expr--;
    enter_block(name, BlockType::Function, expr, expr->loc);
    SymbolTableEntry& block = current();
    block.comprehension = type;
    if (outermost->is_async) block.coroutine = true;
    // ...and received as the implicit parameter `.0`.
    if (!add_def(".0", kDefParam, expr->loc)) return false;
    block.comp_iter_target = true;
    if (!visit(outermost->target)) return false;
    block.comp_iter_target = false;
    if (!visit_all(outermost->ifs)) return false;
    for (uint32_t i = 1; i < generators.size; ++i) {
      Comprehension* generator = generators[i];
      block.comp_iter_target = true;
      if (!visit(generator->target)) return false;
      block.comp_iter_target = false;
      block.comp_iter_expr++;
      if (!visit(generator->iter)) return false;
      block.comp_iter_expr--;
      if (!visit_all(generator->ifs)) return false;
      if (generator->is_async) block.coroutine = true;
    }
    if (value != nullptr && !visit(value)) return false;
    if (!visit(element)) return false;
    bool is_generator = type == ComprehensionType::Generator;
    block.generator = is_generator;
    bool is_async = block.coroutine && !is_generator;
    exit_block();
    if (is_async) current().coroutine = true;
    return true;
  }

  bool visit_named_expr(NamedExpr* e) {
    if (current().comp_iter_expr > 0)
      return fail("assignment expression cannot be used in a comprehension iterable expression",
                  e->loc);
    if (current().comprehension != ComprehensionType::None && !extend_named_expr_scope(e->target))
      return false;
    return visit(e->value) && visit(e->target);
  }

  // An assignment expression in a comprehension binds in the nearest
  // enclosing function or module, as CPython's symtable_extend_namedexpr_scope.
  bool extend_named_expr_scope(ExprNode* target_expr) {
    auto* target = static_cast<Name*>(target_expr);
    std::string name(target->id);
    for (size_t i = m_stack.size(); i-- > 0;) {
      SymbolTableEntry& entry = *m_stack[i];
      if (entry.comprehension != ComprehensionType::None) {
        if (entry.flags_of(name) & kDefCompIter)
          return fail(quoted("assignment expression cannot rebind comprehension iteration variable '",
                             name, "'"),
                      target->loc);
        continue;
      }
      if (entry.type == BlockType::Function) {
        uint32_t flag = (entry.flags_of(name) & kDefGlobal) ? kDefGlobal : kDefNonlocal;
        if (!add_def(name, flag, target->loc)) return false;
        record_directive(name, target->loc);
        return add_def_in(entry, name, kDefLocal, target->loc);
      }
      if (entry.type == BlockType::Module) {
        if (!add_def(name, kDefGlobal, target->loc)) return false;
        record_directive(name, target->loc);
        return add_def_in(entry, name, kDefGlobal, target->loc);
      }
      if (entry.type == BlockType::Class)
        return fail("assignment expression within a comprehension cannot be used in a class body",
                    target->loc);
    }
    return true;
  }

  // --- Patterns -----------------------------------------------------------------

  bool visit(PatternNode* pattern) {
    switch (pattern->node_kind) {
      case PatternKind::MatchValue:
        return visit(static_cast<MatchValue*>(pattern)->value);
      case PatternKind::MatchSingleton:
        return true;
      case PatternKind::MatchSequence:
        return visit_all(static_cast<MatchSequence*>(pattern)->patterns);
      case PatternKind::MatchStar: {
        auto* p = static_cast<MatchStar*>(pattern);
        return p->name.empty() || add_def(p->name, kDefLocal, pattern->loc);
      }
      case PatternKind::MatchMapping: {
        auto* p = static_cast<MatchMapping*>(pattern);
        if (!visit_all(p->keys) || !visit_all(p->patterns)) return false;
        return p->rest.empty() || add_def(p->rest, kDefLocal, pattern->loc);
      }
      case PatternKind::MatchClass: {
        auto* p = static_cast<MatchClass*>(pattern);
        return visit(p->cls) && visit_all(p->patterns) && visit_all(p->kwd_patterns);
      }
      case PatternKind::MatchAs: {
        auto* p = static_cast<MatchAs*>(pattern);
        if (p->pattern != nullptr && !visit(p->pattern)) return false;
        return p->name.empty() || add_def(p->name, kDefLocal, pattern->loc);
      }
      case PatternKind::MatchOr:
        return visit_all(static_cast<MatchOr*>(pattern)->patterns);
    }
    return true;
  }

  // --- Analysis -----------------------------------------------------------------
  // CPython's analyze_block and friends. `bound` is null for the module.

  bool analyze() {
    Names free;
    Names global;
    return analyze_block(*m_table.top, nullptr, free, global);
  }

  bool directive_error(SymbolTableEntry& entry, const std::string& name, std::string message) {
    auto found = entry.directives.find(name);
    Location loc = found != entry.directives.end() ? found->second : Location{entry.lineno, entry.col_offset, entry.lineno, entry.col_offset};
    return fail(std::move(message), loc);
  }

  bool analyze_name(SymbolTableEntry& entry, std::unordered_map<std::string, NameScope>& scopes,
                    const std::string& name, uint32_t flags, Names* bound, Names& local,
                    Names& free, Names& global) {
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal)
        return directive_error(entry, name, quoted("name '", name, "' is nonlocal and global"));
      scopes[name] = NameScope::GlobalExplicit;
      global.insert(name);
      if (bound != nullptr) bound->erase(name);
      return true;
    }
    if (flags & kDefNonlocal) {
      if (bound == nullptr)
        return directive_error(entry, name, "nonlocal declaration not allowed at module level");
      if (!bound->count(name))
        return directive_error(entry, name, quoted("no binding for nonlocal '", name, "' found"));
      scopes[name] = NameScope::Free;
      entry.free = true;
      free.insert(name);
      return true;
    }
    if (flags & kDefBound) {
      scopes[name] = NameScope::Local;
      local.insert(name);
      global.erase(name);
      return true;
    }
    // Bound in an enclosing function: a free variable, not a global.
    if (bound != nullptr && bound->count(name)) {
      scopes[name] = NameScope::Free;
      entry.free = true;
      free.insert(name);
      return true;
    }
    if (global.count(name)) {
      scopes[name] = NameScope::GlobalImplicit;
      return true;
    }
    if (entry.nested) entry.free = true;
    scopes[name] = NameScope::GlobalImplicit;
    return true;
  }

  bool analyze_block(SymbolTableEntry& entry, Names* bound, Names& free, Names& global) {
    std::unordered_map<std::string, NameScope> scopes;
    Names local;
    Names new_global;
    Names new_free;
    Names new_bound;

    // A class body's names are not visible in its methods, so what the
    // children see is fixed before the class's own names are analysed.
    if (entry.type == BlockType::Class) {
      new_global = global;
      if (bound != nullptr) new_bound = *bound;
    }
    for (auto& [name, flags] : entry.symbols)
      if (!analyze_name(entry, scopes, name, flags, bound, local, free, global)) return false;

    if (entry.type != BlockType::Class) {
      if (entry.type == BlockType::Function) new_bound.insert(local.begin(), local.end());
      if (bound != nullptr) new_bound.insert(bound->begin(), bound->end());
      new_global.insert(global.begin(), global.end());
    } else {
      new_bound.insert("__class__");
    }

    Names all_free;
    for (auto& child : entry.children) {
      Names child_bound = new_bound;
      Names child_free = new_free;
      Names child_global = new_global;
      if (!analyze_block(*child, &child_bound, child_free, child_global)) return false;
      all_free.insert(child_free.begin(), child_free.end());
      if (child->free || child->child_free) entry.child_free = true;
    }
    new_free.insert(all_free.begin(), all_free.end());

    if (entry.type == BlockType::Function) {
      // A local that a child uses freely becomes a cell.
      for (auto& [name, scope] : scopes) {
        if (scope == NameScope::Local && new_free.count(name)) {
          scope = NameScope::Cell;
          new_free.erase(name);
        }
      }
    } else if (entry.type == BlockType::Class) {
      if (new_free.erase("__class__")) entry.needs_class_closure = true;
    }
    update_symbols(entry, scopes, bound, new_free);
    free.insert(new_free.begin(), new_free.end());
    return true;
  }

  void update_symbols(SymbolTableEntry& entry,
                      const std::unordered_map<std::string, NameScope>& scopes, Names* bound,
                      const Names& free) {
    for (auto& [name, flags] : entry.symbols) {
      auto found = scopes.find(name);
      uint32_t scope = found == scopes.end() ? 0 : static_cast<uint32_t>(found->second);
      flags |= scope << kScopeShift;
    }
    // Free variables of children that this block neither binds nor declares
    // pass through it: they are free here too. CPython walks a set here; the
    // order in which such names are appended follows the source instead.
    std::vector<std::string> pass_through;
    for (const std::string& name : free) {
      auto found = entry.index.find(name);
      if (found != entry.index.end()) {
        uint32_t& flags = entry.symbols[found->second].second;
        // Free in a method, and bound or global in the class body.
        if (entry.type == BlockType::Class && (flags & (kDefBound | kDefGlobal)))
          flags |= kDefFreeClass;
        continue;
      }
      if (bound != nullptr && !bound->count(name)) continue;  // a global
      pass_through.push_back(name);
    }
    std::sort(pass_through.begin(), pass_through.end());
    for (const std::string& name : pass_through) {
      entry.index.emplace(name, entry.symbols.size());
      entry.symbols.emplace_back(name, static_cast<uint32_t>(NameScope::Free) << kScopeShift);
    }
  }

  SymbolTable& m_table;
  std::string_view m_source;
  SyntaxErrorInfo& m_error;
  std::vector<SymbolTableEntry*> m_stack;
  std::string m_private;  // the enclosing class's name, for mangling
};

void dump_entry(const SymbolTableEntry& entry, int depth, std::string& out) {
  std::string indent(depth * 2, ' ');
  out += indent;
  out += std::to_string(static_cast<int>(entry.type));
  out += ' ';
  out += entry.name;
  out += " line ";
  out += std::to_string(entry.lineno);
  out += entry.nested ? " nested" : "";
  out += " params=[";
  for (size_t i = 0; i < entry.varnames.size(); ++i) {
    if (i) out += ", ";
    out += entry.varnames[i];
  }
  out += "]\n";
  // By name: CPython appends the free names that pass through a block in
  // set order, which varies from run to run.
  std::vector<std::pair<std::string, uint32_t>> symbols = entry.symbols;
  std::sort(symbols.begin(), symbols.end());
  for (auto& [name, flags] : symbols) {
    out += indent;
    out += "  ";
    out += name;
    out += ' ';
    out += std::to_string(flags);
    out += '\n';
  }
  for (auto& child : entry.children) dump_entry(*child, depth + 1, out);
}

}  // namespace

bool build_symtable(const Module& module, std::string_view source, SymbolTable& table,
                    SyntaxErrorInfo& error) {
  return Builder(table, source, error).build(module);
}

std::string dump_symtable(const SymbolTable& table) {
  std::string out;
  if (table.top) dump_entry(*table.top, 0, out);
  return out;
}

}  // namespace coil
