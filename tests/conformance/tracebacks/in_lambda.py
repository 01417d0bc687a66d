key = lambda item: item['name']
people = [{'name': 'a'}, {'nom': 'b'}]
people.sort(key=key)
