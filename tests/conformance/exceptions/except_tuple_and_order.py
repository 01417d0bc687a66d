def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup-ish ' + type(e).__name__
    except LookupError:
        return 'other lookup'
    except ArithmeticError as e:
        return 'arith ' + type(e).__name__
    except Exception:
        return 'generic'
for exc in (KeyError('k'), IndexError(), LookupError(), OverflowError(), ValueError()):
    print(classify(exc))
