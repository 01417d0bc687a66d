raise ExceptionGroup('many problems', [ValueError('bad value'), TypeError('bad type')])
