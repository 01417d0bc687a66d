"""Looking at live objects: the is*() type predicates, getmembers, getdoc and
cleandoc, getmodule, source lookup (getsource, getfile), frames (currentframe,
stack, getframeinfo), generator and coroutine states, and signatures
(Signature, Parameter, BoundArguments) read from functions' code objects.
"""

import sys
import types

__all__ = ['ismodule', 'isclass', 'ismethod', 'isfunction', 'isgeneratorfunction',
           'iscoroutinefunction', 'isasyncgenfunction', 'isgenerator', 'iscoroutine',
           'isasyncgen', 'isawaitable', 'isbuiltin', 'isroutine', 'getmembers', 'getdoc',
           'cleandoc', 'getmodule', 'signature', 'Signature', 'Parameter', 'BoundArguments',
           'getgeneratorstate', 'getcoroutinestate', 'unwrap', 'currentframe', 'stack']

# code flags, as in CPython's inspect
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


def ismodule(object):
    """Whether object is a module."""
    return isinstance(object, types.ModuleType)


def isclass(object):
    """Whether object is a class."""
    return isinstance(object, type)


def ismethod(object):
    """Whether object is a bound method."""
    return isinstance(object, types.MethodType)


def isfunction(object):
    """Whether object is a Python function (def or lambda)."""
    return isinstance(object, types.FunctionType)


def ismethoddescriptor(object):
    """Whether object is a method descriptor such as str.join."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__get__') and not hasattr(tp, '__set__')


def isdatadescriptor(object):
    """Whether object defines __set__ or __delete__ (a property, a slot...)."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__set__') or hasattr(tp, '__delete__')


def isgetsetdescriptor(object):
    return isinstance(object, types.GetSetDescriptorType)


def ismemberdescriptor(object):
    return isinstance(object, types.MemberDescriptorType)


def _unwrap_partial(func):
    while True:
        if ismethod(func):
            func = func.__func__
            continue
        inner = getattr(func, 'func', None)
        if inner is not None and type(func).__name__ == 'partial':
            func = inner
            continue
        return func


def _has_code_flag(f, flag):
    f = _unwrap_partial(f)
    if not (isfunction(f) or _signature_is_functionlike(f)):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    """Whether obj is a generator function (a def containing yield)."""
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    """Whether obj is an async def function."""
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    """Whether obj is an async def function containing yield."""
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isasyncgen(object):
    """Whether object is an asynchronous generator."""
    return isinstance(object, types.AsyncGeneratorType)


def isgenerator(object):
    """Whether object is a generator."""
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    """Whether object is a coroutine made by an async def function."""
    return isinstance(object, types.CoroutineType)


def isawaitable(object):
    """Whether object can be used in an await expression."""
    return (isinstance(object, types.CoroutineType) or
            isinstance(object, types.GeneratorType) and
            bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            hasattr(type(object), '__await__'))


def istraceback(object):
    return isinstance(object, types.TracebackType)


def isframe(object):
    return isinstance(object, types.FrameType)


def iscode(object):
    return isinstance(object, types.CodeType)


def isbuiltin(object):
    """Whether object is a built-in function or a method of a built-in."""
    return isinstance(object, types.BuiltinFunctionType)


def isroutine(object):
    """Whether object is any kind of function or method."""
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object))


def isabstract(object):
    """Whether object is an abstract base class with abstract methods left."""
    return isinstance(object, type) and bool(getattr(object, '__abstractmethods__', False))


def getmro(cls):
    return cls.__mro__


def getmembers(object, predicate=None):
    """All (name, value) attributes of object, sorted by name, optionally
    only those for which predicate(value) is true."""
    results = []
    processed = set()
    names = dir(object)
    if isclass(object):
        mro = (object,) + object.__mro__
        # class-level dynamic attributes (enum's name and value) count too
        dynamic = tuple(t for t in (getattr(types, 'DynamicClassAttribute', None),
                                    getattr(sys.modules.get('enum'), 'property', None))
                        if isinstance(t, type))
        for base in object.__bases__:
            for k, v in base.__dict__.items():
                if dynamic and isinstance(v, dynamic):
                    names.append(k)
    else:
        mro = ()
    for key in names:
        try:
            value = getattr(object, key)
            if key in processed:
                raise AttributeError
        except AttributeError:
            for base in mro:
                if key in base.__dict__:
                    value = base.__dict__[key]
                    break
            else:
                continue
        if not predicate or predicate(value):
            results.append((key, value))
        processed.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def cleandoc(doc):
    """Remove the indentation a docstring gets from its source: the common
    leading whitespace of the lines after the first, and blank lines at
    both ends."""
    lines = doc.expandtabs().split('\n')
    margin = sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def _finddoc(obj):
    if ismethod(obj):
        name = obj.__func__.__name__
        self = obj.__self__
        if isclass(self) and getattr(getattr(self, name, None), '__func__', None) is obj.__func__:
            cls = self
        else:
            cls = self.__class__
    elif isfunction(obj):
        name = obj.__name__
        cls = _findclass(obj)
        if cls is None or getattr(cls, name, None) is not obj:
            return None
    elif isinstance(obj, property):
        func = obj.fget
        name = func.__name__
        cls = _findclass(func)
        if cls is None or getattr(cls, name) is not obj:
            return None
    elif isbuiltin(obj) or ismethoddescriptor(obj):
        name = getattr(obj, '__name__', None)
        cls = getattr(obj, '__objclass__', None)
        if name is None or cls is None:
            return None
    else:
        return None
    for base in cls.__mro__:
        try:
            found = getattr(base, name)
            doc = getattr(found, '__func__', found).__doc__
        except AttributeError:
            continue
        if doc is not None:
            return doc
    return None


def _findclass(func):
    cls = sys.modules.get(func.__module__)
    if cls is None:
        return None
    for name in func.__qualname__.split('.')[:-1]:
        cls = getattr(cls, name, None)
        if cls is None:
            return None
    if not isclass(cls):
        return None
    return cls


def getdoc(object):
    """The docstring of object, cleaned up with cleandoc; for a method or
    class without one, the docstring it inherits."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            if isclass(object):
                for base in object.__mro__:
                    if base is not _object:
                        doc = base.__doc__
                        if doc is not None:
                            break
            else:
                doc = _finddoc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmodule(object, _filename=None):
    """The module object was defined in, if it can be found."""
    if ismodule(object):
        return object
    module_name = getattr(object, '__module__', None)
    if module_name is not None:
        return sys.modules.get(module_name)
    return None


def getmodulename(path):
    name = path.replace('\\', '/').rsplit('/', 1)[-1]
    for suffix in ('.py', '.pyc'):
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return None


def unwrap(func, *, stop=None):
    """Follow a chain of __wrapped__ attributes to the innermost function."""
    f = func
    memo = {id(f): f}
    while hasattr(func, '__wrapped__'):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        if id(func) in memo:
            raise ValueError('wrapper loop when unwrapping %r' % (f,))
        memo[id(func)] = func
    return func


def currentframe():
    """The caller's frame, or None where frames are not available."""
    getframe = getattr(sys, '_getframe', None)
    return getframe(1) if getframe is not None else None


class Traceback(tuple):
    """getframeinfo()'s result: filename, lineno, function, code_context, index."""
    _fields = ('filename', 'lineno', 'function', 'code_context', 'index')

    def __new__(cls, filename, lineno, function, code_context, index):
        return tuple.__new__(cls, (filename, lineno, function, code_context, index))

    filename = property(lambda self: self[0])
    lineno = property(lambda self: self[1])
    function = property(lambda self: self[2])
    code_context = property(lambda self: self[3])
    index = property(lambda self: self[4])

    def __repr__(self):
        return ('Traceback(filename=%r, lineno=%r, function=%r, code_context=%r, index=%r)'
                % tuple(self))


class FrameInfo(tuple):
    """One entry of stack(): frame, filename, lineno, function, code_context,
    index."""
    _fields = ('frame', 'filename', 'lineno', 'function', 'code_context', 'index')

    def __new__(cls, frame, filename, lineno, function, code_context, index):
        return tuple.__new__(cls, (frame, filename, lineno, function, code_context, index))

    frame = property(lambda self: self[0])
    filename = property(lambda self: self[1])
    lineno = property(lambda self: self[2])
    function = property(lambda self: self[3])
    code_context = property(lambda self: self[4])
    index = property(lambda self: self[5])

    def __repr__(self):
        return ('FrameInfo(frame=%r, filename=%r, lineno=%r, function=%r, code_context=%r, '
                'index=%r)' % tuple(self))


_source_cache = {}


def _source_lines(filename):
    lines = _source_cache.get(filename)
    if lines is None:
        try:
            with open(filename, encoding='utf-8') as f:
                lines = f.read().splitlines(True)
        except (OSError, UnicodeDecodeError):
            lines = []
        _source_cache[filename] = lines
    return lines


def getframeinfo(frame, context=1):
    """The file, line, function and surrounding source lines of a frame (or
    traceback)."""
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
    if not isframe(frame) and not hasattr(frame, 'f_code'):
        raise TypeError('%r is not a frame or traceback object' % (frame,))
    filename = frame.f_code.co_filename
    if context > 0:
        start = lineno - 1 - context // 2
        lines = _source_lines(filename)
        if lines:
            start = max(0, min(start, len(lines) - context))
            code_context = lines[start:start + context]
            index = lineno - 1 - start
        else:
            code_context = index = None
    else:
        code_context = index = None
    return Traceback(filename, lineno, frame.f_code.co_name, code_context, index)


def getouterframes(frame, context=1):
    """FrameInfo records for frame and each frame that called it."""
    records = []
    while frame is not None:
        records.append(FrameInfo(frame, *getframeinfo(frame, context)))
        frame = frame.f_back
    return records


def stack(context=1):
    """FrameInfo records for the caller's frame and those above it; empty
    where frames are not available."""
    getframe = getattr(sys, '_getframe', None)
    if getframe is None:
        return []
    return getouterframes(getframe(1), context)


def trace(context=1):
    """FrameInfo records between the current frame and where the exception
    being handled was raised."""
    tb = sys.exc_info()[2]
    records = []
    while tb is not None:
        records.append(FrameInfo(tb.tb_frame, *getframeinfo(tb, context)))
        tb = tb.tb_next
    return records


def getfile(object):
    """The file a module, class, function, method, frame or code object
    was defined in."""
    if ismodule(object):
        if getattr(object, '__file__', None):
            return object.__file__
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object):
        module = sys.modules.get(object.__module__)
        if getattr(module, '__file__', None):
            return module.__file__
        raise TypeError('{!r} is a built-in class'.format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object) or hasattr(object, 'f_code'):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or code object '
                    'was expected, got {}'.format(type(object).__name__))


def getsourcefile(object):
    """The Python source file object was defined in, if there is one."""
    filename = getfile(object)
    if filename.endswith('.py') and _source_lines(filename):
        return filename
    return None


def _code_part(line):
    # the line without its comment (a '#' inside a string is rare enough)
    return line.split('#', 1)[0].strip()


def _block_end(lines, start):
    """The end of the block starting at lines[start]: decorators, the
    def or class header (over several lines while brackets are open), then
    every line indented deeper than the header."""
    base = len(lines[start]) - len(lines[start].lstrip())
    j = start
    depth = 0
    while j < len(lines):
        text = _code_part(lines[j])
        depth += sum(text.count(c) for c in '([{') - sum(text.count(c) for c in ')]}')
        if depth <= 0 and not text.startswith('@') and text:
            break
        j += 1
    if j >= len(lines):
        return len(lines)
    if not _code_part(lines[j]).endswith(':'):
        return j + 1
    last = j + 1
    for i in range(j + 1, len(lines)):
        line = lines[i]
        if line.strip():
            if len(line) - len(line.lstrip()) <= base:
                break
            last = i + 1
    return last


def getsourcelines(object):
    """The source lines of object and the line number the first is on."""
    object = unwrap(object)
    filename = getsourcefile(object) or getfile(object)
    lines = _source_lines(filename)
    if not lines:
        raise OSError('could not get source code')
    if ismodule(object):
        return lines, 0
    if isclass(object):
        name = object.__name__
        for index, line in enumerate(lines):
            stripped = line.lstrip()
            if stripped.startswith('class ' + name) and \
                    stripped[6 + len(name):6 + len(name) + 1] in ('(', ':', ' '):
                start = index
                while start > 0 and lines[start - 1].lstrip().startswith('@'):
                    start -= 1
                return lines[start:_block_end(lines, start)], start + 1
        raise OSError('could not find class definition')
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object) or hasattr(object, 'f_code'):
        object = object.f_code
    if iscode(object):
        start = object.co_firstlineno - 1
        if object.co_name == '<lambda>':
            return [lines[start]], start + 1
        return lines[start:_block_end(lines, start)], start + 1
    raise TypeError('module, class, method, function, traceback, frame, or code object '
                    'was expected, got {}'.format(type(object).__name__))


def getsource(object):
    """The source text of object."""
    lines, _ = getsourcelines(object)
    return ''.join(lines)


GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'


def getgeneratorstate(generator):
    """GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED or GEN_CLOSED."""
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def getcoroutinestate(coroutine):
    """CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED or CORO_CLOSED."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


# -- signatures

class _empty:
    """Marker for a parameter or return annotation that is not given."""


class _void:
    """Marker for an argument of replace() that is not given."""


def _param_kind_enum():
    import enum

    class _ParameterKind(enum.IntEnum):
        POSITIONAL_ONLY = 'positional-only'
        POSITIONAL_OR_KEYWORD = 'positional or keyword'
        VAR_POSITIONAL = 'variadic positional'
        KEYWORD_ONLY = 'keyword-only'
        VAR_KEYWORD = 'variadic keyword'

        def __new__(cls, description):
            value = len(cls.__members__)
            member = int.__new__(cls, value)
            member._value_ = value
            member.description = description
            return member

        def __str__(self):
            return self._name_

    _ParameterKind.__module__ = 'inspect'
    return _ParameterKind


_ParameterKind = _param_kind_enum()
_object = object
_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD


def formatannotation(annotation, base_module=None):
    """An annotation as signatures print it: `int`, `mod.Cls`, `List[int]`."""
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a Signature: name, kind, default and annotation."""
    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError('value %r is not a valid Parameter.kind' % (kind,))
        if default is not _empty and self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError('%s parameters cannot have default values'
                             % self._kind.description)
        self._default = default
        self._annotation = annotation
        if name is _empty:
            raise ValueError('name is a required attribute for Parameter')
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a %s' % type(name).__name__)
        if name[0] == '.' and name[1:].isdigit():
            if self._kind != _POSITIONAL_OR_KEYWORD:
                raise ValueError('implicit arguments must be passed as positional or '
                                 'keyword arguments, not %s' % self._kind.description)
            self._kind = _POSITIONAL_ONLY
            name = 'implicit%s' % name[1:]
        if not name.isidentifier():
            raise ValueError('%r is not a valid parameter name' % (name,))
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        """A copy with some attributes changed."""
        if name is _void:
            name = self._name
        if kind is _void:
            kind = self._kind
        if annotation is _void:
            annotation = self._annotation
        if default is _void:
            default = self._default
        return type(self)(name, kind, default=default, annotation=annotation)

    def __str__(self):
        kind = self.kind
        formatted = self._name
        if self._annotation is not _empty:
            formatted = '%s: %s' % (formatted, formatannotation(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                formatted = '%s = %r' % (formatted, self._default)
            else:
                formatted = '%s=%r' % (formatted, self._default)
        if kind == _VAR_POSITIONAL:
            formatted = '*' + formatted
        elif kind == _VAR_KEYWORD:
            formatted = '**' + formatted
        return formatted

    def __repr__(self):
        return '<%s "%s">' % (self.__class__.__name__, self)

    def __hash__(self):
        return hash((self.name, self.kind, self.annotation, self.default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)


class BoundArguments:
    """The result of Signature.bind: which argument went to which parameter."""
    __slots__ = ('arguments', '_signature')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for param_name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            try:
                arg = self.arguments[param_name]
            except KeyError:
                break
            if param.kind == _VAR_POSITIONAL:
                args.extend(arg)
            else:
                args.append(arg)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        kwargs_started = False
        for param_name, param in self._signature.parameters.items():
            if not kwargs_started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    kwargs_started = True
                elif param_name not in self.arguments:
                    kwargs_started = True
                    continue
            if not kwargs_started:
                continue
            try:
                arg = self.arguments[param_name]
            except KeyError:
                pass
            else:
                if param.kind == _VAR_KEYWORD:
                    kwargs.update(arg)
                else:
                    kwargs[param_name] = arg
        return kwargs

    def apply_defaults(self):
        """Fill in the defaults of parameters given no argument."""
        arguments = self.arguments
        new_arguments = []
        for name, param in self._signature.parameters.items():
            try:
                new_arguments.append((name, arguments[name]))
            except KeyError:
                if param.default is not _empty:
                    val = param.default
                elif param.kind is _VAR_POSITIONAL:
                    val = ()
                elif param.kind is _VAR_KEYWORD:
                    val = {}
                else:
                    continue
                new_arguments.append((name, val))
        self.arguments = dict(new_arguments)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        args = ['%s=%r' % (arg, value) for arg, value in self.arguments.items()]
        return '<%s (%s)>' % (self.__class__.__name__, ', '.join(args))


class Signature:
    """The parameters and return annotation of a callable."""
    __slots__ = ('_return_annotation', '_parameters')

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        if parameters is None:
            params = {}
        else:
            params = {}
            if __validate_parameters__:
                top_kind = _POSITIONAL_ONLY
                seen_default = False
                for param in parameters:
                    kind = param.kind
                    name = param.name
                    if kind < top_kind:
                        raise ValueError('wrong parameter order: %s parameter before %s '
                                         'parameter' % (top_kind.description, kind.description))
                    elif kind > top_kind:
                        top_kind = kind
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError('non-default argument follows default argument')
                        else:
                            seen_default = True
                    if name in params:
                        raise ValueError('duplicate parameter name: %r' % (name,))
                    params[name] = param
            else:
                params = {param.name: param for param in parameters}
        from collections import OrderedDict
        self._parameters = types.MappingProxyType(OrderedDict(params))
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None,
                      eval_str=False):
        return _signature_from_callable(obj, follow_wrapped, cls)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        """A copy with the parameters or return annotation changed."""
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __hash__(self):
        params = tuple(param for param in self.parameters.values()
                       if param.kind != _KEYWORD_ONLY)
        kwo_params = {param.name: param for param in self.parameters.values()
                      if param.kind == _KEYWORD_ONLY}
        return hash((params, frozenset(kwo_params.values()), self.return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return (self.return_annotation == other.return_annotation and
                list(self.parameters.values()) == list(other.parameters.values()))

    def _bind(self, args, kwargs, *, partial=False):
        arguments = {}
        parameters = iter(self.parameters.values())
        parameters_ex = ()
        arg_vals = iter(args)
        while True:
            try:
                arg_val = next(arg_vals)
            except StopIteration:
                try:
                    param = next(parameters)
                except StopIteration:
                    break
                else:
                    if param.kind == _VAR_POSITIONAL:
                        break
                    elif param.name in kwargs:
                        if param.kind == _POSITIONAL_ONLY:
                            raise TypeError('%r parameter is positional only, but was '
                                            'passed as a keyword' % (param.name,)) from None
                        parameters_ex = (param,)
                        break
                    elif param.kind == _VAR_KEYWORD or param.default is not _empty:
                        parameters_ex = (param,)
                        break
                    else:
                        if partial:
                            parameters_ex = (param,)
                            break
                        raise TypeError('missing a required argument: %r' % (param.name,)) from None
            else:
                try:
                    param = next(parameters)
                except StopIteration:
                    raise TypeError('too many positional arguments') from None
                else:
                    if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                        raise TypeError('too many positional arguments') from None
                    if param.kind == _VAR_POSITIONAL:
                        values = [arg_val]
                        values.extend(arg_vals)
                        arguments[param.name] = tuple(values)
                        break
                    if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                        raise TypeError('multiple values for argument %r' % (param.name,)) from None
                    arguments[param.name] = arg_val

        kwargs_param = None
        for param in parameters_ex + tuple(parameters):
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            param_name = param.name
            try:
                arg_val = kwargs.pop(param_name)
            except KeyError:
                if (not partial and param.kind != _VAR_POSITIONAL and
                        param.default is _empty):
                    raise TypeError('missing a required argument: %r' % (param_name,)) from None
            else:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError('%r parameter is positional only, but was passed as '
                                    'a keyword' % (param.name,))
                arguments[param_name] = arg_val

        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError('got an unexpected keyword argument %r'
                                % (next(iter(kwargs)),))
        return self._bound_arguments_cls(self, arguments)

    def bind(self, /, *args, **kwargs):
        """Map the arguments onto the parameters; TypeError if they do not fit."""
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        """As bind, but required parameters may be left out."""
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__, self)

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self.parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append('/')
                render_pos_only_separator = False
            if kind == _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind == _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append('/')
        rendered = '(%s)' % ', '.join(result)
        if self.return_annotation is not _empty:
            rendered += ' -> %s' % formatannotation(self.return_annotation)
        return rendered


def _signature_is_functionlike(obj):
    """Duck-typed functions (such as Cython's) that carry a real code object."""
    if not callable(obj) or isclass(obj):
        return False
    code = getattr(obj, '__code__', None)
    return (isinstance(code, types.CodeType) and
            isinstance(getattr(obj, '__name__', None), str) and
            isinstance(getattr(obj, '__defaults__', None), (tuple, type(None))) and
            isinstance(getattr(obj, '__kwdefaults__', None), (dict, type(None))))


def _signature_from_function(cls, func):
    code = func.__code__
    pos_count = code.co_argcount
    arg_names = code.co_varnames
    posonly_count = code.co_posonlyargcount
    positional = arg_names[:pos_count]
    keyword_only_count = code.co_kwonlyargcount
    keyword_only = arg_names[pos_count:pos_count + keyword_only_count]
    annotations = getattr(func, '__annotations__', None) or {}
    defaults = func.__defaults__
    kwdefaults = func.__kwdefaults__
    pos_default_count = len(defaults) if defaults else 0

    parameters = []
    non_default_count = pos_count - pos_default_count
    for i, name in enumerate(positional):
        kind = _POSITIONAL_ONLY if i < posonly_count else _POSITIONAL_OR_KEYWORD
        default = defaults[i - non_default_count] if i >= non_default_count else _empty
        parameters.append(Parameter(name, kind, default=default,
                                    annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARARGS:
        name = arg_names[pos_count + keyword_only_count]
        parameters.append(Parameter(name, _VAR_POSITIONAL,
                                    annotation=annotations.get(name, _empty)))
    for name in keyword_only:
        default = kwdefaults.get(name, _empty) if kwdefaults is not None else _empty
        parameters.append(Parameter(name, _KEYWORD_ONLY, default=default,
                                    annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        index = pos_count + keyword_only_count
        if code.co_flags & CO_VARARGS:
            index += 1
        name = arg_names[index]
        parameters.append(Parameter(name, _VAR_KEYWORD,
                                    annotation=annotations.get(name, _empty)))
    return cls(parameters, return_annotation=annotations.get('return', _empty),
               __validate_parameters__=False)


def _drop_first(sig):
    params = tuple(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    if params[0].kind in (_POSITIONAL_OR_KEYWORD, _POSITIONAL_ONLY):
        params = params[1:]
    else:
        return sig
    return sig.replace(parameters=params)


def _signature_from_callable(obj, follow_wrapper_chains=True, sigcls=Signature):
    if not callable(obj):
        raise TypeError('%r is not a callable object' % (obj,))

    if isinstance(obj, types.MethodType):
        sig = _signature_from_callable(obj.__func__, follow_wrapper_chains, sigcls)
        return _drop_first(sig)

    if follow_wrapper_chains:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if isinstance(obj, types.MethodType):
            return _signature_from_callable(obj, follow_wrapper_chains, sigcls)

    try:
        sig = obj.__signature__
    except AttributeError:
        pass
    else:
        if sig is not None:
            if not isinstance(sig, Signature):
                raise TypeError('unexpected object %r in __signature__ attribute' % (sig,))
            return sig

    if isfunction(obj) or _signature_is_functionlike(obj):
        return _signature_from_function(sigcls, obj)

    if type(obj).__name__ == 'partial' and hasattr(obj, 'func'):
        wrapped_sig = _signature_from_callable(obj.func, follow_wrapper_chains, sigcls)
        return _signature_for_partial(wrapped_sig, obj.args, obj.keywords)

    if isbuiltin(obj) or ismethoddescriptor(obj):
        text = getattr(obj, '__text_signature__', None)
        if not text:
            raise ValueError('no signature found for builtin %r' % (obj,))
        return _signature_fromstr(sigcls, obj, text)

    if isinstance(obj, type):
        # as CPython: a metaclass __call__, else the first class in the MRO
        # defining __new__ or __init__ in Python
        for meta in type(obj).__mro__[:-1]:
            call = meta.__dict__.get('__call__')
            if call is not None and meta is not type:
                return _drop_first(_signature_from_callable(call, follow_wrapper_chains, sigcls))
        for base in obj.__mro__:
            if base is _object:
                break
            own = base.__dict__
            new = own.get('__new__')
            if isinstance(new, staticmethod):
                new = new.__func__
            if new is not None and isfunction(new):
                return _drop_first(_signature_from_callable(new, follow_wrapper_chains, sigcls))
            init = own.get('__init__')
            if init is not None and isfunction(init):
                return _drop_first(_signature_from_callable(init, follow_wrapper_chains, sigcls))
            if new is not None or init is not None:
                break
        else:
            return sigcls([])
        if obj.__init__ is _object.__init__ and obj.__new__ is _object.__new__:
            return sigcls([])
        raise ValueError('no signature found for builtin type %r' % (obj,))

    call = getattr(type(obj), '__call__', None)
    if call is not None and isfunction(call):
        return _drop_first(_signature_from_callable(call, follow_wrapper_chains, sigcls))
    raise ValueError('callable %r is not supported by signature' % (obj,))


def _split_parameters(text):
    """The parameters of a text signature "(a, b=(1, 2), /)", split at the
    commas outside brackets and strings."""
    parts, depth, quote, start = [], 0, None, 0
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == '\\':
                i += 1
            elif ch == quote:
                quote = None
        elif ch in '\'"':
            quote = ch
        elif ch in '([{':
            depth += 1
        elif ch in ')]}':
            depth -= 1
        elif ch == ',' and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
        i += 1
    last = text[start:].strip()
    if last:
        parts.append(last)
    return parts


def _signature_fromstr(cls, obj, text):
    """The Signature a built-in's __text_signature__ describes, as CPython's
    _signature_fromstr: "$module"/"$self" names the bound argument, dropped
    when bound; "/" ends the positional-only ones, "*" starts the
    keyword-only ones."""
    inner = text.strip()
    if not (inner.startswith('(') and inner.endswith(')')):
        raise ValueError('{!r} builtin has invalid signature'.format(obj))
    params = _split_parameters(inner[1:-1])
    self_bound = getattr(obj, '__self__', None)
    if params and params[0].startswith('$'):
        if self_bound is not None or params[0] == '$module':
            params = params[1:]
        else:
            params[0] = params[0][1:]
    if '/' in params:
        positional_only = params.index('/')
        params = params[:positional_only] + params[positional_only + 1:]
    else:
        positional_only = 0
    parameters = []
    keyword_only = False
    for index, param in enumerate(params):
        if param == '*':
            keyword_only = True
            continue
        name, sep, default_text = param.partition('=')
        name = name.strip()
        default = _empty
        if sep:
            default_text = default_text.strip()
            try:
                default = eval(default_text, {'__builtins__': {}}, {})
            except Exception:
                # Not a literal (anext's "<unrepresentable>"): CPython's
                # parse of the signature fails the same way.
                raise ValueError('{!r} builtin has invalid signature'.format(obj)) from None
        if name.startswith('**'):
            kind, name = _VAR_KEYWORD, name[2:]
        elif name.startswith('*'):
            kind, name = _VAR_POSITIONAL, name[1:]
            keyword_only = True
        elif keyword_only:
            kind = _KEYWORD_ONLY
        elif index < positional_only:
            kind = _POSITIONAL_ONLY
        else:
            kind = _POSITIONAL_OR_KEYWORD
        parameters.append(Parameter(name, kind, default=default))
    return cls(parameters, __validate_parameters__=False)


def _signature_for_partial(wrapped_sig, args, keywords):
    ba = wrapped_sig.bind_partial(*args, **keywords)
    new_params = []
    transform_to_kwonly = False
    for param_name, param in wrapped_sig.parameters.items():
        if param_name in ba.arguments and param_name not in keywords and \
                param.kind not in (_VAR_KEYWORD, _KEYWORD_ONLY):
            if param.kind == _VAR_POSITIONAL:
                new_params.append(param)
            continue
        if param_name in keywords:
            if param.kind == _VAR_KEYWORD:
                new_params.append(param)
                continue
            new_param = param.replace(default=keywords[param_name])
            if param.kind in (_POSITIONAL_OR_KEYWORD, _POSITIONAL_ONLY):
                transform_to_kwonly = True
                new_param = new_param.replace(kind=_KEYWORD_ONLY)
            new_params.append(new_param)
            continue
        if transform_to_kwonly and param.kind in (_POSITIONAL_OR_KEYWORD,):
            new_params.append(param.replace(kind=_KEYWORD_ONLY))
        else:
            new_params.append(param)
    return wrapped_sig.replace(parameters=new_params)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """The Signature of a callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


class FullArgSpec(tuple):
    """getfullargspec()'s result: args, varargs, varkw, defaults, kwonlyargs,
    kwonlydefaults, annotations."""
    _fields = ('args', 'varargs', 'varkw', 'defaults', 'kwonlyargs', 'kwonlydefaults',
               'annotations')

    def __new__(cls, *values):
        return tuple.__new__(cls, values)

    def __getattr__(self, name):
        try:
            return self[self._fields.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __repr__(self):
        return 'FullArgSpec(%s)' % ', '.join('%s=%r' % (n, v) for n, v in zip(self._fields, self))


def getfullargspec(func):
    """The parameters of a function in the old tuple form."""
    try:
        # a bound method keeps its first parameter here, as in CPython
        sig = _signature_from_callable(func.__func__ if ismethod(func) else func,
                                       follow_wrapper_chains=False)
    except Exception as ex:
        raise TypeError('unsupported callable') from ex
    args, kwonlyargs, annotations, kwdefaults = [], [], {}, {}
    varargs = varkw = None
    defaults = ()
    if sig.return_annotation is not _empty:
        annotations['return'] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(name)
            if param.default is not _empty:
                defaults += (param.default,)
        elif kind == _VAR_POSITIONAL:
            varargs = name
        elif kind == _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not _empty:
                kwdefaults[name] = param.default
        elif kind == _VAR_KEYWORD:
            varkw = name
        if param.annotation is not _empty:
            annotations[name] = param.annotation
    return FullArgSpec(args, varargs, varkw, defaults or None, kwonlyargs,
                       kwdefaults or None, annotations)


def getcallargs(func, /, *positional, **named):
    """The mapping of parameter names to the values a call with these
    arguments would bind: positionals, *args, **kwargs, then defaults."""
    args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, _ = getfullargspec(func)
    f_name = func.__name__
    arg2value = {}
    if ismethod(func) and func.__self__ is not None:
        positional = (func.__self__,) + positional
    num_pos = len(positional)
    num_args = len(args)
    num_defaults = len(defaults) if defaults else 0
    n = min(num_pos, num_args)
    for i in range(n):
        arg2value[args[i]] = positional[i]
    if varargs:
        arg2value[varargs] = tuple(positional[n:])
    possible_kwargs = set(args + kwonlyargs)
    if varkw:
        arg2value[varkw] = {}
    for kw, value in named.items():
        if kw not in possible_kwargs:
            if not varkw:
                raise TypeError('%s() got an unexpected keyword argument %r' % (f_name, kw))
            arg2value[varkw][kw] = value
            continue
        if kw in arg2value:
            raise TypeError('%s() got multiple values for argument %r' % (f_name, kw))
        arg2value[kw] = value
    if num_pos > num_args and not varargs:
        raise TypeError('%s() takes %d positional arguments but %d were given'
                        % (f_name, num_args, num_pos))
    if num_pos < num_args:
        required = args[:num_args - num_defaults]
        missing = [arg for arg in required if arg not in arg2value]
        if missing:
            raise TypeError('%s() missing %d required positional argument%s: %s'
                            % (f_name, len(missing), '' if len(missing) == 1 else 's',
                               ', '.join(repr(m) for m in missing)))
        for i, arg in enumerate(args[num_args - num_defaults:]):
            if arg not in arg2value:
                arg2value[arg] = defaults[i]
    missing = []
    for kwarg in kwonlyargs:
        if kwarg not in arg2value:
            if kwonlydefaults and kwarg in kwonlydefaults:
                arg2value[kwarg] = kwonlydefaults[kwarg]
            else:
                missing.append(kwarg)
    if missing:
        raise TypeError('%s() missing %d required keyword-only argument%s: %s'
                        % (f_name, len(missing), '' if len(missing) == 1 else 's',
                           ', '.join(repr(m) for m in missing)))
    return arg2value


def getattr_static(obj, attr, default=_void):
    """An attribute looked up without running descriptors or __getattr__."""
    if not isinstance(obj, type):
        try:
            instance_dict = object.__getattribute__(obj, '__dict__')
        except AttributeError:
            instance_dict = {}
        if attr in instance_dict:
            return instance_dict[attr]
        klass = type(obj)
    else:
        klass = obj
    for entry in klass.__mro__:
        d = entry.__dict__
        if attr in d:
            return d[attr]
    if isinstance(obj, type):
        for entry in type(obj).__mro__:
            d = entry.__dict__
            if attr in d:
                return d[attr]
    if default is not _void:
        return default
    raise AttributeError(attr)
