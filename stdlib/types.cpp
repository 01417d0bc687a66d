// The `types` module: names for the built-in types the language makes but
// builtins does not name (FunctionType, ModuleType, GeneratorType…), as
// CPython's Lib/types.py.
#include "runtime/dict.h"
#include "runtime/generic_alias.h"
#include "runtime/module.h"
#include "runtime/union.h"

namespace coil {

namespace {

bool init_types(Value module) {
  Value dict = module_dict(module);
  static const struct {
    const char* name;
    const char* type_name;  // the registered type's m_tp_name
  } kTypes[] = {
      {"FunctionType", "function"},
      {"LambdaType", "function"},
      {"MethodType", "method"},
      {"BuiltinFunctionType", "builtin_function_or_method"},
      {"BuiltinMethodType", "builtin_function_or_method"},
      {"GeneratorType", "generator"},
      {"CoroutineType", "coroutine"},
      {"AsyncGeneratorType", "async_generator"},
      {"CodeType", "code"},
      {"CellType", "cell"},
      {"FrameType", "frame"},
      {"TracebackType", "traceback"},
      {"MappingProxyType", "mappingproxy"},
      {"MethodWrapperType", "method-wrapper"},
      {"WrapperDescriptorType", "wrapper_descriptor"},
      {"MethodDescriptorType", "method_descriptor"},
      {"ClassMethodDescriptorType", "classmethod_descriptor"},
      {"GetSetDescriptorType", "getset_descriptor"},
      {"MemberDescriptorType", "member_descriptor"},
      {"NoneType", "NoneType"},
      {"EllipsisType", "ellipsis"},
      {"NotImplementedType", "NotImplementedType"},
  };
  for (const auto& entry : kTypes) {
    Type* type = find_registered_type(entry.type_name);
    if (type != nullptr && !dict_setitem_str(dict, entry.name, Value(type))) return false;
  }
  return dict_setitem_str(dict, "ModuleType", Value(&module_type)) &&
         dict_setitem_str(dict, "GenericAlias", Value(&generic_alias_type)) &&
         dict_setitem_str(dict, "UnionType", Value(&union_type));
}

}  // namespace

COIL_REGISTER_MODULE("types", init_types);

}  // namespace coil
