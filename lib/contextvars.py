"""Context variables (PEP 567), implemented natively in _contextvars."""

from _contextvars import Context, ContextVar, Token, copy_context

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')
