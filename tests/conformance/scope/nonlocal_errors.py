src = '''
def f():
    nonlocal q
'''
try:
    compile(src, 'm', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
src2 = '''
def f():
    x = 1
    global x
'''
try:
    compile(src2, 'm', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
