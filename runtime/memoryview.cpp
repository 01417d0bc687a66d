// memoryview: a view of the bytes of a bytes-like object, as CPython's
// memoryview restricted to what coil's buffers are — one dimension of
// unsigned bytes (format 'B', itemsize 1).
//
// A view holds its object and a window on it (first byte, step, number of
// items) and reads the object's bytes afresh at each access, so a view of a
// bytearray sees its writes. A bytearray may still be resized under a view
// (CPython refuses that while a view exists): an access whose window no
// longer fits raises IndexError instead of reading outside the data.
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exception.h"
#include "runtime/hash.h"
#include "runtime/iterators.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

extern Type memoryview_type;

namespace {

struct MemoryViewObject : Object {
  Ref m_object;     // what the view is of (never a memoryview); null once released
  int64_t m_start;  // the first byte's index in the object
  int64_t m_step;   // between consecutive items; 1 unless sliced with a step
  int64_t m_length; // number of items
  bool m_readonly;
};

MemoryViewObject* as_view(Value v) { return v.as<MemoryViewObject>(); }

bool check_released(MemoryViewObject* view) {
  if (view->m_object) return true;
  raise(&value_error_type, "operation forbidden on released memoryview object");
  return false;
}

// The object's bytes, after checking that the view is live and its window fits.
bool view_data(MemoryViewObject* view, std::string_view& data) {
  if (!check_released(view)) return false;
  if (!buffer_view(view->m_object, data)) {
    raise(&type_error_type, "memoryview: underlying object is no longer bytes-like");
    return false;
  }
  if (view->m_length > 0) {
    int64_t last = view->m_start + (view->m_length - 1) * view->m_step;
    if (view->m_start >= int64_t(data.size()) || last < 0 || last >= int64_t(data.size())) {
      raise(&index_error_type, "memoryview: the underlying buffer was resized");
      return false;
    }
  }
  return true;
}

// The viewed bytes, in order (tobytes()).
bool view_bytes(MemoryViewObject* view, std::string& out) {
  std::string_view data;
  if (!view_data(view, data)) return false;
  if (view->m_step == 1) {
    out.assign(data.substr(size_t(view->m_start), size_t(view->m_length)));
    return true;
  }
  out.clear();
  out.reserve(size_t(view->m_length));
  for (int64_t i = 0; i < view->m_length; ++i) out += data[size_t(view->m_start + i * view->m_step)];
  return true;
}

Ref new_view(Value object, int64_t start, int64_t step, int64_t length, bool readonly) {
  Object* memory = allocate_object(&memoryview_type);
  if (memory == nullptr) return raise_no_memory();
  auto* view = static_cast<MemoryViewObject*>(memory);  // zeroed: the Ref starts null
  view->m_object = ref(object);
  view->m_start = start;
  view->m_step = step;
  view->m_length = length;
  view->m_readonly = readonly;
  return Ref::steal(memory);
}

// memoryview(object)
Ref memoryview_new(Type*, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"memoryview", {"object"}, 0, SIZE_MAX, 1};
  Value bound[1];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return {};
  Value object = bound[0];
  if (object.is_object() && object.type() == &memoryview_type) {
    MemoryViewObject* other = as_view(object);
    if (!check_released(other)) return {};
    return new_view(other->m_object, other->m_start, other->m_step, other->m_length, other->m_readonly);
  }
  std::string_view data;
  if (!buffer_view(object, data)) {
    return raise_format(&type_error_type, "memoryview: a bytes-like object is required, not '%s'",
                        value_type_name(object).data());
  }
  return new_view(object, 0, 1, int64_t(data.size()), !is_bytearray(object));
}

// The index of item `key` (an int-like) in the object's bytes.
bool item_position(MemoryViewObject* view, Value key, int64_t& position) {
  int64_t i;
  if (!index_as_ssize(key, &index_error_type, i)) return false;
  if (i < 0) i += view->m_length;
  if (i < 0 || i >= view->m_length) {
    raise(&index_error_type, "index out of bounds on dimension 1");
    return false;
  }
  position = view->m_start + i * view->m_step;
  return true;
}

Ref memoryview_getitem(Value self, Value key) {
  MemoryViewObject* view = as_view(self);
  if (!check_released(view)) return {};
  if (has_index(key)) {
    int64_t position;
    if (!item_position(view, key, position)) return {};
    std::string_view data;
    if (!view_data(view, data)) return {};
    return Ref::small_int(static_cast<unsigned char>(data[size_t(position)]));
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (!slice_unpack(key, start, stop, step)) return {};
    int64_t count = slice_adjust_indices(view->m_length, start, stop, step);
    return new_view(view->m_object, view->m_start + start * view->m_step, view->m_step * step, count,
                    view->m_readonly);
  }
  return raise(&type_error_type, "memoryview: invalid slice key");
}

// m[i] = byte and m[a:b] = bytes-like of the same length; a null value deletes.
bool memoryview_setitem(Value self, Value key, Value value) {
  MemoryViewObject* view = as_view(self);
  if (!check_released(view)) return false;
  if (view->m_readonly) return raise(&type_error_type, "cannot modify read-only memory");
  if (!value) return raise(&type_error_type, "cannot delete memory");
  std::string_view data;
  if (has_index(key)) {
    int64_t position;
    if (!item_position(view, key, position)) return false;
    unsigned char byte;
    if (!byte_value(value, "memoryview: invalid value for format 'B'", byte)) return false;
    if (!view_data(view, data)) return false;
    view->m_object.as<ByteArrayObject>()->m_data[size_t(position)] = static_cast<char>(byte);
    return true;
  }
  if (!is_slice(key)) return raise(&type_error_type, "memoryview: invalid slice key");
  int64_t start, stop, step;
  if (!slice_unpack(key, start, stop, step)) return false;
  int64_t count = slice_adjust_indices(view->m_length, start, stop, step);
  std::string_view source;
  if (!buffer_view(value, source)) {
    return raise_format(&type_error_type, "a bytes-like object is required, not '%s'",
                        value_type_name(value).data());
  }
  if (int64_t(source.size()) != count) {
    return raise(&value_error_type, "memoryview assignment: lvalue and rvalue have different structures");
  }
  std::string copy(source);  // the source may be this very buffer
  if (!view_data(view, data)) return false;
  std::string& target = view->m_object.as<ByteArrayObject>()->m_data;
  for (int64_t i = 0; i < count; ++i) {
    target[size_t(view->m_start + (start + i * step) * view->m_step)] = copy[size_t(i)];
  }
  return true;
}

std::optional<int64_t> memoryview_length(Value self) {
  MemoryViewObject* view = as_view(self);
  if (!check_released(view)) return std::nullopt;
  return view->m_length;
}

Ref memoryview_tobytes(Value self, Args args) {
  static const ArgSpec spec{"tobytes", {"order"}, 0, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string bytes;
  if (!view_bytes(as_view(self), bytes)) return {};
  return make_bytes(bytes);
}

Ref memoryview_tolist(Value self, Args) {
  std::string bytes;
  if (!view_bytes(as_view(self), bytes)) return {};
  Ref list = make_list(bytes.size());
  if (!list) return {};
  for (char c : bytes) list_append(list, Ref::small_int(static_cast<unsigned char>(c)));
  return list;
}

Ref memoryview_hex(Value self, Args args) {
  std::string bytes;
  if (!view_bytes(as_view(self), bytes)) return {};
  Ref copy = make_bytes(bytes);
  if (!copy) return {};
  return bytes_hex(copy, args);
}

Ref memoryview_toreadonly(Value self, Args) {
  MemoryViewObject* view = as_view(self);
  if (!check_released(view)) return {};
  return new_view(view->m_object, view->m_start, view->m_step, view->m_length, true);
}

Ref memoryview_release(Value self, Args) {
  as_view(self)->m_object = Ref();
  return new_none();
}

Ref memoryview_enter(Value self, Args) {
  if (!check_released(as_view(self))) return {};
  return ref(self);
}

Ref memoryview_exit(Value self, Args) { return memoryview_release(self, Args{}); }

// == compares the viewed bytes with any bytes-like object.
Ref memoryview_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return ref(not_implemented());
  if (a.is(b)) return new_bool(op == CompareOp::Eq);
  MemoryViewObject* view = as_view(a);
  if (!view->m_object) return new_bool(op == CompareOp::Ne);  // a released view equals only itself
  std::string left;
  if (!view_bytes(view, left)) return {};
  std::string right;
  if (b.is_object() && b.type() == &memoryview_type) {
    if (!as_view(b)->m_object) return new_bool(op == CompareOp::Ne);
    if (!view_bytes(as_view(b), right)) return {};
  } else {
    std::string_view data;
    if (!buffer_view(b, data)) return ref(not_implemented());
    right.assign(data);
  }
  return new_bool((left == right) == (op == CompareOp::Eq));
}

// Only read-only views hash, as the bytes they show.
std::optional<int64_t> memoryview_hash(Value self) {
  MemoryViewObject* view = as_view(self);
  if (!check_released(view)) return std::nullopt;
  if (!view->m_readonly) {
    raise(&value_error_type, "cannot hash writable memoryview object");
    return std::nullopt;
  }
  std::string bytes;
  if (!view_bytes(view, bytes)) return std::nullopt;
  return hash_bytes(bytes.data(), bytes.size());
}

Ref memoryview_repr(Value self) {
  char text[64];
  std::snprintf(text, sizeof text, "<%smemory at %p>", as_view(self)->m_object ? "" : "released ",
                static_cast<void*>(self.as_object()));
  return make_str(text);
}

Ref memoryview_iter(Value self) {
  if (!check_released(as_view(self))) return {};
  return make_sequence_iterator(self);
}

// bytes(m), b'' + m, …: the buffer protocol, for contiguous views.
bool memoryview_buffer(Value self, std::string_view& out) {
  MemoryViewObject* view = as_view(self);
  if (!view->m_object || view->m_step != 1) return false;
  std::string_view data;
  if (!buffer_view(view->m_object, data)) return false;
  if (view->m_start + view->m_length > int64_t(data.size())) return false;
  out = data.substr(size_t(view->m_start), size_t(view->m_length));
  return true;
}

void memoryview_destroy(Object* object) { static_cast<MemoryViewObject*>(object)->~MemoryViewObject(); }
void memoryview_traverse(Object* object, VisitFn visit, void* context) {
  auto* view = static_cast<MemoryViewObject*>(object);
  if (view->m_object) visit(view->m_object, context);
}
void memoryview_clear(Object* object) { static_cast<MemoryViewObject*>(object)->m_object = Ref(); }

Ref get_obj(Value self) {
  MemoryViewObject* view = as_view(self);
  if (!check_released(view)) return {};
  return view->m_object;
}
Ref get_nbytes(Value self) {
  if (!check_released(as_view(self))) return {};
  return make_int(as_view(self)->m_length);
}
Ref get_readonly(Value self) {
  if (!check_released(as_view(self))) return {};
  return new_bool(as_view(self)->m_readonly);
}
Ref get_itemsize(Value self) {
  if (!check_released(as_view(self))) return {};
  return Ref::small_int(1);
}
Ref get_format(Value self) {
  if (!check_released(as_view(self))) return {};
  return make_str("B");
}
Ref get_ndim(Value self) {
  if (!check_released(as_view(self))) return {};
  return Ref::small_int(1);
}
Ref get_shape(Value self) {
  if (!check_released(as_view(self))) return {};
  Ref length = make_int(as_view(self)->m_length);
  return make_tuple({length});
}
Ref get_strides(Value self) {
  if (!check_released(as_view(self))) return {};
  Ref step = make_int(as_view(self)->m_step);
  return make_tuple({step});
}
Ref get_contiguous(Value self) {
  if (!check_released(as_view(self))) return {};
  return new_bool(as_view(self)->m_step == 1 || as_view(self)->m_length <= 1);
}

const MethodDef kMemoryViewMethods[] = {
    {"tobytes", memoryview_tobytes, ArgKind::Keywords},
    {"tolist", memoryview_tolist, ArgKind::NoArgs},
    {"hex", memoryview_hex, ArgKind::Keywords},
    {"toreadonly", memoryview_toreadonly, ArgKind::NoArgs},
    {"release", memoryview_release, ArgKind::NoArgs},
    {"__enter__", memoryview_enter, ArgKind::NoArgs},
    {"__exit__", memoryview_exit, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kMemoryViewGetSet[] = {
    {"obj", get_obj},
    {"nbytes", get_nbytes},
    {"readonly", get_readonly},
    {"itemsize", get_itemsize},
    {"format", get_format},
    {"ndim", get_ndim},
    {"shape", get_shape},
    {"strides", get_strides},
    {"c_contiguous", get_contiguous},
    {"f_contiguous", get_contiguous},
    {"contiguous", get_contiguous},
    {nullptr, nullptr},
};

}  // namespace

Type memoryview_type = [] {
  Type type{};
  type.m_tp_name = "memoryview";
  type.m_doc = "Create a new memoryview object which references the given object.";
  type.m_flags = kTypeHasGC | kTypeImmutable | kTypeSequence;
  type.m_size = sizeof(MemoryViewObject);
  type.m_methods = kMemoryViewMethods;
  type.m_getset = kMemoryViewGetSet;
  type.m_destroy = memoryview_destroy;
  type.m_traverse = memoryview_traverse;
  type.m_clear = memoryview_clear;
  type.m_new = memoryview_new;
  type.m_repr = memoryview_repr;
  type.m_hash = memoryview_hash;
  type.m_richcompare = memoryview_richcompare;
  type.m_iter = memoryview_iter;
  type.m_length = memoryview_length;
  type.m_getitem = memoryview_getitem;
  type.m_setitem = memoryview_setitem;
  return type;
}();
COIL_REGISTER_TYPE(memoryview_type);

static struct MemoryViewBufferSetup {
  MemoryViewBufferSetup() { register_buffer_type(&memoryview_type, memoryview_buffer); }
} memoryview_buffer_setup;

}  // namespace coil
