# 5,000 bound names, then 2,000 inline expressions naming names that are not bound.
with open("lesson.md", "w") as f:
    f.write("---\ntitle: Typos\n---\n\n```{eval}\n")
    f.writelines(f"let longname{i} = {i}\n" for i in range(5_000))
    f.write("```\n\n")
    f.writelines(f"{{{{ longnamx{i}q }}}}\n" for i in range(2_000))
