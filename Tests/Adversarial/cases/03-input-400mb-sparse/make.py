with open('lesson.md', 'wb') as f:
    f.write(b'# Huge\n')
    f.truncate(400_000_000)  # sparse: no disk used
