class Config:
    section = None
cfg = Config()
value = cfg.section.name
