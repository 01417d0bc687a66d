from _helper_star import *
print(exported, also_exported)
try:
    print(not_exported)
except NameError as e:
    print(type(e).__name__, e)
from _helper_nostar import *
print(public_a, public_b)
try:
    print(_hidden)
except NameError as e:
    print(type(e).__name__, e)
