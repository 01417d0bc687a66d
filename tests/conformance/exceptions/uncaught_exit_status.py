print('stdout before the error')
raise ValueError('this ends the program')
