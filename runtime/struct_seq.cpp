// Struct sequences (runtime/struct_seq.h).
//
// An instance is an ordinary tuple object whose type derives from tuple, so
// indexing, slicing (which gives a plain tuple), comparison and hashing are
// tuple's. Each field is a GetSetDef whose getter reads one item: getters
// cannot carry data, so one getter per index is generated below, and each
// type's GetSetDef table (names given at its definition) is built once and
// lives as long as the program.
#include "runtime/struct_seq.h"

#include <array>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/exception.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

template <size_t I>
Ref struct_seq_item(Value self) {
  return ref(tuple_item(self, I));
}

template <size_t... I>
constexpr auto make_item_getters(std::index_sequence<I...>) {
  return std::array<Ref (*)(Value), sizeof...(I)>{struct_seq_item<I>...};
}
constexpr auto kItemGetters = make_item_getters(std::make_index_sequence<kStructSeqMaxFields>());

bool struct_seq_readonly(Value, Value) { return raise(&attribute_error_type, "readonly attribute"); }

// "sys.version_info(major=3, minor=11, …)": the type's full name, then each
// field as name=repr(value).
Ref struct_seq_repr(Value self) {
  Type* type = self.type();
  std::string text = std::string(type->m_tp_name) + "(";
  const GetSetDef* field = type->m_getset;
  for (size_t i = 0; i < tuple_size(self) && field != nullptr && field->name != nullptr; ++i, ++field) {
    Ref item = repr(tuple_item(self, i));
    if (!item) return {};
    if (i > 0) text += ", ";
    text += field->name;
    text += "=";
    text += str_view(item);
  }
  text += ")";
  return make_str(text);
}

Ref struct_seq_new(Type* type, const Value*, size_t, TupleObject*) {
  return raise_format(&type_error_type, "cannot create '%s' instances", type->m_tp_name);
}

}  // namespace

Type make_struct_seq_type(const char* qualified_name, std::initializer_list<const char*> fields, const char* doc) {
  if (fields.size() > kStructSeqMaxFields) std::abort();  // a definition error, found at start-up
  // The table lives as long as the type, the whole run; kept reachable from
  // a static so that the leak checker sees it is still in use.
  static auto* tables = new std::vector<std::vector<GetSetDef>*>();
  auto* getset = new std::vector<GetSetDef>();
  tables->push_back(getset);
  size_t index = 0;
  for (const char* name : fields) getset->push_back({name, kItemGetters[index++], struct_seq_readonly});
  getset->push_back({nullptr, nullptr});
  Type type{};
  type.m_tp_name = qualified_name;
  type.m_doc = doc;
  type.m_base = &tuple_type;
  type.m_size = sizeof(TupleObject);
  type.m_item_size = sizeof(Value);
  type.m_flags = kTypeHasGC | kTypeTupleSubclass;
  type.m_new = struct_seq_new;
  type.m_repr = struct_seq_repr;
  type.m_getset = getset->data();
  return type;
}

Ref make_struct_seq(Type* type, std::initializer_list<Value> items) {
  Object* object = allocate_object(type, items.size());
  if (object == nullptr) return raise_no_memory();
  auto* tuple = static_cast<TupleObject*>(object);
  tuple->m_size = items.size();
  size_t i = 0;
  for (Value item : items) tuple->m_items[i++] = ref(item ? item : none()).release();
  return Ref::steal(object);
}

}  // namespace coil
