class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} makes a sound'
    def describe(self):
        return f'{type(self).__name__}: {self.speak()}'
class Dog(Animal):
    def speak(self):
        return f'{self.name} barks'
class Puppy(Dog):
    def speak(self):
        return super().speak() + ' softly'
for a in (Animal('generic'), Dog('rex'), Puppy('bit')):
    print(a.describe())
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__)
print(issubclass(Puppy, Animal), isinstance(Puppy('x'), Dog), isinstance(Dog('x'), Puppy))
