open('lesson.md', 'w').write('"' * 20_000_000)
