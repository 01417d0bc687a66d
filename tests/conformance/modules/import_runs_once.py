import sys
import _helper_counter
import _helper_counter
from _helper_counter import bump
print(bump(), bump(), _helper_counter.count)
import _helper_counter as again
print(again.count, again is sys.modules['_helper_counter'])
del sys.modules['_helper_counter']
import _helper_counter
print('fresh module count:', _helper_counter.count, again.count)
