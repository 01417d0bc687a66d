// The built-in iterator types (runtime/iterators.cpp): enumerate, zip, map,
// filter and reversed — types, as in CPython, so that type(enumerate) and
// subclassing work; the builtins module exposes them under those names —
// and the two iterators iter() makes: over a sequence's __getitem__
// ("iterator") and over a callable until a sentinel ("callable_iterator").
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

extern Type enumerate_type, zip_type, map_type, filter_type, reversed_type;
extern Type sequence_iterator_type, callable_iterator_type;

// iter(sequence) for an object without __iter__ but with __getitem__:
// yields sequence[0], sequence[1], … until IndexError or StopIteration.
Ref make_sequence_iterator(Value sequence);
// iter(callable, sentinel): calls callable() until the result == sentinel.
Ref make_callable_iterator(Value callable, Value sentinel);

}  // namespace coil
