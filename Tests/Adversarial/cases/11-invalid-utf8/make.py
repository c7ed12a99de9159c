open('lesson.md', 'wb').write(b'# T\r\n\r\nsome text\r\nab\xffcd\r\n')
