// None, NotImplemented and Ellipsis: one immortal object each.
#include <string>

#include "runtime/abstract.h"
#include "runtime/exception.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/warnings.h"

namespace coil {

namespace {

Ref none_repr(Value) { return make_str("None"); }
Ref not_implemented_repr(Value) { return make_str("NotImplemented"); }
Ref ellipsis_repr(Value) { return make_str("Ellipsis"); }
int none_bool(Value) { return 0; }

int not_implemented_bool(Value) {
  // As 3.11: a DeprecationWarning, then true.
  if (!warn(&deprecation_warning_type, "NotImplemented should not be used in a boolean context")) return -1;
  return 1;
}

Ref singleton_new(Type* type, const Value*, size_t nargs, TupleObject* kwnames) {
  if (nargs != 0 || (kwnames != nullptr && tuple_size(Value(kwnames)) != 0)) {
    return raise_format(&type_error_type, "%s takes no arguments", type->m_tp_name);
  }
  if (type->m_tp_name == std::string_view("NoneType")) return new_none();
  if (type->m_tp_name == std::string_view("NotImplementedType")) return ref(not_implemented());
  return ref(ellipsis());
}

Ref singleton_reduce(Value self, Args) {
  if (is_none(self)) return make_str("None");
  if (self.is(not_implemented())) return make_str("NotImplemented");
  return make_str("Ellipsis");
}

const MethodDef kSingletonMethods[] = {
    {"__reduce__", singleton_reduce, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

}  // namespace

Type none_type, not_implemented_type, ellipsis_type;
Object none_object{kImmortalRefcount, &none_type};
Object not_implemented_object{kImmortalRefcount, &not_implemented_type};
Object ellipsis_object{kImmortalRefcount, &ellipsis_type};

static struct SingletonTypesSetup {
  SingletonTypesSetup() {
    none_type.m_tp_name = "NoneType";
    none_type.m_repr = none_repr;
    none_type.m_bool = none_bool;
    none_type.m_new = singleton_new;
    none_type.m_methods = kSingletonMethods;
    not_implemented_type.m_tp_name = "NotImplementedType";
    not_implemented_type.m_repr = not_implemented_repr;
    not_implemented_type.m_bool = not_implemented_bool;
    not_implemented_type.m_new = singleton_new;
    not_implemented_type.m_methods = kSingletonMethods;
    ellipsis_type.m_tp_name = "ellipsis";
    ellipsis_type.m_repr = ellipsis_repr;
    ellipsis_type.m_new = singleton_new;
    ellipsis_type.m_methods = kSingletonMethods;
  }
} singleton_types_setup;
COIL_REGISTER_TYPE(none_type);
COIL_REGISTER_TYPE(not_implemented_type);
COIL_REGISTER_TYPE(ellipsis_type);

}  // namespace coil
