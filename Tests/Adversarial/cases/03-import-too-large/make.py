open('_big.md', 'w').write('x' * 3_000_000)
