# dataclasses and get_type_hints under `from __future__ import annotations` (string annotations).
from __future__ import annotations
from dataclasses import dataclass, field, fields, KW_ONLY, InitVar
from typing import ClassVar, Optional, get_type_hints
import dataclasses

@dataclass
class Node:
    value: int
    children: list[Node] = field(default_factory=list)
    parent: Optional[Node] = None
    count: ClassVar[int] = 0
    scale: InitVar[int] = 1
    _: KW_ONLY
    label: str = ''
    def __post_init__(self, scale):
        self.value *= scale

n = Node(2, scale=3, label='root')
print(n, [f.name for f in fields(Node)], [f.type for f in fields(Node)])
print(Node.__annotations__)
print({k: v for k, v in get_type_hints(Node).items() if k != '_'})
print(Node.__doc__, Node.__match_args__)
def f(a: int, b: list[Node] | None = None) -> dict[str, Node]:
    pass
print(f.__annotations__, get_type_hints(f))
print(dataclasses.asdict(Node(1, [Node(2)])))
