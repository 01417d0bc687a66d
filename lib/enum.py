"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique.

The metaclass EnumType turns the names assigned in a class body into member
instances, created once when the class is built, and keeps three tables on
the class: `_member_names_` (canonical members in definition order),
`_member_map_` (every name, aliases included) and `_value2member_map_`.
Reprs, str() and format() follow CPython 3.11.
"""

import sys

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique', 'property', 'verify',
           'member', 'nonmember', 'FlagBoundary', 'STRICT', 'CONFORM',
           'EJECT', 'KEEP', 'global_enum', 'EnumCheck', 'UNIQUE',
           'CONTINUOUS', 'NAMED_FLAGS']

_builtin_property = property


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    prefix = '_%s__' % cls_name.lstrip('_')
    return (name.startswith(prefix) and len(name) > len(prefix)
            and not (name.endswith('__')))


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_single_bit(value):
    return value != 0 and (value & (value - 1)) == 0


def _bits_of(value):
    """The single-bit values set in a non-negative int, lowest first."""
    while value:
        bit = value & -value
        yield bit
        value ^= bit


class auto:
    """Stands for a member value to be computed by _generate_next_value_."""
    _marker = object()

    def __init__(self, value=_marker):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    """Forces an object to become a member."""
    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps an object from becoming a member."""
    def __init__(self, value):
        self.value = value


class property(_builtin_property):
    """A property that, looked up on the enum class, gives the member of
    that name if there is one (so members may be called `name` or `value`)."""

    def __set_name__(self, owner, name):
        self._owner = owner
        self._attr_name = name

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self._attr_name]
            except (KeyError, AttributeError):
                raise AttributeError('%r has no attribute %r'
                                     % (ownerclass, self._attr_name)) from None
        if self.fget is None:
            raise AttributeError('%r member has no attribute %r'
                                 % (ownerclass, self._attr_name))
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError('%r cannot set attribute %r'
                                 % (self._owner, self._attr_name))
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError('%r cannot delete attribute %r'
                                 % (self._owner, self._attr_name))
        self.fdel(instance)


class _EnumDict(dict):
    """The class-body namespace: records member names in order, resolves
    auto() as soon as it is assigned, and rejects reused names."""

    def __init__(self, cls_name=''):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                for name in value:
                    if name in self._member_names:
                        raise ValueError('_ignore_ cannot specify already '
                                         'set names: %r' % (name,))
            elif key == '_generate_next_value_':
                if self._member_names:
                    raise TypeError('_generate_next_value_ must be defined '
                                    'before members')
                # stored unwrapped so that it can be called as a function
                self._generate_next_value = getattr(value, '__func__', value)
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value) and not isinstance(value, member):
            if key in self:
                pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                value = self._resolve_auto(key, value)
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(self._resolve_auto(key, v) if isinstance(v, auto)
                              else v for v in value)
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)

    def _resolve_auto(self, key, value):
        if value.value is auto._marker:
            generate = self._generate_next_value
            if generate is None:
                generate = Enum._generate_next_value_
            value.value = generate(key, 1, len(self._member_names),
                                   self._last_values[:])
        return value.value


def _find_data_type(bases):
    """The first non-enum base in the MRO that defines how values are built."""
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                return base
    return object


def _find_first_enum(bases):
    if not bases:
        return Enum
    last = bases[-1]
    if not isinstance(last, EnumType):
        raise TypeError('new enumerations should be created as '
                        '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
    return last


def _find_new_member(classdict, member_type, first_enum):
    """The __new__ that builds members, and whether it takes the value:
    the class's own, else an inherited __new_member__, else the data type's."""
    new = classdict.get('__new__')
    if new is None:
        for method in ('__new_member__', '__new__'):
            for possible in (member_type, first_enum):
                target = getattr(possible, method, None)
                if target not in (None, object.__new__) and not (
                        Enum is not None and target is Enum.__new__):
                    new = target
                    break
            if new is not None:
                break
        else:
            new = object.__new__
    if isinstance(new, staticmethod):
        new = new.__func__
    return new, new is not object.__new__


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        namespace = _EnumDict(cls)
        if bases:
            first_enum = _find_first_enum(bases)
            namespace._generate_next_value = getattr(
                first_enum, '_generate_next_value_', None)
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, **kwds):
        member_names = list(classdict._member_names) if isinstance(classdict, _EnumDict) else []
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError('<enum %r> cannot extend %r' % (cls, base))
        ignore = classdict._ignore if isinstance(classdict, _EnumDict) else []
        namespace = {}
        for key, value in classdict.items():
            if key in ignore or key == '_ignore_':
                continue
            namespace[key] = value
        member_values = {name: namespace.pop(name) for name in member_names}

        if Enum is None:
            # building Enum itself
            member_type = object
            first_enum = None
        else:
            member_type = _find_data_type(bases)
            first_enum = _find_first_enum(bases)
        namespace['_member_names_'] = []
        namespace['_member_map_'] = {}
        namespace['_value2member_map_'] = {}
        namespace['_unhashable_values_'] = []
        namespace['_member_type_'] = member_type
        if first_enum is not None:
            new_member, use_args = _find_new_member(classdict, member_type, first_enum)
            namespace['__new_member__'] = new_member
        else:
            new_member, use_args = object.__new__, False
        if first_enum is not None:
            namespace.pop('__new__', None)
        namespace.pop('_generate_next_value_', None)
        if isinstance(classdict, _EnumDict) and classdict._generate_next_value is not None \
                and '_generate_next_value_' in classdict:
            namespace['_generate_next_value_'] = staticmethod(classdict._generate_next_value)
        namespace['_new_member_'] = new_member
        namespace['_use_args_'] = use_args
        if boundary is not None:
            namespace['_boundary_'] = boundary
        order = namespace.pop('_order_', None)

        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)

        value_repr = None
        if member_type is not object:
            for base in member_type.__mro__:
                if '__repr__' in base.__dict__ and base is not object:
                    value_repr = base.__dict__['__repr__']
                    break
        if '_value_repr_' not in namespace:
            type.__setattr__(enum_class, '_value_repr_', value_repr)

        # ReprEnum: str() and format() are those of the data type
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data '
                                'type (i.e. int, str, float, etc.)')
            if '__format__' not in classdict:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
            if '__str__' not in classdict:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)

        # a data type's repr/str/format must not hide the enum's own
        if Enum is not None:
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name in classdict or (ReprEnum is not None and ReprEnum in bases
                                         and name in ('__str__', '__format__')):
                    continue
                found = getattr(enum_class, name)
                if found in (getattr(member_type, name), getattr(object, name)):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))

        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            type.__setattr__(enum_class, '_flag_mask_', 0)
            type.__setattr__(enum_class, '_singles_mask_', 0)

        for name in member_names:
            enum_class._add_member_(name, member_values[name], new_member, use_args, is_flag)

        if is_flag:
            # Flag's operators win over the data type's (int.__or__ ...)
            for op in ('__or__', '__and__', '__xor__', '__ror__', '__rand__',
                       '__rxor__', '__invert__'):
                if op not in classdict:
                    type.__setattr__(enum_class, op, Flag.__dict__[op])
            flag_mask = 0
            singles = 0
            for m in enum_class._member_map_.values():
                if isinstance(m._value_, int):
                    flag_mask |= m._value_
                    if _is_single_bit(m._value_):
                        singles |= m._value_
            type.__setattr__(enum_class, '_flag_mask_', flag_mask)
            type.__setattr__(enum_class, '_singles_mask_', singles)
            type.__setattr__(enum_class, '_all_bits_',
                             2 ** flag_mask.bit_length() - 1 if flag_mask else 0)

        if Enum is not None:
            # looking a member up by value goes through Enum.__new__
            type.__setattr__(enum_class, '__new__', Enum.__dict__['__new__'])

        if order is not None:
            if isinstance(order, str):
                order = order.replace(',', ' ').split()
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def _add_member_(cls, name, value, new_member, use_args, is_flag):
        member_type = cls._member_type_
        if not isinstance(value, tuple):
            args = (value,)
        else:
            args = value
        if member_type is tuple:
            args = (args,)
        if not use_args:
            enum_member = new_member(cls)
        else:
            enum_member = new_member(cls, *args)
        if not hasattr(enum_member, '_value_'):
            if member_type is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = member_type(*args)
                except Exception:
                    enum_member._value_ = value
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(cls._member_names_)

        canonical = None
        for other in cls._member_map_.values():
            if other._value_ == value:
                canonical = other
                break
        if canonical is not None:
            enum_member = canonical
        elif not is_flag or (isinstance(value, int) and _is_single_bit(value)):
            cls._member_names_.append(name)

        # a name clashing with an inherited property (such as `value`) goes
        # through an enum.property: the member on the class, the old property
        # on instances
        found = None
        for base in cls.__mro__[1:]:
            descriptor = base.__dict__.get(name)
            if descriptor is not None:
                if isinstance(descriptor, _builtin_property):
                    found = descriptor
                    break
                if (hasattr(descriptor, 'fget') and hasattr(descriptor, 'fset')
                        and hasattr(descriptor, 'fdel')):
                    found = descriptor
        if found is not None:
            redirect = property(found.fget, found.fset, found.fdel)
            redirect.__set_name__(cls, name)
            type.__setattr__(cls, name, redirect)
        else:
            type.__setattr__(cls, name, enum_member)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            if not cls._member_map_:
                raise TypeError('%r has no members defined' % (cls,))
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        first_enum = bases[-1]
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names, last_values = names, [], []
            for count, name in enumerate(original):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            # the caller of EnumType.__call__, as CPython
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        import types
        return types.MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return '<flag %r>' % cls.__name__
        return '<enum %r>' % cls.__name__

    def __dir__(cls):
        # as CPython 3.11: the enum protocol and the members, plus whatever
        # the data type has
        interesting = set(['__class__', '__contains__', '__doc__', '__getitem__',
                           '__iter__', '__len__', '__members__', '__module__',
                           '__name__', '__qualname__'] + cls._member_names_)
        if getattr(cls, '__new_member__', object.__new__) is not object.__new__:
            interesting.add('__new__')
        if cls.__init_subclass__ is not object.__init_subclass__:
            interesting.add('__init_subclass__')
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)


EnumMeta = EnumType
Enum = None
ReprEnum = None
Flag = None


class Enum(metaclass=EnumType):
    """Base class for enumerations: subclass it and assign members."""


    def __new__(cls, value):
        # looking a member up by value: the class's members are built by
        # __new_member__, this only finds them
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        exc = None
        result = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag)
                and cls._boundary_ is EJECT and isinstance(result, int)):
            return result
        ve_exc = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve_exc
        if exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of None '
                            'or a valid member' % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve_exc
        try:
            raise exc
        finally:
            exc = ve_exc = None

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            return sorted(last_values)[-1] + 1
        except TypeError:
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        if self._member_type_ is object:
            interesting = set()
        else:
            interesting = set(object.__dir__(self))
        for name in getattr(self, '__dict__', []):
            if name[0] != '_':
                interesting.add(name)
        for cls in self.__class__.__mro__:
            for name, obj in cls.__dict__.items():
                if name[0] == '_':
                    continue
                if obj is self._member_map_.get(name):
                    continue
                if isinstance(obj, property):
                    if obj.fget is not None or name not in self._member_map_:
                        interesting.add(name)
                    else:
                        interesting.discard(name)
                else:
                    interesting.add(name)
        return sorted(set(['__class__', '__doc__', '__eq__', '__hash__', '__module__'])
                      | interesting)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """An enum whose str() and format() are those of its data type; only
    repr() shows the enum."""


class IntEnum(int, ReprEnum):
    """An enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """An enum whose members are also strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """What Flag does with values holding bits no member names."""
    STRICT = 'strict'
    CONFORM = 'conform'
    EJECT = 'eject'
    KEEP = 'keep'


STRICT, CONFORM, EJECT, KEEP = FlagBoundary.STRICT, FlagBoundary.CONFORM, \
    FlagBoundary.EJECT, FlagBoundary.KEEP


class Flag(Enum, boundary=STRICT):
    """An enum whose members combine with the bitwise operators."""

    _numeric_repr_ = staticmethod(repr)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        # in definition order, as CPython does when members are not ascending
        members = []
        for bit in _bits_of(value & cls._flag_mask_):
            member = cls._value2member_map_.get(bit)
            if member is not None:
                members.append(member)
        members.sort(key=lambda m: m._sort_order_)
        return iter(members)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            boundary = cls._boundary_
            if boundary is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                                 % (cls, value, _bin(value, max_bits),
                                    _bin(flag_mask, max_bits)))
            elif boundary is CONFORM:
                value = value & flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
        neg_value = None
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        singles_mask = cls._singles_mask_
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        if member_value or aliases:
            members = list(cls._iter_member_(member_value))
            combined = 0
            for m in members:
                combined |= m._value_
            if aliases:
                # multi-bit members covering the remaining bits name them too
                value = member_value | aliases
                for m in cls._member_map_.values():
                    if m not in members and m._value_ and m._value_ & value == m._value_:
                        members.append(m)
                        combined |= m._value_
            unknown = value ^ combined
            pseudo._name_ = '|'.join(m._name_ for m in members)
            if not combined:
                pseudo._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            elif unknown:
                pseudo._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo._name_ = None
        if not unknown:
            pseudo = cls._value2member_map_.setdefault(value, pseudo)
            if neg_value is not None:
                cls._value2member_map_[neg_value] = pseudo
        return pseudo

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return self._iter_member_(self._value_)

    def __len__(self):
        return bin(self._value_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._boundary_ in (EJECT, KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are also ints."""


def _bin(num, max_bits=None):
    """A binary string with a sign digit, as in Flag's error messages."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return '%s %s' % (sign, digits)


def unique(enumeration):
    """Class decorator: raise ValueError if any value has two names."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name) for alias, name in duplicates)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


class EnumCheck(StrEnum):
    """Checks that verify() can make."""
    CONTINUOUS = 'no skipped integer values'
    NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
    UNIQUE = 'one name per value'


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck.CONTINUOUS, EnumCheck.NAMED_FLAGS, EnumCheck.UNIQUE


class verify:
    """Class decorator checking the given EnumCheck constraints."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        for check in self.checks:
            if check is UNIQUE:
                unique(enumeration)
            elif check is CONTINUOUS:
                values = sorted(m.value for m in enumeration)
                if values:
                    missing = [v for v in range(values[0], values[-1])
                               if v not in values]
                    if missing:
                        raise ValueError('invalid enum %r: missing values %s'
                                         % (enumeration.__name__,
                                            ', '.join(str(v) for v in missing)))
        return enumeration


def global_enum(cls):
    """Class decorator: export the members into the defining module."""
    import sys
    module = sys.modules.get(cls.__module__)
    if module is not None:
        module.__dict__.update(cls.__members__)
    return cls
