// The `_contextvars` module: Context, ContextVar, Token and copy_context()
// (runtime/context.h). The `contextvars` module of lib/ re-exports it, as
// CPython's does.
#include "runtime/context.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/module.h"
#include "runtime/native.h"

namespace coil {

namespace {

// copy_context(): a new Context with the current one's variables, sharing
// their storage until one of the two changes.
Ref copy_context(Value, Args args) {
  if (args.count + args.keyword_count() != 0) {
    return raise_format(&type_error_type, "_contextvars.copy_context() takes no arguments (%zu given)",
                        args.count + args.keyword_count());
  }
  ContextObject* current = context_current();
  if (current == nullptr) return {};
  Ref copy = make_context();
  if (!copy) return {};
  copy.as<ContextObject>()->m_data = current->m_data;
  return copy;
}

const MethodDef kFunctions[] = {
    {"copy_context", copy_context, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_contextvars(Value module) {
  if (!module_add_functions(module, kFunctions)) return false;
  // Token.MISSING, the old_value of a token for a variable that had none.
  if (!dict_setitem_str(Value(token_type.m_dict), "MISSING", Value(&g_token_missing))) return false;
  type_modified(&token_type);
  Value dict = module_dict(module);
  return dict_setitem_str(dict, "Context", Value(&context_type)) &&
         dict_setitem_str(dict, "ContextVar", Value(&context_var_type)) &&
         dict_setitem_str(dict, "Token", Value(&token_type));
}

}  // namespace

COIL_REGISTER_MODULE("_contextvars", init_contextvars);

}  // namespace coil
