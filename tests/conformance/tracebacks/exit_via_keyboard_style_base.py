class Stop(BaseException):
    pass
print('raising a BaseException subclass')
raise Stop('not an Exception')
