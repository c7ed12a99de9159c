open('lesson.md', 'w', newline='').write('---\rtitle: Old Mac\r---\r\r# H\r\rA {{ nope }} here.\r\r```{eval}\rlet y = 1\r```\r')
