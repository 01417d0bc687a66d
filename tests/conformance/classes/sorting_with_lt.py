class Card:
    order = '23456789TJQKA'
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)
    def __repr__(self):
        return self.rank + self.suit
hand = [Card('K', 's'), Card('2', 'h'), Card('A', 'd'), Card('K', 'h'), Card('2', 'c')]
print(sorted(hand))
print(sorted(hand, reverse=True))
hand.sort()
print(hand, min(hand), max(hand))
class NoOrder:
    pass
try:
    sorted([NoOrder(), NoOrder()])
except TypeError as e:
    print(type(e).__name__, e)
