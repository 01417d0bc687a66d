import sys
print('exiting with a message')
sys.exit('fatal: message goes to stderr')
