s = 'a' * 999_999
open('lesson.md', 'w').write('# O\n\n```{eval}\nlet s = "' + s + '"\n```\n\n' + '{{ s }}\n\n' * 400)
