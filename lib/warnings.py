"""Issuing warnings and controlling them: warn, warn_explicit, the filter list
(filterwarnings, simplefilter, resetwarnings), showwarning/formatwarning and
catch_warnings, as CPython's warnings module behaves.

The warnings coil raises natively (a coroutine never awaited) are printed by
the runtime itself in the same format, under the "default" action.
"""

import sys

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning',
           'filterwarnings', 'simplefilter', 'resetwarnings', 'catch_warnings']

# As CPython's release builds start: DeprecationWarning shown only when
# triggered directly by __main__, a few categories ignored.
filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = 'default'
onceregistry = {}
_filters_version = 1
# Where warnings go when no frame can be found (CPython uses sys.__dict__).
_sys_registry = {}

_ACTIONS = ('error', 'ignore', 'always', 'default', 'module', 'once')


def _filters_mutated():
    global _filters_version
    _filters_version += 1


class _LiteralPattern:
    """Stands for a compiled regular expression when `re` is unavailable:
    matches the text as a case-folded prefix."""

    def __init__(self, pattern, ignore_case):
        self.pattern = pattern
        self._ignore_case = ignore_case

    def match(self, text):
        if self._ignore_case:
            return text.lower().startswith(self.pattern.lower())
        return text.startswith(self.pattern)

    def __eq__(self, other):
        return isinstance(other, _LiteralPattern) and other.pattern == self.pattern

    def __hash__(self):
        return hash(self.pattern)

    def __repr__(self):
        return 're.compile(%r)' % (self.pattern,)


def _compile(pattern, ignore_case):
    try:
        import re
    except ImportError:
        return _LiteralPattern(pattern, ignore_case)
    return re.compile(pattern, re.I) if ignore_case else re.compile(pattern)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError('invalid action: %r' % (action,))
    if not isinstance(message, str):
        raise AssertionError('message must be a string')
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError('category must be a Warning subclass')
    if not isinstance(module, str):
        raise AssertionError('module must be a string')
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError('lineno must be an int >= 0')
    compiled_message = _compile(message, True) if message else None
    compiled_module = _compile(module, False) if module else None
    _add_filter(action, compiled_message, category, compiled_module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front):
    one matching every message and module."""
    if action not in _ACTIONS:
        raise AssertionError('invalid action: %r' % (action,))
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError('lineno must be an int >= 0')
    _add_filter(action, None, category, None, lineno, append=append)


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


# Source lines for the second line of a warning, read once per file.
_line_cache = {}


def _source_line(filename, lineno):
    lines = _line_cache.get(filename)
    if lines is None:
        try:
            with open(filename, encoding='utf-8', errors='replace') as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeError, ValueError, TypeError):
            lines = []
        _line_cache[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    text = '%s:%s: %s: %s\n' % (msg.filename, msg.lineno, category, msg.message)
    line = msg.line
    if line is None:
        line = _source_line(msg.filename, msg.lineno)
    line = line.strip()
    if line:
        text += '  %s\n' % line
    if msg.source is not None:
        # coil has no tracemalloc: CPython's hint when it is not tracing.
        text += '%s: Enable tracemalloc to get the object allocation traceback\n' % category
    return text


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    # A user's replacement of formatwarning takes precedence.
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg(msg):
    # A user's replacement of showwarning takes precedence.
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError('warnings.showwarning() must be set to a function or method')
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def _caller_frame(depth):
    """The frame `depth` levels above the function calling this one
    (0: that function itself), or None past the outermost frame."""
    getframe = getattr(sys, '_getframe', None)
    if getframe is not None:
        try:
            return getframe(depth + 1)
        except ValueError:
            return None
    # Without sys._getframe, walk up from the frame of a caught exception.
    try:
        raise ZeroDivisionError
    except ZeroDivisionError as error:
        frame = error.__traceback__.tb_frame
    for _ in range(depth + 1):
        if frame is None:
            return None
        frame = frame.f_back
    return frame


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError('category must be a Warning subclass, not %r' % type(category).__name__)
    frame = _caller_frame(stacklevel)
    if frame is None:
        filename = 'sys'
        lineno = 1
        module = 'sys'
        registry = _sys_registry
        module_globals = None
    else:
        module_globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
        module = module_globals.get('__name__', '<string>')
        registry = module_globals.setdefault('__warningregistry__', {})
    warn_explicit(message, category, filename, lineno, module, registry, module_globals, source)


def _matches(pattern, text):
    # As CPython's C filters: a plain str (the default filters hold
    # '__main__') must equal the text, a compiled pattern must match it.
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return bool(pattern.match(text))


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Issue a warning at an explicit location, through the filters."""
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat)
                and _matches(mod, module) and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
        item = None
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        once_key = (text, category)
        if onceregistry.get(once_key):
            return
        onceregistry[once_key] = 1
    elif action == 'always':
        pass
    elif action == 'module':
        registry[key] = 1
        module_key = (text, category, 0)
        if registry.get(module_key):
            return
        registry[module_key] = 1
    elif action == 'default':
        registry[key] = 1
    else:
        raise RuntimeError('Unrecognized action (%r) in warnings.filters:\n %s' % (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


class WarningMessage(object):
    """One warning as recorded by catch_warnings(record=True)."""

    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}'
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


class catch_warnings(object):
    """A context manager that saves the warnings filters and showwarning on
    entry and restores them on exit; with record=True, warnings are
    collected in the list __enter__ returns instead of being shown."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning,
                 lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        if self._module is not sys.modules['warnings']:
            args.append('module=%r' % self._module)
        return '%s(%s)' % (type(self).__name__, ', '.join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        module = self._module
        self._saved_filters = module.filters
        module.filters = self._saved_filters[:]
        module._filters_mutated()
        self._saved_showwarning = module.showwarning
        self._saved_showwarnmsg_impl = module._showwarnmsg_impl
        if self._filter is not None:
            module.simplefilter(*self._filter)
        if self._record:
            log = []
            module._showwarnmsg_impl = log.append
            # Reset showwarning so that _showwarnmsg reaches the recorder.
            module.showwarning = module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        module = self._module
        module.filters = self._saved_filters
        module._filters_mutated()
        module.showwarning = self._saved_showwarning
        module._showwarnmsg_impl = self._saved_showwarnmsg_impl
