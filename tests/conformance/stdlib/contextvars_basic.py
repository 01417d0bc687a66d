# ContextVar get/set/reset, defaults and tokens.
import contextvars

var = contextvars.ContextVar("var")
print(var.name)
print(var.get("fallback"))
try:
    var.get()
except LookupError as e:
    print("LookupError, argument is the var:", e.args[0] is var, len(e.args))

token = var.set(1)
print(var.get(), var.get("fallback"))
print(token.var is var, token.old_value is contextvars.Token.MISSING)
print(repr(contextvars.Token.MISSING))

token2 = var.set(2)
print(var.get(), token2.old_value)
var.reset(token2)
print(var.get())
var.reset(token)
print(var.get("unset again"))

with_default = contextvars.ContextVar("with_default", default=10)
print(with_default.get(), with_default.get(20))
t = with_default.set(11)
print(with_default.get(), t.old_value is contextvars.Token.MISSING)
with_default.reset(t)
print(with_default.get())

none_default = contextvars.ContextVar("none_default", default=None)
print(none_default.get())

# Setting the same value again still gives a token with that value as old.
v = contextvars.ContextVar("v")
a = v.set("x")
b = v.set("x")
print(b.old_value)
v.reset(b)
print(v.get())

# Many variables in one context.
variables = [contextvars.ContextVar(f"v{i}", default=-1) for i in range(50)]
for i, each in enumerate(variables):
    if i % 2 == 0:
        each.set(i * i)
print([each.get() for each in variables][:12])
print(sum(each.get() for each in variables))

# ContextVars hash and compare by identity.
print(var == var, var != contextvars.ContextVar("var"), hash(var) == hash(var))
print(len({var, var, with_default}))
