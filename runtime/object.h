// The value representation and the object header (DESIGN §3 "Values",
// "Memory").
//
// A Value is one 64-bit word. Its low bit says what it holds:
//   ...xxx1  a small integer, the word shifted right by one (63 bits, signed);
//   ...xxx0  a pointer to a heap Object (8-byte aligned), or 0 — the null
//            Value, which is never a Python object: a function returning a
//            null Value has raised, and the exception waits in the thread
//            state (runtime/errors.h), as in CPython.
//
// Every heap object starts with an Object header: a reference count and its
// type. Counting is not atomic (coil runs Python on one thread). A Value does
// not own what it points to; a Ref does: it holds one reference and drops it
// when destroyed. Functions that return a new object return a Ref; functions
// that only look at an argument take a Value.
//
// Memory in front of an object. An allocation may carry, before the header:
//   [__dict__][__slots__ values…][GC link (containers only)]  Object header  body
// `Type::m_prefix` is the size of that part: the collector's link for types
// that can form cycles (just before the header, so that the collector finds
// the object from its link), and for instances of Python classes their
// __slots__ values and __dict__ pointer. A Python
// subclass of any built-in type — variable-sized ones like tuple included —
// thus gets its dict and slots at fixed negative offsets without changing the
// built-in's layout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

namespace coil {

struct Type;

struct Object {
  int64_t m_refcount;
  Type* m_type;
};

// Objects that live for the whole run (None, True, the built-in types…)
// start with this count, so that no sequence of increments and decrements
// ever frees them.
inline constexpr int64_t kImmortalRefcount = int64_t(1) << 60;

class Value {
 public:
  constexpr Value() : m_bits(0) {}
  constexpr Value(std::nullptr_t) : m_bits(0) {}
  Value(const Object* object) : m_bits(reinterpret_cast<uintptr_t>(object)) {}

  // The small-integer range: 63-bit two's complement.
  static constexpr int64_t kSmallIntMin = -(int64_t(1) << 62);
  static constexpr int64_t kSmallIntMax = (int64_t(1) << 62) - 1;
  static constexpr bool fits_small_int(int64_t i) { return i >= kSmallIntMin && i <= kSmallIntMax; }
  static constexpr Value small_int(int64_t i) { return Value((uint64_t(i) << 1) | 1, 0); }
  static constexpr Value from_bits(uint64_t bits) { return Value(bits, 0); }

  constexpr bool is_null() const { return m_bits == 0; }
  constexpr explicit operator bool() const { return m_bits != 0; }
  constexpr bool is_small_int() const { return (m_bits & 1) != 0; }
  constexpr int64_t as_small_int() const { return int64_t(m_bits) >> 1; }
  constexpr bool is_object() const { return m_bits != 0 && (m_bits & 1) == 0; }
  Object* as_object() const { return reinterpret_cast<Object*>(m_bits); }
  template <class T>
  T* as() const { return static_cast<T*>(reinterpret_cast<Object*>(m_bits)); }
  constexpr uint64_t bits() const { return m_bits; }

  // Python's `is`.
  constexpr bool is(Value other) const { return m_bits == other.m_bits; }

  // The value's type; defined in runtime/type.h.
  inline Type* type() const;

 private:
  constexpr Value(uint64_t bits, int) : m_bits(bits) {}
  uint64_t m_bits;
};

// Frees an object whose count reached zero (runtime/type.cpp).
void dealloc(Object* object);

// Always inlined: the interpreter loop is too large for the compiler's
// own inlining budget, and these run at nearly every instruction.
[[gnu::always_inline]] inline void incref(Value v) {
  if (v.is_object()) ++v.as_object()->m_refcount;
}
[[gnu::always_inline]] inline void decref(Value v) {
  if (v.is_object() && --v.as_object()->m_refcount == 0) dealloc(v.as_object());
}
inline void incref(Object* o) { ++o->m_refcount; }
inline void decref(Object* o) {
  if (--o->m_refcount == 0) dealloc(o);
}

// An owned reference. Null means "an exception is pending" when returned.
// Its destructor and move assignment are always inlined, as incref and
// decref: out of line, each costs a call in the interpreter loop.
class Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}
  Ref(const Ref& other) : m_value(other.m_value) { incref(m_value); }
  Ref(Ref&& other) noexcept : m_value(other.m_value) { other.m_value = Value(); }
  [[gnu::always_inline]] ~Ref() { decref(m_value); }
  Ref& operator=(const Ref& other) {
    Value old = m_value;
    m_value = other.m_value;
    incref(m_value);
    decref(old);
    return *this;
  }
  [[gnu::always_inline]] Ref& operator=(Ref&& other) noexcept {
    if (this != &other) {
      Value old = m_value;
      m_value = other.m_value;
      other.m_value = Value();
      decref(old);
    }
    return *this;
  }

  // Takes over a reference the caller already owns.
  static Ref steal(Value v) {
    Ref r;
    r.m_value = v;
    return r;
  }
  // Adds a reference.
  static Ref borrow(Value v) {
    incref(v);
    return steal(v);
  }
  static Ref small_int(int64_t i) { return steal(Value::small_int(i)); }

  Value get() const { return m_value; }
  operator Value() const { return m_value; }
  explicit operator bool() const { return !m_value.is_null(); }
  Object* object() const { return m_value.as_object(); }
  template <class T>
  T* as() const { return m_value.as<T>(); }
  Type* type() const { return m_value.type(); }

  // Gives the reference to the caller.
  Value release() {
    Value v = m_value;
    m_value = Value();
    return v;
  }
  void reset() { *this = Ref(); }

 private:
  Value m_value;
};

// Shorthand for a new reference to a value.
inline Ref ref(Value v) { return Ref::borrow(v); }

}  // namespace coil

// Propagates a pending exception: evaluates EXPR (a Ref, or anything
// testable as a bool), returns a null/false result from the enclosing
// function if it failed, else yields its value.
#define TRY(expr)                              \
  ({                                           \
    auto coil_try_result_ = (expr);            \
    if (!coil_try_result_) [[unlikely]]        \
      return {};                               \
    std::move(coil_try_result_);               \
  })
