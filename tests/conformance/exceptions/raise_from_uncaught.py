class ConfigError(Exception):
    pass
def load():
    try:
        int('abc')
    except ValueError as e:
        raise ConfigError('bad config') from e
load()
