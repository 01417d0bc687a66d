try:
    raise ExceptionGroup('batch', [ValueError('v'), OSError('disk')])
except* ValueError:
    print('handled the ValueError part')
