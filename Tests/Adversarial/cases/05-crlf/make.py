open('lesson.md', 'w', newline='').write('---\r\ntitle: Old Mac\r\n---\r\n\r\n# H\r\n\r\nA {{ nope }} here.\r\n\r\n```{eval}\r\nlet y = 1\r\n```\r\n')
