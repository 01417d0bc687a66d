try:
    raise KeyboardInterrupt
except:
    print('bare except catches BaseException subclasses')
try:
    try:
        raise SystemExit(3)
    except Exception:
        print('not caught by Exception')
except SystemExit as e:
    print('SystemExit escaped Exception handler', e.code)
