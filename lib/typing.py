"""Support for type hints: the special forms (Any, Union, Optional, Literal,
ClassVar, ...), generic aliases of the builtin and collections.abc types
(List[int], Iterable[str], Callable[[int], str]), TypeVar, Generic,
Protocol, NamedTuple, TypedDict, NewType and the introspection helpers
get_type_hints, get_origin and get_args. Reprs follow CPython 3.11.

Nothing here checks types at run time; subscripting only builds alias
objects that remember their origin and arguments.
"""

import sys
import types

TYPE_CHECKING = False

_NoneType = type(None)

# defined further down; type checks made while building the module see None
Generic = Protocol = ClassVar = Final = None


def _caller(depth=1, default='__main__'):
    """The __name__ of the module depth calls above the caller."""
    try:
        return sys._getframe(depth + 1).f_globals.get('__name__', default)
    except (AttributeError, ValueError):
        return default


def _type_repr(obj):
    """How CPython's typing shows an argument: `int`, `mod.Cls`, `...`."""
    if isinstance(obj, types.GenericAlias):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _type_convert(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _type_check(arg, msg, is_argument=True, allow_special_forms=False):
    """Turn None into NoneType and strings into ForwardRef; reject what
    cannot be a type argument (as CPython 3.11, which accepts most objects,
    but not ClassVar or Final inside other types)."""
    invalid_generic_forms = (Generic, Protocol)
    if not allow_special_forms:
        invalid_generic_forms += (ClassVar,)
        if is_argument:
            invalid_generic_forms += (Final,)
    arg = _type_convert(arg)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in invalid_generic_forms:
        raise TypeError('%s is not valid as type argument' % (arg,))
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special_forms and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError('Plain %s is not valid as type argument' % (arg,))
    if type(arg) is tuple:
        raise TypeError('%s Got %.100r.' % (msg, arg))
    return arg


def _collect_parameters(args):
    """The TypeVars and ParamSpecs in args, first appearance first. Builtin
    aliases (list[T], int | T) are searched through their arguments."""
    found = []

    def visit(arg):
        if isinstance(arg, (TypeVar, ParamSpec, TypeVarTuple)):
            if arg not in found:
                found.append(arg)
        elif isinstance(arg, (types.GenericAlias, types.UnionType)):
            for a in arg.__args__:
                visit(a)
        elif isinstance(arg, (list, tuple)):
            for a in arg:
                visit(a)
        else:
            for p in getattr(arg, '__parameters__', ()) or ():
                if isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) and p not in found:
                    found.append(p)
    for arg in args:
        visit(arg)
    return tuple(found)


def _deduplicate(params):
    result = []
    for p in params:
        if p not in result:
            result.append(p)
    return tuple(result)


def _flatten_union(params):
    flat = []
    for p in params:
        if isinstance(p, _UnionGenericAlias):
            flat.extend(p.__args__)
        elif isinstance(p, types.UnionType):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    return _deduplicate(flat)


# -- lazily resolved origins: collections and collections.abc are imported
#    only when an alias of theirs is first used

class _FallbackABCMeta(type):
    """Stand-in for a collections.abc class while that module is missing:
    an object belongs if its type has all the listed methods."""

    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if cls in getattr(sub, '__mro__', ()):
            return True
        if cls._builtin_types and issubclass(sub, cls._builtin_types):
            return True
        if not cls._methods:
            return False
        for name in cls._methods:
            if getattr(sub, name, None) is None:
                return False
        return True


_FALLBACK_ABC_METHODS = {
    'Hashable': ('__hash__',), 'Sized': ('__len__',), 'Container': ('__contains__',),
    'Iterable': ('__iter__',), 'Iterator': ('__iter__', '__next__'),
    'Reversible': ('__reversed__', '__iter__'), 'Callable': ('__call__',),
    'Generator': ('send', 'throw', 'close', '__iter__', '__next__'),
    'Collection': ('__len__', '__iter__', '__contains__'), 'Awaitable': ('__await__',),
    'Coroutine': ('send', 'throw', 'close', '__await__'), 'AsyncIterable': ('__aiter__',),
    'AsyncIterator': ('__aiter__', '__anext__'),
    'AsyncGenerator': ('asend', 'athrow', 'aclose', '__aiter__', '__anext__'),
}
_FALLBACK_ABC_TYPES = {
    'Sequence': (list, tuple, str, range, bytes), 'MutableSequence': (list, bytearray),
    'Mapping': (dict,), 'MutableMapping': (dict,), 'Set': (set, frozenset),
    'MutableSet': (set,), 'ByteString': (bytes, bytearray),
}
_fallback_abcs = {}


def _resolve(module_name, name):
    try:
        module = __import__(module_name, fromlist=[name])
        return getattr(module, name)
    except (ImportError, AttributeError):
        if module_name != 'collections.abc':
            raise
    cls = _fallback_abcs.get(name)
    if cls is None:
        cls = _FallbackABCMeta(name, (), {'__module__': 'collections.abc',
                                          '__qualname__': name})
        cls._methods = _FALLBACK_ABC_METHODS.get(name, ())
        cls._builtin_types = _FALLBACK_ABC_TYPES.get(name, ())
        _fallback_abcs[name] = cls
    return cls


class _Final:
    """Base of typing's own helper classes."""


class ForwardRef(_Final):
    """A type written as a string, evaluated by get_type_hints."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        try:
            compile(arg, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError('Forward reference must be an expression -- got %r' % (arg,))
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        if self.__forward_arg__ in recursive_guard:
            return self
        if globalns is None and localns is None:
            globalns = localns = {}
        elif globalns is None:
            globalns = localns
        elif localns is None:
            localns = globalns
        if self.__forward_module__ is not None:
            globalns = getattr(sys.modules.get(self.__forward_module__), '__dict__', globalns)
        value = _type_check(eval(self.__forward_arg__, globalns, localns),
                            'Forward references must evaluate to types.',
                            is_argument=self.__forward_is_argument__,
                            allow_special_forms=self.__forward_is_class__)
        return _eval_type(value, globalns, localns,
                          recursive_guard | {self.__forward_arg__})

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        module = ''
        if self.__forward_module__ is not None:
            module = ', module=%r' % (self.__forward_module__,)
        return 'ForwardRef(%r%s)' % (self.__forward_arg__, module)


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    """Evaluate the ForwardRefs inside t, rebuilding aliases around them."""
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if isinstance(t, (_GenericAlias, types.GenericAlias, types.UnionType)):
        args = t.__args__
        new_args = tuple(_eval_type(_type_convert(a) if isinstance(a, str) else a,
                                    globalns, localns, recursive_guard) for a in args)
        if new_args == args:
            return t
        if isinstance(t, types.GenericAlias):
            return types.GenericAlias(t.__origin__, new_args)
        if isinstance(t, types.UnionType):
            result = new_args[0]
            for a in new_args[1:]:
                result = result | a
            return result
        return t.copy_with(new_args)
    return t


# -- special forms

# Any, Union, Optional, ClassVar, ...: named objects that may be subscripted
# (through the function they wrap) but not instantiated. No class docstring:
# each instance carries the docstring of its function.
class _SpecialForm(_Final):

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass %r' % (self,))

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate %r' % (self,))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError('%s cannot be used with isinstance()' % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError('%s cannot be used with issubclass()' % (self,))

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type compatible with every type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


@_SpecialForm
def NoReturn(self, parameters):
    """Special type for functions that never return."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def Never(self, parameters):
    """The bottom type, which has no members."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def Self(self, parameters):
    """The type of the enclosing class."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def LiteralString(self, parameters):
    """Any literal string."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def TypeAlias(self, parameters):
    """Marks an explicit type alias: `X: TypeAlias = int`."""
    raise TypeError('%s is not subscriptable' % (self,))


def _single_type_form(self, parameters, allow_final=False):
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    return _GenericAlias(self, (item,))


@_SpecialForm
def ClassVar(self, parameters):
    """Marks a class variable in a class annotation."""
    return _single_type_form(self, parameters)


@_SpecialForm
def Final(self, parameters):
    """Marks a name that may not be reassigned or overridden."""
    return _single_type_form(self, parameters)


@_SpecialForm
def TypeGuard(self, parameters):
    """The return type of a user-defined type guard."""
    return _single_type_form(self, parameters)


@_SpecialForm
def Required(self, parameters):
    """Marks a TypedDict key as required."""
    return _single_type_form(self, parameters)


@_SpecialForm
def NotRequired(self, parameters):
    """Marks a TypedDict key as potentially missing."""
    return _single_type_form(self, parameters)


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y] means either X or Y."""
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = tuple(_type_check(p, 'Union[arg, ...]: each arg must be a type.')
                       for p in parameters)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and _NoneType in parameters:
        return _UnionGenericAlias(self, parameters, name='Optional')
    return _UnionGenericAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is Union[X, None]."""
    arg = _type_check(parameters, '%s requires a single type.' % (self,))
    return Union[arg, None]


@_SpecialForm
def Literal(self, parameters):
    """Literal[v, ...]: exactly one of the given values."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    unique = []
    seen = []
    for p in flat:
        key = (p, type(p))
        if key not in seen:
            seen.append(key)
            unique.append(p)
    return _LiteralGenericAlias(self, tuple(unique))


@_SpecialForm
def Concatenate(self, parameters):
    """Concatenate[X, P]: the parameters P prefixed with X."""
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not isinstance(parameters[-1], ParamSpec) and parameters[-1] is not ...:
        raise TypeError('The last parameter to Concatenate should be a '
                        'ParamSpec variable or ellipsis.')
    return _ConcatenateGenericAlias(self, parameters)


@_SpecialForm
def Unpack(self, parameters):
    """Unpack[Ts]: the types of a TypeVarTuple, spread out."""
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    return _UnpackGenericAlias(self, (item,))


# -- type variables

class _TypeVarLike:
    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __reduce__(self):
        return self.__name__

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass an instance of %s' % type(self).__name__)


class TypeVar(_TypeVarLike, _Final):
    """A type variable: T = TypeVar('T'), with optional constraints or bound."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        msg = 'TypeVar(name, constraint, ...): constraints must be types.'
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound is not None else None
        def_mod = _caller()
        if def_mod != 'typing':
            self.__module__ = def_mod

    def __typing_subst__(self, arg):
        return _type_check(arg, 'Parameters to generic types must be types.')


class TypeVarTuple(_Final):
    """A variadic type variable: Ts = TypeVarTuple('Ts')."""

    def __init__(self, name):
        self.__name__ = name

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs(_Final):
    """P.args: the positional parameters of a ParamSpec."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.args' % (self.__origin__.__name__,)

    def __eq__(self, other):
        return isinstance(other, ParamSpecArgs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, id(self.__origin__)))


class ParamSpecKwargs(_Final):
    """P.kwargs: the keyword parameters of a ParamSpec."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.kwargs' % (self.__origin__.__name__,)

    def __eq__(self, other):
        return isinstance(other, ParamSpecKwargs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, id(self.__origin__)))


class ParamSpec(_TypeVarLike, _Final):
    """A parameter specification variable: P = ParamSpec('P')."""

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound is not None else None
        def_mod = _caller()
        if def_mod != 'typing':
            self.__module__ = def_mod




# -- aliases

def _is_dunder(attr):
    return attr.startswith('__') and attr.endswith('__')


class _BaseAlias(_Final):
    """What all subscripted and bare aliases share: calling makes an
    instance of the origin; attributes come from the origin."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError('Cannot subclass %r' % (self,))
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if _is_dunder(attr) or attr in ('_name', '_inst', '_nparams', '_lazy',
                                        '_defaults'):
            object.__setattr__(self, attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and '
                        'instance checks')

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _GenericAlias(_BaseAlias):
    """A subscripted generic: List[int], Box[T], ClassVar[int]."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = getattr(origin, '__module__', 'typing')

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError('Cannot subscript already-subscripted %s' % (self,))
        if not self.__parameters__:
            raise TypeError('%s is not a generic class' % (self,))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        params = self.__parameters__
        if len(params) == 1 and isinstance(params[0], ParamSpec) and \
                not (len(args) == 1 and isinstance(args[0], (list, ParamSpec))):
            args = (list(args),)
        if len(args) != len(params):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(args) > len(params) else 'few',
                               self, len(args), len(params)))
        subst = dict(zip(params, args))
        return self.copy_with(tuple(_substitute(a, subst) for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        else:
            args = '()'
        return '%s[%s]' % (name, args)

    def __mro_entries__(self, bases):
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __iter__(self):
        yield Unpack[self]


def _substitute(arg, subst):
    """arg with the type variables in subst replaced."""
    if isinstance(arg, (TypeVar, ParamSpec)):
        return subst.get(arg, arg)
    if isinstance(arg, _GenericAlias):
        params = arg.__parameters__
        if params:
            sub_args = tuple(subst.get(p, p) for p in params)
            return arg[sub_args if len(sub_args) != 1 else sub_args[0]]
        return arg
    if isinstance(arg, types.GenericAlias):
        if _collect_parameters(arg.__args__):
            return types.GenericAlias(arg.__origin__,
                                      tuple(_substitute(a, subst) for a in arg.__args__))
        return arg
    if isinstance(arg, types.UnionType):
        if _collect_parameters(arg.__args__):
            new_args = [_substitute(a, subst) for a in arg.__args__]
            result = new_args[0]
            for a in new_args[1:]:
                result = result | a
            return result
        return arg
    if isinstance(arg, list):
        return [_substitute(a, subst) for a in arg]
    return arg


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, types.UnionType)):
            return NotImplemented
        return _as_set(self.__args__) == _as_set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[1])
            if args[1] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[0])
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False


def _as_set(args):
    try:
        return frozenset(args)
    except TypeError:
        return args


class _LiteralGenericAlias(_GenericAlias):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return (_as_set((a, type(a)) for a in self.__args__)
                == _as_set((a, type(a)) for a in other.__args__))

    def __hash__(self):
        return hash(frozenset((a, type(a)) for a in self.__args__))

    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(a) for a in self.__args__)


class _ConcatenateGenericAlias(_GenericAlias):
    def copy_with(self, params):
        if isinstance(params[-1], (list, tuple)):
            return (*params[:-1], *params[-1])
        return super().copy_with(params)


class _UnpackGenericAlias(_GenericAlias):
    def __repr__(self):
        return '*' + _type_repr(self.__args__[0])


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and (args[0] is ... or isinstance(args[0], (ParamSpec, _ConcatenateGenericAlias))):
            return 'typing.Callable[%s, %s]' % (_type_repr(args[0]), _type_repr(args[1]))
        return 'typing.Callable[[%s], %s]' % (', '.join(_type_repr(a) for a in args[:-1]),
                                              _type_repr(args[-1]))

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _TypingEllipsis:
    """Internal placeholder for ... in Tuple[int, ...]."""


class _SpecialGenericAlias(_BaseAlias):
    """A bare alias of a builtin or collections.abc class: List, Iterable.
    The origin may be given as (module, name) and is imported on first use."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if isinstance(origin, tuple):
            self._lazy = origin
            if name is None:
                name = origin[1]
        else:
            self._lazy = None
            if name is None:
                name = origin.__name__
            object.__setattr__(self, '__origin__', origin)
        self._inst = inst
        self._name = name
        self._nparams = nparams
        self._defaults = defaults
        self.__module__ = 'typing'

    def __getattr__(self, attr):
        if attr == '__origin__':
            lazy = self.__dict__.get('_lazy')
            if lazy is not None:
                origin = _resolve(*lazy)
                object.__setattr__(self, '__origin__', origin)
                return origin
            raise AttributeError(attr)
        if attr in ('__name__', '__qualname__'):
            return self._name
        if not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, msg) for p in params)
        if self._defaults and len(params) < self._nparams:
            params = params + self._defaults[len(params) - self._nparams:]
        if len(params) != self._nparams:
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(params) > self._nparams else 'few',
                               self, len(params), self._nparams))
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        return self.__getitem_inner__(params)

    def __getitem_inner__(self, params):
        args, result = params
        msg = 'Callable[args, result]: result must be a type.'
        result = _type_check(result, msg)
        if args is ...:
            return _CallableGenericAlias(self.__origin__, (..., result), name=self._name)
        if isinstance(args, (ParamSpec, _ConcatenateGenericAlias)):
            return _CallableGenericAlias(self.__origin__, (args, result), name=self._name)
        if not isinstance(args, tuple):
            raise TypeError('Callable[args, result]: args must be a list. Got %.100r.' % (args,))
        args = tuple(_type_convert(a) for a in args)
        return _CallableGenericAlias(self.__origin__, args + (result,), name=self._name)


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = 'Tuple[t, ...]: t must be a type.'
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with(params + (_TypingEllipsis,))
        msg = 'Tuple[t0, t1, ...]: each t must be a type.'
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


def _alias(origin, nparams, **kwargs):
    return _SpecialGenericAlias(origin, nparams, **kwargs)


AnyStr = TypeVar('AnyStr', bytes, str)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)

_abc = 'collections.abc'
Hashable = _alias((_abc, 'Hashable'), 0)
Awaitable = _alias((_abc, 'Awaitable'), 1)
Coroutine = _alias((_abc, 'Coroutine'), 3)
AsyncIterable = _alias((_abc, 'AsyncIterable'), 1)
AsyncIterator = _alias((_abc, 'AsyncIterator'), 1)
Iterable = _alias((_abc, 'Iterable'), 1)
Iterator = _alias((_abc, 'Iterator'), 1)
Reversible = _alias((_abc, 'Reversible'), 1)
Sized = _alias((_abc, 'Sized'), 0)
Container = _alias((_abc, 'Container'), 1)
Collection = _alias((_abc, 'Collection'), 1)
Callable = _CallableType((_abc, 'Callable'), 2)
AbstractSet = _alias((_abc, 'Set'), 1, name='AbstractSet')
MutableSet = _alias((_abc, 'MutableSet'), 1)
Mapping = _alias((_abc, 'Mapping'), 2)
MutableMapping = _alias((_abc, 'MutableMapping'), 2)
Sequence = _alias((_abc, 'Sequence'), 1)
MutableSequence = _alias((_abc, 'MutableSequence'), 1)
ByteString = _alias((_abc, 'ByteString'), 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(('collections', 'deque'), 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias((_abc, 'MappingView'), 1)
KeysView = _alias((_abc, 'KeysView'), 1)
ItemsView = _alias((_abc, 'ItemsView'), 2)
ValuesView = _alias((_abc, 'ValuesView'), 1)
ContextManager = _alias(('contextlib', 'AbstractContextManager'), 1, name='ContextManager')
AsyncContextManager = _alias(('contextlib', 'AbstractAsyncContextManager'), 1,
                             name='AsyncContextManager')
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(('collections', 'defaultdict'), 2, name='DefaultDict')
OrderedDict = _alias(('collections', 'OrderedDict'), 2)
Counter = _alias(('collections', 'Counter'), 1)
ChainMap = _alias(('collections', 'ChainMap'), 2)
Generator = _alias((_abc, 'Generator'), 3)
AsyncGenerator = _alias((_abc, 'AsyncGenerator'), 2)
Type = _alias(type, 1, inst=False, name='Type')
Pattern = _alias(('re', 'Pattern'), 1)
Match = _alias(('re', 'Match'), 1)
Text = str


# -- Generic and Protocol

def _orig_bases(cls):
    return cls.__dict__.get('__orig_bases__')


class Generic:
    """Base for generic classes: class Box(Generic[T]): ..."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError('Parameter list to %s[...] cannot be empty'
                                % cls.__qualname__)
            if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple))
                       or isinstance(p, _UnpackGenericAlias) for p in params):
                raise TypeError('Parameters to %s[...] must all be type variables '
                                'or parameter specification variables.' % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique' % cls.__name__)
        else:
            expected = getattr(cls, '__parameters__', ())
            if not expected:
                raise TypeError('%s is not a generic class' % (cls,))
            if len(expected) == 1 and isinstance(expected[0], ParamSpec) and \
                    not (len(params) == 1 and isinstance(params[0], (list, ParamSpec))):
                params = (list(params),)
            if len(params) != len(expected):
                raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                                % ('many' if len(params) > len(expected) else 'few',
                                   cls, len(params), len(expected)))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        orig = _orig_bases(cls)
        if orig is None and Generic in cls.__bases__ and cls.__name__ != 'Protocol':
            raise TypeError('Cannot inherit from plain Generic')
        if orig is not None:
            if Generic in orig and cls.__name__ != 'Protocol':
                raise TypeError('Cannot inherit from plain Generic')
            gvars = None
            for base in orig:
                if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                    if gvars is not None:
                        raise TypeError('Cannot inherit from Generic[...] multiple types.')
                    gvars = base.__parameters__
            tvars = list(_collect_parameters(orig))
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    raise TypeError('Some type variables (%s) are not listed in Generic[%s]'
                                    % (', '.join(str(t) for t in missing),
                                       ', '.join(str(g) for g in gvars)))
                tvars = list(gvars)
        type.__setattr__(cls, '__parameters__', tuple(tvars))


_SPECIAL_PROTOCOL_NAMES = frozenset((
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__',
    '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
    '__class_getitem__', '__parameters__', '__orig_bases__', '__qualname__',
    '__init_subclass__', '_is_protocol', '_is_runtime_protocol', '__protocol_attrs__',
    '__match_args__', '__non_callable_proto_members__', '_abc_impl'))


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        own = base.__dict__
        annotations = own.get('__annotations__', {})
        for attr in list(own) + list(annotations):
            if not attr.startswith('_abc_') and attr not in _SPECIAL_PROTOCOL_NAMES:
                attrs.add(attr)
    return attrs


class _ProtocolMeta(type):
    def __instancecheck__(cls, instance):
        if not getattr(cls, '_is_protocol', False) or cls is Protocol:
            return type.__instancecheck__(cls, instance)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if type.__instancecheck__(cls, instance):
            return True
        for attr in _protocol_attrs(cls):
            if not hasattr(instance, attr):
                return False
            if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                return False
        return True

    def __subclasscheck__(cls, other):
        if not getattr(cls, '_is_protocol', False) or cls is Protocol:
            return type.__subclasscheck__(cls, other)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if type.__subclasscheck__(cls, other):
            return True
        for attr in _protocol_attrs(cls):
            if getattr(other, attr, None) is None:
                return False
        return True


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base for structural types: a class matches if it has the members."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        own = cls.__dict__
        if not own.get('_is_protocol', False):
            type.__setattr__(cls, '_is_protocol',
                             any(b is Protocol for b in cls.__bases__))
        if cls._is_protocol and '__init__' not in own:
            type.__setattr__(cls, '__init__', _no_init)


def runtime_checkable(cls):
    """Allow isinstance() and issubclass() against a protocol class."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)) or not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to protocol '
                        'classes, got %r' % (cls,))
    cls._is_runtime_protocol = True
    return cls


@runtime_checkable
class SupportsInt(Protocol):
    """An object with __int__."""
    __slots__ = ()

    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An object with __float__."""
    __slots__ = ()

    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An object with __complex__."""
    __slots__ = ()

    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An object with __bytes__."""
    __slots__ = ()

    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An object with __index__."""
    __slots__ = ()

    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """An object with __abs__."""
    __slots__ = ()

    def __abs__(self) -> T_co:
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """An object with __round__."""
    __slots__ = ()

    def __round__(self, ndigits: int = 0) -> T_co:
        pass


# -- Annotated

class _AnnotatedAlias(_GenericAlias):
    """Annotated[T, x, ...]: T carrying extra metadata."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin, name='Annotated')
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (_type_repr(self.__origin__),
                                             ', '.join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return 'Annotated'
        return super().__getattr__(attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Annotated:
    """Annotated[T, metadata, ...]: the type T with context-specific metadata."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two '
                            'arguments (a type and an annotation).')
        origin = _type_check(params[0], 'Annotated[t, ...]: t must be a type.',
                             allow_special_forms=True)
        return _AnnotatedAlias(origin, tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError('Cannot subclass %s.Annotated' % cls.__module__)


# -- introspection

def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, (_GenericAlias, types.GenericAlias, types.UnionType)):
        args = tuple(_strip_annotations(a) for a in t.__args__)
        if args == t.__args__:
            return t
        if isinstance(t, types.GenericAlias):
            return types.GenericAlias(t.__origin__, args)
        if isinstance(t, types.UnionType):
            return Union[args]
        return t.copy_with(args)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a function, method, module or class (with its
    bases), string annotations evaluated and None turned into NoneType."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                module = sys.modules.get(base.__module__)
                base_globals = getattr(module, '__dict__', {})
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            if isinstance(ann, types.GetSetDescriptorType):
                ann = {}
            base_locals = dict(vars(base)) if localns is None else localns
            base_locals.update(base.__dict__)
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = _NoneType
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                hints[name] = _eval_type(value, base_globals, base_locals)
        if include_extras:
            return hints
        return {k: _strip_annotations(t) for k, t in hints.items()}

    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType,
                            types.MethodType, types.ModuleType)):
            return {}
        raise TypeError('%r is not a module, class, method, or function.' % (obj,))
    hints = dict(hints)
    for name, value in hints.items():
        if value is None:
            value = _NoneType
        if isinstance(value, str):
            value = ForwardRef(value, is_argument=not isinstance(obj, types.ModuleType),
                               is_class=False)
        hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}


def get_origin(tp):
    """The unsubscripted form of an alias: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseAlias, types.GenericAlias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, types.UnionType):
        return types.UnionType
    return None


def get_args(tp):
    """The arguments of an alias: get_args(Dict[str, int]) is (str, int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, types.GenericAlias)):
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) or (
                isinstance(tp, types.GenericAlias) and
                getattr(tp.__origin__, '__name__', '') == 'Callable' and
                getattr(tp.__origin__, '__module__', '') == 'collections.abc'):
            if res and res[0] is not ... and not isinstance(res[0], (ParamSpec, _ConcatenateGenericAlias)):
                res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, types.UnionType):
        return tp.__args__
    return ()


def is_typeddict(tp):
    """Whether tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


def cast(typ, val):
    """Return val unchanged; tells a type checker val has type typ."""
    return val


def assert_type(val, typ):
    """Return val unchanged; a type checker verifies its type is typ."""
    return val


def assert_never(arg):
    """Fail: this code should be unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError('Expected code to be unreachable, but got: %s' % value)


def reveal_type(obj):
    """Print the run-time type of obj to stderr and return obj."""
    print('Runtime type is %r' % (type(obj).__name__,), file=sys.stderr)
    return obj


def no_type_check(arg):
    """Decorator: type checkers should ignore the annotations of arg."""
    if isinstance(arg, type):
        for obj in list(vars(arg).values()):
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Decorator for decorators: what they decorate gets no_type_check."""
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. A series of @overload-decorated '
        'functions outside a stub module should always be followed by an '
        'implementation that is not @overload-ed.')


_overload_registry = {}


def overload(func):
    """Decorator for the signatures of an overloaded function."""
    f = getattr(func, '__func__', func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """The @overload signatures recorded for func."""
    f = getattr(func, '__func__', func)
    return list(_overload_registry.get((f.__module__, f.__qualname__), []))


def clear_overloads():
    """Forget every recorded overload."""
    _overload_registry.clear()


def final(f):
    """Decorator: the method may not be overridden, the class not subclassed."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Decorator marking something that makes dataclass-like classes."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'field_specifiers': field_specifiers,
            'kwargs': kwargs}
        return cls_or_fn
    return decorator


class NewType:
    """NewType('UserId', int): a distinct name for a type; calling it returns
    its argument unchanged."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        def_mod = _caller()
        if def_mod != 'typing':
            self.__module__ = def_mod

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError('Cannot subclass an instance of NewType. Perhaps you '
                                'were looking for: `%s = NewType(%r, %s)`'
                                % (subclass_name, subclass_name, superclass_name))
        return (Dummy,)

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# -- NamedTuple

_NAMEDTUPLE_PROHIBITED = frozenset(('__new__', '__init__', '__slots__', '__getnewargs__',
                                    '_fields', '_field_defaults', '_make', '_replace',
                                    '_asdict', '_source'))
_NAMEDTUPLE_SPECIAL = frozenset(('__module__', '__name__', '__annotations__', '__qualname__'))


def _make_namedtuple(name, fields, types_, defaults, module):
    """A tuple subclass with named fields, as collections.namedtuple makes."""
    field_names = tuple(fields)
    for f in field_names:
        if not isinstance(f, str) or not f.isidentifier() or f.startswith('_'):
            raise ValueError('Field names cannot start with an underscore: %r' % (f,)
                             if isinstance(f, str) and f.startswith('_')
                             else 'Type names and field names must be valid identifiers: %r' % (f,))
    arg_list = ', '.join(field_names)
    # defined inside a class of the same name so that argument errors say
    # "Point.__new__()"
    holder = name if name.isidentifier() else '_namedtuple'
    source = ('class %s:\n    def __new__(_cls, %s):\n        return _tuple_new(_cls, (%s))\n'
              % (holder, arg_list, arg_list + (',' if len(field_names) == 1 else '')))
    namespace = {'_tuple_new': tuple.__new__}
    exec(source, namespace)
    __new__ = namespace[holder].__new__
    __new__.__doc__ = 'Create new instance of %s(%s)' % (name, arg_list)
    if defaults:
        __new__.__defaults__ = tuple(defaults)
    field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults)) \
        if defaults else {}

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(field_names):
            raise TypeError('Expected %d arguments, got %d' % (len(field_names), len(result)))
        return result

    def _replace(self, **kwds):
        result = self._make([kwds.pop(f, v) for f, v in zip(field_names, self)])
        if kwds:
            raise ValueError('Got unexpected field names: %r' % list(kwds))
        return result

    def __repr__(self):
        return self.__class__.__name__ + '(' + ', '.join(
            '%s=%r' % (f, v) for f, v in zip(field_names, self)) + ')'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    class_namespace = {
        '__doc__': '%s(%s)' % (name, arg_list),
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
        '__annotations__': dict(types_),
        '__module__': module,
    }
    for index, f in enumerate(field_names):
        class_namespace[f] = _tuple_field(index, f)
    return type(name, (tuple,), class_namespace)


class _tuple_field:
    """A named field of a namedtuple: read-only, like CPython's _tuplegetter."""

    def __init__(self, index, name):
        self.index = index
        self.__doc__ = 'Alias for field number %d' % index

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self.index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        annotations = ns.get('__annotations__', {})
        default_names = []
        for field_name in annotations:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError('Non-default namedtuple field %s cannot follow default '
                                'field%s %s' % (field_name, 's' if len(default_names) > 1 else '',
                                                ', '.join(default_names)))
        types_ = {n: _type_check(t, 'field %s annotation must be a type' % n)
                  for n, t in annotations.items()}
        nm_tpl = _make_namedtuple(typename, annotations.keys(), types_.items(),
                                  [ns[n] for n in default_names], ns.get('__module__', '__main__'))
        for key in ns:
            if key in _NAMEDTUPLE_PROHIBITED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            elif key not in _NAMEDTUPLE_SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        if '__qualname__' in ns:
            nm_tpl.__qualname__ = ns['__qualname__']
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """A typed namedtuple: class Point(NamedTuple): x: int; y: int = 0,
    or NamedTuple('Point', [('x', int), ('y', int)])."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError('Either list of fields or keywords can be provided to '
                        'NamedTuple, not both')
    fields = list(fields)
    types_ = [(n, _type_check(t, 'field %s annotation must be a type' % n)) for n, t in fields]
    return _make_namedtuple(typename, [n for n, t in fields], types_, (), _caller())


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# -- TypedDict

class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        annotations = {}
        own_annotations = {n: _type_check(tp, 'Field annotation must be a type.')
                           for n, tp in ns.get('__annotations__', {}).items()}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own_annotations)
        for key, tp in own_annotations.items():
            origin = get_origin(tp)
            if origin is Annotated:
                origin = get_origin(tp.__origin__)
            if origin is Required:
                is_required = True
            elif origin is NotRequired:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(key)
                optional_keys.discard(key)
            else:
                optional_keys.add(key)
                required_keys.discard(key)
        ns = dict(ns)
        ns['__annotations__'] = annotations
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        # instances are plain dicts, as in CPython
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with a fixed set of typed keys:
    class Movie(TypedDict): title: str, or TypedDict('Movie', {'title': str})."""
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError('TypedDict takes either a dict or keyword arguments, but not both')
    ns = {'__annotations__': dict(fields), '__module__': _caller()}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


# -- IO

class IO(Generic[AnyStr]):
    """The generic type of file objects (what open() returns)."""
    __slots__ = ()

    @property
    def mode(self):
        pass

    @property
    def name(self):
        pass

    def close(self):
        pass

    @property
    def closed(self):
        pass

    def fileno(self):
        pass

    def flush(self):
        pass

    def isatty(self):
        pass

    def read(self, n=-1):
        pass

    def readable(self):
        pass

    def readline(self, limit=-1):
        pass

    def readlines(self, hint=-1):
        pass

    def seek(self, offset, whence=0):
        pass

    def seekable(self):
        pass

    def tell(self):
        pass

    def truncate(self, size=None):
        pass

    def writable(self):
        pass

    def write(self, s):
        pass

    def writelines(self, lines):
        pass

    def __enter__(self):
        pass

    def __exit__(self, type, value, traceback):
        pass


class BinaryIO(IO[bytes]):
    """File objects holding bytes."""
    __slots__ = ()


class TextIO(IO[str]):
    """File objects holding text."""
    __slots__ = ()

    @property
    def buffer(self):
        pass

    @property
    def encoding(self):
        pass

    @property
    def errors(self):
        pass

    @property
    def line_buffering(self):
        pass

    @property
    def newlines(self):
        pass


__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'TypeVarTuple', 'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager',
    'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection',
    'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match',
    'Pattern', 'TextIO', 'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin', 'get_overloads',
    'get_type_hints', 'is_typeddict', 'LiteralString', 'Never', 'NewType', 'no_type_check',
    'no_type_check_decorator', 'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable', 'Self', 'Text',
    'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack',
]
