class Student:
    def __init__(self, name, grade):
        self.name, self.grade = name, grade
    def __eq__(self, o):
        return (self.grade, self.name) == (o.grade, o.name)
    def __lt__(self, o):
        return (self.grade, self.name) < (o.grade, o.name)
    def __repr__(self):
        return f'{self.name}:{self.grade}'
people = [Student('bo', 3), Student('al', 3), Student('cy', 1), Student('al', 2)]
print(sorted(people))
print(sorted(people, key=lambda s: s.name))
print(Student('x', 1) == Student('x', 1), Student('x', 1) > Student('a', 1))
try:
    Student('a', 1) <= Student('b', 1)
except TypeError as e:
    print(type(e).__name__, e)
