import os
import sys
print(sys.argv, type(sys.argv).__name__)
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
