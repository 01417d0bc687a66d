print('starting _helper_raises')
def fail():
    return {}['missing key']
value = fail()
