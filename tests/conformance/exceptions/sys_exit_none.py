import sys
print('exiting cleanly')
sys.exit()
