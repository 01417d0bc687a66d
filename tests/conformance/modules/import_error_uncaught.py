print('main starts')
import _helper_raises
