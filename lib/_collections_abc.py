"""The container ABCs under their implementation name, for code that
imports _collections_abc directly; the classes are collections.abc's."""

from collections.abc import *
from collections.abc import __all__, _check_methods, _CallableGenericAlias
