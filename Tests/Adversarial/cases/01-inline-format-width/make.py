# 400 holes each formatted 100,000 wide: 20 fit in the 2,000,000-byte output limit set here, the
# 21st (line 26) is refused before it is formatted.
header = "---\nlimits:\n  output: 2e6\n---\n\n# Wide\n\n"
open("lesson.md", "w").write(header + "A {{ 1.5 : 100000.1f }} value.\n\n" * 400)
