def work():
    try:
        raise ValueError('in try')
    finally:
        print('finally ran before the traceback')
work()
