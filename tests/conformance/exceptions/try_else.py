def run(fail):
    try:
        if fail:
            raise ValueError('fail')
        print('body ok')
    except ValueError:
        print('handler')
    else:
        print('else runs only without exception')
    finally:
        print('finally always')
run(False)
run(True)
