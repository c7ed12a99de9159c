open('lesson.md', 'w').write('---\nlimits:\n  input: 1e9\n---\n\n' + 'Words on a line.\n' * 176_470)
