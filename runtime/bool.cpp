// The bool type: a subclass of int with exactly two instances, True and
// False, which are IntObjects of value 1 and 0 (so every int operation
// works on them and gives ints: True + True == 2, ~True == -2). bool only
// changes the repr, the constructor, and & | ^, which give a bool when both
// operands are bools.
//
// True and False are immortal statics. Their GMP integers are constant
// read-only values pointing at static limbs (as mpz_roinit_n would build),
// so they are usable before any start-up code runs and never freed.
#include "runtime/abstract.h"
#include "runtime/int.h"
#include "runtime/str.h"

namespace coil {

namespace {

// GMP never writes through these: True and False are never modified.
mp_limb_t g_true_limb = 1;
mp_limb_t g_false_limb = 0;

}  // namespace

IntObject true_object = {{kImmortalRefcount, &bool_type}, {{1, 1, &g_true_limb}}};
IntObject false_object = {{kImmortalRefcount, &bool_type}, {{1, 0, &g_false_limb}}};

namespace {

Ref bool_repr(Value self) {
  static Value true_text = intern_static("True");
  static Value false_text = intern_static("False");
  return ref(self.is(&true_object) ? true_text : false_text);
}

Ref bool_new(Type*, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!check_positional("bool", Args{args, nargs, kwnames}, 0, 1)) return {};
  if (nargs == 0) return new_bool(false);
  int truth = is_true(args[0]);
  if (truth < 0) return {};
  return new_bool(truth != 0);
}

// True & False is a bool; True & 2 is the int's answer.
template <BinaryOp op>
Ref bool_bitwise(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) {
    bool x = a.is(&true_object), y = b.is(&true_object);
    bool result = op == BinaryOp::And ? (x && y) : op == BinaryOp::Or ? (x || y) : (x != y);
    return new_bool(result);
  }
  return int_type.m_binary[int(op)](a, b);
}

}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

Type bool_type = {
    .m_tp_name = "bool",
    .m_base = &int_type,
    .m_doc = "bool(x) -> bool\n"
             "\n"
             "Returns True when the argument x is true, False otherwise.\n"
             "The builtins True and False are the only two instances of the class bool.\n"
             "The class bool is a subclass of the class int, and cannot be subclassed.",
    // Not kTypeBaseType: `class B(bool)` is a TypeError, as in CPython.
    .m_flags = kTypeLongSubclass | kTypeImmutable,
    .m_size = sizeof(IntObject),
    .m_repr = bool_repr,
    .m_new = bool_new,
    .m_binary = {nullptr, bool_bitwise<BinaryOp::And>, nullptr, nullptr, nullptr, nullptr, nullptr,
                 bool_bitwise<BinaryOp::Or>, nullptr, nullptr, nullptr, nullptr,
                 bool_bitwise<BinaryOp::Xor>},
};

#pragma GCC diagnostic pop

COIL_REGISTER_TYPE(bool_type);

}  // namespace coil
