"""Dataclasses: the @dataclass decorator, which writes __init__, __repr__,
__eq__, ordering, hashing and frozen-ness for a class from its annotated
fields, and field(), fields(), asdict(), astuple(), replace(),
make_dataclass() and is_dataclass().

As in CPython, the generated methods are built as source text and exec'd
once per class, so they run as fast as hand-written ones.
"""

import sys
import types

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    """Raised on assigning to or deleting a field of a frozen dataclass."""


_EMPTY_METADATA = types.MappingProxyType({})


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    """InitVar[T]: a pseudo-field passed to __init__ and __post_init__ only."""
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """What field() returns and fields() lists: one field's settings."""
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None
                         else types.MappingProxyType(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                   self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Settings for one field: its default or default_factory, and whether it
    takes part in __init__, __repr__, comparisons and hashing."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a_type):
    typing = sys.modules.get('typing')
    if typing is not None:
        if a_type is typing.ClassVar:
            return True
        if isinstance(a_type, typing._GenericAlias) and a_type.__origin__ is typing.ClassVar:
            return True
    if isinstance(a_type, str):
        return (a_type.startswith('ClassVar') or a_type.startswith('typing.ClassVar')
                or a_type.startswith('t.ClassVar'))
    return False


def _is_initvar(a_type):
    if a_type is InitVar or type(a_type) is InitVar:
        return True
    if isinstance(a_type, str):
        return a_type.startswith('InitVar') or a_type.startswith('dataclasses.InitVar')
    return False


def _is_kw_only(a_type):
    if a_type is KW_ONLY:
        return True
    return isinstance(a_type, str) and a_type in ('KW_ONLY', 'dataclasses.KW_ONLY')


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            default = MISSING
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % f.name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % f.name)
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError('mutable default %s for field %s is not allowed: use '
                         'default_factory' % (type(f.default), f.name))
    return f


def _build_methods(cls, sources, namespace):
    """Exec the methods' source inside a class named like cls, so that their
    code carries qualified names (errors then say `Point.__init__()`)."""
    holder = cls.__name__ if cls.__name__.isidentifier() else '_dataclass'
    body = ''.join('    ' + line + '\n' for src in sources for line in src.split('\n'))
    text = 'class %s:\n%s' % (holder, body)
    exec(text, namespace)
    built = namespace[holder]
    result = {}
    for name, value in built.__dict__.items():
        if isinstance(value, types.FunctionType):
            value.__qualname__ = '%s.%s' % (cls.__qualname__, name)
            result[name] = value
    return result


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return '__dataclass_builtins_object__.__setattr__(%s, %r, %s)' % (self_name, name, value)
    return '%s.%s = %s' % (self_name, name, value)


def _init_source(fields, std_fields, kw_only_fields, frozen, has_post_init, self_name,
                 namespace):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError('non-default argument %r follows default argument' % f.name)

    def param(f):
        namespace['__dataclass_type_%s__' % f.name] = f.type
        if f.default is MISSING and f.default_factory is MISSING:
            default = ''
        elif f.default is not MISSING:
            namespace['__dataclass_dflt_%s__' % f.name] = f.default
            default = ' = __dataclass_dflt_%s__' % f.name
        else:
            default = ' = __dataclass_HAS_DEFAULT_FACTORY__'
        return '%s: __dataclass_type_%s__%s' % (f.name, f.name, default)

    params = [self_name] + [param(f) for f in std_fields]
    if kw_only_fields:
        params.append('*')
        params.extend(param(f) for f in kw_only_fields)
    namespace['__dataclass_HAS_DEFAULT_FACTORY__'] = _HAS_DEFAULT_FACTORY
    namespace['__dataclass_builtins_object__'] = object
    namespace['__dataclass_return_type__'] = None

    lines = []
    for f in fields:
        if f._field_type is not _FIELD:
            continue
        if f.default_factory is not MISSING:
            namespace['__dataclass_dflt_%s__' % f.name] = f.default_factory
            if f.init:
                value = ('__dataclass_dflt_%s__() if %s is __dataclass_HAS_DEFAULT_FACTORY__ '
                         'else %s' % (f.name, f.name, f.name))
            else:
                value = '__dataclass_dflt_%s__()' % f.name
        elif f.init:
            value = f.name
        else:
            continue
        lines.append(_field_assign(frozen, f.name, value, self_name))
    if has_post_init:
        initvars = ', '.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        lines.append('%s.%s(%s)' % (self_name, _POST_INIT_NAME, initvars))
    if not lines:
        lines = ['pass']
    return ('def __init__(%s) -> __dataclass_return_type__:\n' % ', '.join(params)
            + '\n'.join('    ' + line for line in lines))


_repr_running = set()


def _make_repr(field_names):
    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return '%s(%s)' % (self.__class__.__qualname__, ', '.join(
                '%s=%r' % (name, getattr(self, name)) for name in field_names))
        finally:
            _repr_running.discard(key)
    return __repr__


def _tuple_source(names, obj):
    if not names:
        return '()'
    return '(' + ''.join('%s.%s,' % (obj, name) for name in names) + ')'


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _signature_text(cls, fields):
    """`Point(x: int, y: int = 0)`, as CPython puts in a dataclass's __doc__."""
    def annotation(t):
        if getattr(t, '__module__', None) == 'typing':
            return repr(t).replace('typing.', '')
        if isinstance(t, type) and not isinstance(t, types.GenericAlias):
            if t.__module__ == 'builtins':
                return t.__qualname__
            return '%s.%s' % (t.__module__, t.__qualname__)
        if isinstance(t, str):
            return repr(t)
        return repr(t).replace('typing.', '')
    def param(f):
        text = '%s: %s' % (f.name, annotation(f.type))
        if f.default is not MISSING:
            text += ' = %r' % (f.default,)
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        return text
    init_fields = [f for f in fields if f._field_type is not _FIELD_CLASSVAR and f.init]
    parts = [param(f) for f in init_fields if not f.kw_only]
    kw_only = [param(f) for f in init_fields if f.kw_only]
    if kw_only:
        parts.append('*')
        parts.extend(kw_only)
    return '%s(%s)' % (cls.__name__, ', '.join(parts))


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots, weakref_slot):
    fields = {}
    own = cls.__dict__
    if cls.__module__ in sys.modules:
        globals_ = sys.modules[cls.__module__].__dict__
    else:
        globals_ = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = own.get('__annotations__', {})
    if isinstance(cls_annotations, types.GetSetDescriptorType):
        cls_annotations = {}
    cls_fields = []
    kw_only_seen = False
    for name, a_type in cls_annotations.items():
        if _is_kw_only(a_type):
            if kw_only_seen:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified'
                                % name)
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in own.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError('%r is a field but has no type annotation' % name)

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = own.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in own))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_fields = list(fields.values())
    field_list = [f for f in all_fields if f._field_type is _FIELD]
    namespace = dict(globals_)
    sources = []

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        init_fields = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR)]
        std_fields = [f for f in init_fields if f.init and not f.kw_only]
        kw_only_fields = [f for f in init_fields if f.init and f.kw_only]
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        sources.append(_init_source(init_fields, std_fields, kw_only_fields, frozen,
                                    has_post_init, self_name, namespace))

    if eq:
        names = [f.name for f in field_list if f.compare]
        sources.append('def __eq__(self, other):\n'
                       '    if other.__class__ is self.__class__:\n'
                       '        return %s == %s\n'
                       '    return NotImplemented'
                       % (_tuple_source(names, 'self'), _tuple_source(names, 'other')))

    if order:
        names = [f.name for f in field_list if f.compare]
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            sources.append('def %s(self, other):\n'
                           '    if other.__class__ is self.__class__:\n'
                           '        return %s %s %s\n'
                           '    return NotImplemented'
                           % (name, _tuple_source(names, 'self'), op,
                              _tuple_source(names, 'other')))

    if frozen:
        namespace['__dataclass_cls__'] = cls
        namespace['FrozenInstanceError'] = FrozenInstanceError
        namespace['__dataclass_field_names__'] = tuple(f.name for f in field_list)
        sources.append('def __setattr__(self, name, value):\n'
                       '    if type(self) is __dataclass_cls__ or name in __dataclass_field_names__:\n'
                       '        raise FrozenInstanceError(f"cannot assign to field {name!r}")\n'
                       '    super(__dataclass_cls__, self).__setattr__(name, value)')
        sources.append('def __delattr__(self, name):\n'
                       '    if type(self) is __dataclass_cls__ or name in __dataclass_field_names__:\n'
                       '        raise FrozenInstanceError(f"cannot delete field {name!r}")\n'
                       '    super(__dataclass_cls__, self).__delattr__(name)')

    hash_names = [f.name for f in field_list
                  if (f.compare if f.hash is None else f.hash)]
    hash_action = None
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        hash_action = 'add'
    elif eq and frozen:
        if not has_explicit_hash:
            hash_action = 'add'
    elif eq:
        if not has_explicit_hash:
            hash_action = 'none'
    if hash_action == 'add':
        sources.append('def __hash__(self):\n    return hash(%s)'
                       % _tuple_source(hash_names, 'self'))

    methods = _build_methods(cls, sources, namespace) if sources else {}

    if init:
        _set_new_attribute(cls, '__init__', methods['__init__'])
    if repr:
        method = _make_repr([f.name for f in field_list if f.repr])
        method.__qualname__ = '%s.__repr__' % cls.__qualname__
        _set_new_attribute(cls, '__repr__', method)
    if eq:
        _set_new_attribute(cls, '__eq__', methods['__eq__'])
    if order:
        for name in ('__lt__', '__le__', '__gt__', '__ge__'):
            if _set_new_attribute(cls, name, methods[name]):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider '
                                'using functools.total_ordering' % (name, cls.__name__))
    if frozen:
        for name in ('__setattr__', '__delattr__'):
            if _set_new_attribute(cls, name, methods[name]):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (name, cls.__name__))
    if hash_action == 'add':
        cls.__hash__ = methods['__hash__']
    elif hash_action == 'none':
        cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        try:
            if init:
                cls.__doc__ = _signature_text(cls, all_fields)
            else:
                # whatever __init__ the class ends up with, as CPython
                import inspect
                text = str(inspect.signature(cls)).replace(' -> None', '')
                cls.__doc__ = cls.__name__ + text
        except (TypeError, ValueError):
            cls.__doc__ = ''

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in all_fields
                                 if f._field_type in (_FIELD, _FIELD_INITVAR)
                                 and f.init and not f.kw_only))

    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    return cls


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(base.__dict__.get('__slots__', ()))
    cls_dict['__slots__'] = tuple(n for n in field_names if n not in inherited) + (
        ('__weakref__',) if weakref_slot else ())
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    if is_frozen:
        def __getstate__(self):
            return [getattr(self, f.name) for f in fields(self)]

        def __setstate__(self, state):
            for f, value in zip(fields(self), state):
                object.__setattr__(self, f.name, value)
        new_cls.__getstate__ = __getstate__
        new_cls.__setstate__ = __setstate__
    # methods exec'd for the old class refer to it by name for frozen checks
    for name in ('__setattr__', '__delattr__'):
        method = new_cls.__dict__.get(name)
        if method is not None and getattr(method, '__globals__', {}).get('__dataclass_cls__') is cls:
            method.__globals__['__dataclass_cls__'] = new_cls
    return new_cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    """Add __init__, __repr__, __eq__ (and, as asked, ordering, __hash__,
    frozen-ness, slots) to a class from its annotated fields."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass (or instance), ClassVars and
    InitVars left out."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _deepcopy(obj):
    try:
        import copy
    except ImportError:
        return obj
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance as a dict of its fields, recursing into
    dataclasses, lists, tuples and dicts."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance as a tuple of its field values, recursing as
    asdict() does."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance of obj's dataclass with some fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError('InitVar %r must be specified with replace()' % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False, module=None):
    """Build a dataclass from a list of names, (name, type) or
    (name, type, Field) items."""
    namespace = {} if namespace is None else dict(namespace)
    seen = set()
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            namespace[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp
    namespace['__annotations__'] = annotations
    namespace['__module__'] = module if module is not None else '__main__'
    cls = types.new_class(cls_name, bases, {}, lambda ns: ns.update(namespace)) \
        if hasattr(types, 'new_class') else type(cls_name, bases, namespace)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
