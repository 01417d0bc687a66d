import sys
print(sys.version_info.major, sys.version_info.minor, sys.version_info[:2], sys.version_info >= (3, 11))
print(type(sys.version_info).__name__, type(sys.version).__name__)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30), sys.hash_info.modulus, sys.hash_info.inf)
