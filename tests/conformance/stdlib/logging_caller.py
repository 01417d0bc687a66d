# %(funcName)s and %(lineno)d name the code that called the logger.
import logging
import sys

logging.basicConfig(stream=sys.stdout, format='%(funcName)s:%(lineno)d:%(filename)s %(message)s')


def work():
    logging.warning('inside work')
    logging.getLogger('x').error('named logger')


def wrapper():
    logging.warning('via stacklevel', stacklevel=2)


work()
wrapper()
logging.warning('at module level')
